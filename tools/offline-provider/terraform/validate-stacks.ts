import * as os from 'os';
import { OfflineTerraform } from './offline-terraform';
import { SynthesizedStack, inParallel } from './stack-selection';

export interface StackValidation {
  readonly stack: string;
  readonly valid: boolean;
  readonly seconds: number;
  /** Terraform's own output when init or validate failed. */
  readonly output: string;
}

/** `terraform init -backend=false` and `terraform validate` for one stack, in its own working copy. */
export async function validateStack(terraform: OfflineTerraform, stack: SynthesizedStack): Promise<StackValidation> {
  const copy = terraform.workingCopy(stack.directory, 'disabled');
  const init = await copy.init();
  if (init.exitCode !== 0) return { stack: stack.name, valid: false, seconds: init.seconds, output: init.stdout + init.stderr };
  const validate = await copy.run(['validate', '-no-color']);
  return { stack: stack.name, valid: validate.exitCode === 0, seconds: init.seconds + validate.seconds, output: validate.stdout + validate.stderr };
}

export function validateStacks(terraform: OfflineTerraform, stacks: readonly SynthesizedStack[]): Promise<StackValidation[]> {
  return inParallel(stacks, os.availableParallelism(), (stack) => validateStack(terraform, stack));
}

/** One line per stack, as `npm run validate` prints it. */
export function validationLine(result: StackValidation): string {
  return `${result.valid ? 'valid  ' : 'INVALID'} ${result.stack} (${result.seconds.toFixed(1)} s)`;
}
