import { OfflineTerraform, TerraformResult, WorkingCopy } from './offline-terraform';
import { SynthesizedStack } from './stack-selection';

export interface StackPlan {
  readonly stack: string;
  readonly succeeded: boolean;
  /** Terraform's summary line: `Plan: 70 to add, 0 to change, 0 to destroy.` or `No changes. ...`. */
  readonly summary: string;
  /** `<action> <address>` for each planned resource change. */
  readonly changes: string[];
  readonly seconds: number;
  readonly output: string;
}

export function summaryLine(output: string): string {
  return output.split('\n').find((line) => /^(Plan: |No changes\.)/.test(line)) ?? '';
}

/** Plans through the stand-in in `copy` (already initialized), saving the plan to `plan.bin`. */
export async function planInCopy(copy: WorkingCopy, stack: string): Promise<StackPlan> {
  const plan: TerraformResult = await copy.run(['plan', '-no-color', '-input=false', '-out=plan.bin']);
  if (plan.exitCode !== 0) return { stack, succeeded: false, summary: '', changes: [], seconds: plan.seconds, output: plan.stdout + plan.stderr };
  const show = await copy.run(['show', '-json', 'plan.bin']);
  const changes = (JSON.parse(show.stdout).resource_changes ?? []) as { address: string; change: { actions: string[] } }[];
  return {
    stack,
    succeeded: true,
    summary: summaryLine(plan.stdout),
    changes: changes.filter((change) => !change.change.actions.includes('no-op')).map((change) => `${change.change.actions.join('/')} ${change.address}`),
    seconds: plan.seconds,
    output: plan.stdout,
  };
}

/** `terraform plan` for one stack with local state in a fresh working copy. */
export async function planStack(terraform: OfflineTerraform, stack: SynthesizedStack): Promise<StackPlan> {
  const copy = terraform.workingCopy(stack.directory, 'local');
  const init = await copy.init();
  if (init.exitCode !== 0) return { stack: stack.name, succeeded: false, summary: '', changes: [], seconds: init.seconds, output: init.stdout + init.stderr };
  return planInCopy(copy, stack.name);
}
