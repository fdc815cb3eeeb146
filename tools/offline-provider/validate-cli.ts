// `npm run validate [-- <stack>...]`: terraform init (backend disabled, offline mirror) and validate on the
// synthesized stacks, one line per stack, exit code 1 if any is invalid.
import { OfflineTerraform } from './terraform/offline-terraform';
import { selectStacks } from './terraform/stack-selection';
import { validateStacks, validationLine } from './terraform/validate-stacks';
import { runCommand } from './run-command';

async function main(): Promise<number> {
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const stacks = selectStacks(outdir, process.argv.slice(2), (line) => console.log(line));
  const terraform = new OfflineTerraform();
  try {
    const results = await validateStacks(terraform, stacks);
    for (const result of results) console.log(validationLine(result));
    for (const result of results.filter((failed) => !failed.valid)) console.error(`\n${result.stack}:\n${result.output.trim()}`);
    return results.every((result) => result.valid) ? 0 : 1;
  } finally {
    terraform.dispose();
  }
}

runCommand(main);
