// `npm run check [-- <stack>...] [--format text|json|sarif] [--output <file>] [--rules-markdown]`: the policy
// pack over the synthesized stacks (synthesizing first when cdktf.out holds none). Exit code 1 when a
// finding of severity error is not suppressed; 2 for bad usage, an unknown stack or an invalid suppression.
import * as fs from 'fs';
import * as path from 'path';
import { runCommand } from '../offline-provider/run-command';
import { parseCheckArguments, ReportFormat } from './check-arguments';
import { checkStacks, countFindings, PolicyReport, summaryLine } from './check-stacks';
import { SystemSuppressions } from './policy-suppression';
import { jsonReport } from './report/json-report';
import { rulesMarkdown } from './report/rules-markdown';
import { sarifReport } from './report/sarif-report';
import { textReport } from './report/text-report';
import { RULES } from './rules';
import { SYSTEM_SUPPRESSIONS } from './suppressions';
import { readStack } from './synthesized-stacks';

/** What the command reads and where it writes; tests pass their own. */
export interface CheckEnvironment {
  /** The synthesized output directory (`CDKTF_OUTDIR`, else `cdktf.out`). */
  readonly outdir: string;
  readonly suppressions: readonly SystemSuppressions[];
  /** SARIF artifact URIs are relative to this directory (the repository root in CI). */
  readonly root: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (line: string) => void;
}

function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function render(report: PolicyReport, format: ReportFormat, root: string): string {
  switch (format) {
    case 'text':
      return textReport(report);
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return sarifReport(report, root, packageVersion());
  }
}

/** Runs the command; resolves to its exit code, rejects (exit code 2) on bad usage or configuration. */
export async function runCheck(args: readonly string[], environment: CheckEnvironment): Promise<number> {
  const options = parseCheckArguments(args);
  if (options.rulesMarkdown) {
    environment.stdout(rulesMarkdown(RULES));
    return 0;
  }
  // Loaded here, not at the top: it brings every system's stack classes, which only synthesis needs.
  const { selectStacks } = await import('../offline-provider/terraform/stack-selection');
  // Progress goes to stderr: stdout may be a JSON or SARIF document.
  const stacks = selectStacks(environment.outdir, options.stacks, environment.stderr);
  const report = checkStacks(
    stacks.map((stack) => readStack(stack.name, stack.directory)),
    RULES,
    environment.suppressions,
  );
  const rendered = render(report, options.format, environment.root);
  if (options.output === undefined) environment.stdout(rendered);
  else {
    fs.writeFileSync(options.output, rendered);
    environment.stderr(`${summaryLine(report)}; ${options.format} report written to ${options.output}`);
  }
  return countFindings(report).unsuppressedErrors > 0 ? 1 : 0;
}

if (require.main === module) {
  runCommand(() =>
    runCheck(process.argv.slice(2), {
      outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
      suppressions: SYSTEM_SUPPRESSIONS,
      root: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (line) => console.error(line),
    }),
  );
}
