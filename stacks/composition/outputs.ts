import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';

/** One output a component declares: its default name, what it says, and its value. */
export interface OutputDeclaration {
  /** The output's name unless the system renames it: snake_case with the component's prefix. */
  readonly name: string;
  readonly description: string;
  readonly value: unknown;
  /** Kept out of plan and apply logs. @default false */
  readonly sensitive?: boolean;
}

/**
 * A system's choice of output names for one component: a new name per default name, or `false` to leave
 * the output out (a system whose applications expect the names its requirements give).
 */
export type OutputNames = Readonly<Record<string, string | false>>;

/** Declares a component's outputs under the names the system chose. */
export function declareOutputs(scope: Construct, outputs: readonly OutputDeclaration[], names: OutputNames = {}): void {
  for (const output of outputs) {
    const name = names[output.name] ?? output.name;
    if (name === false) continue;
    new TerraformOutput(scope, name, { value: output.value, description: output.description, sensitive: output.sensitive || undefined });
  }
}
