// `npm run plan:offline -- <stack>`: terraform plan through the offline stand-in (local, empty state);
// prints the summary and the address of every planned resource change.
import { OfflineTerraform } from './terraform/offline-terraform';
import { planStack } from './terraform/plan-stack';
import { selectStacks } from './terraform/stack-selection';
import { runCommand } from './run-command';

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  if (names.length !== 1) throw new Error('usage: npm run plan:offline -- <stack>');
  const [stack] = selectStacks(process.env.CDKTF_OUTDIR ?? 'cdktf.out', names, (line) => console.log(line));
  const terraform = new OfflineTerraform();
  try {
    const plan = await planStack(terraform, stack);
    if (!plan.succeeded) {
      console.error(plan.output.trim());
      return 1;
    }
    console.log(`${plan.stack}: ${plan.summary}`);
    for (const change of plan.changes) console.log(`  ${change}`);
    return 0;
  } finally {
    terraform.dispose();
  }
}

runCommand(main);
