// `npm run check [-- <stack>...] [--format text|json|sarif] [--output <file>] [--rules-markdown]`: the policy
// pack over the synthesized stacks (synthesizing first when cdktf.out holds none). Exit code 1 when a
// finding of severity error is not suppressed; 2 for bad usage, an unknown stack or an invalid suppression.
import * as fs from 'fs';
import * as path from 'path';
import { runCommand } from '../offline-provider/run-command';
import { selectStacks } from '../offline-provider/terraform/stack-selection';
import { parseCheckArguments, ReportFormat } from './check-arguments';
import { checkStacks, countFindings, PolicyReport, summaryLine } from './check-stacks';
import { jsonReport } from './report/json-report';
import { rulesMarkdown } from './report/rules-markdown';
import { sarifReport } from './report/sarif-report';
import { textReport } from './report/text-report';
import { RULES } from './rules';
import { SYSTEM_SUPPRESSIONS } from './suppressions';
import { readStack } from './synthesized-stacks';

function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function render(report: PolicyReport, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return textReport(report);
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return sarifReport(report, process.cwd(), packageVersion());
  }
}

async function main(): Promise<number> {
  const options = parseCheckArguments(process.argv.slice(2));
  if (options.rulesMarkdown) {
    process.stdout.write(rulesMarkdown(RULES));
    return 0;
  }
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  // Progress goes to stderr: stdout may be a JSON or SARIF document.
  const stacks = selectStacks(outdir, options.stacks, (line) => console.error(line));
  const report = checkStacks(
    stacks.map((stack) => readStack(stack.name, stack.directory)),
    RULES,
    SYSTEM_SUPPRESSIONS,
  );
  const rendered = render(report, options.format);
  if (options.output === undefined) process.stdout.write(rendered);
  else {
    fs.writeFileSync(options.output, rendered);
    console.error(`${summaryLine(report)}; ${options.format} report written to ${options.output}`);
  }
  return countFindings(report).unsuppressedErrors > 0 ? 1 : 0;
}

runCommand(main);
