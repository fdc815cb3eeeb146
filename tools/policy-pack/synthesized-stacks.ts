// Reading synthesized stacks from an output directory, for `npm run check` and the synth summary.
import * as fs from 'fs';
import * as path from 'path';
import { StackInput } from './check-stacks';
import { TerraformJson } from './terraform/stack-document';

/** The stack's cdk.tf.json in `directory` (`<outdir>/stacks/<stack>`). */
export function readStack(name: string, directory: string): StackInput {
  const file = path.join(directory, 'cdk.tf.json');
  return { name, file, json: JSON.parse(fs.readFileSync(file, 'utf8')) as TerraformJson };
}
