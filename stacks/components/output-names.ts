import { describeValue, ValidationRule } from '../../modules/validation';
import { OutputNames } from '../composition/outputs';

const OUTPUT_NAME = /^[a-z][a-z0-9_]*$/;

/** A system's output renames name outputs the component declares, and new names are snake_case. */
export function outputNamesRules(setting: string, names: OutputNames | undefined, declared: readonly string[]): ValidationRule[] {
  return Object.entries(names ?? {}).flatMap(([name, rename]) => [
    {
      condition: declared.includes(name),
      message: `${setting}.outputs renames ${describeValue(name)}, which is not an output of this component (its outputs: ${declared.join(', ')})`,
    },
    {
      condition: rename === false || (typeof rename === 'string' && OUTPUT_NAME.test(rename)),
      message: `${setting}.outputs.${name} must be a snake_case output name or false (left out), got ${describeValue(rename)}`,
    },
  ]);
}
