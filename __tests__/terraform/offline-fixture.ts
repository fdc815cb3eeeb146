import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SYSTEMS } from '../../stacks/systems';
import { synthesizeSystems } from '../../stacks/synthesis/synthesize-systems';
import { SynthesizedStack, synthesizedStacks } from '../../tools/offline-provider/terraform/stack-selection';

/** Every stack the app synthesizes today (SYSTEMS), into a temporary directory: no list kept by hand. */
export function synthesizeEveryStack(): { outdir: string; stacks: SynthesizedStack[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-synth-'));
  synthesizeSystems(SYSTEMS, outdir);
  return { outdir, stacks: synthesizedStacks(outdir) };
}

/** Removes every `prevent_destroy` from a working copy's JSON (the test's last step destroys everything). */
export function allowDestroy(directory: string): void {
  const file = path.join(directory, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const resources of Object.values(json.resource ?? {}) as Record<string, any>[]) {
    for (const resource of Object.values(resources)) delete resource.lifecycle?.prevent_destroy;
  }
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

export function hasPreventDestroy(directory: string): boolean {
  return fs.readFileSync(path.join(directory, 'cdk.tf.json'), 'utf8').includes('"prevent_destroy": true');
}

/**
 * The addresses in a state as Terraform stores it (what `terraform state list` prints), read directly: the
 * stored state is the state, and reading it costs no Terraform run. No state yet: none.
 */
export function stateAddresses(storedState: string | undefined): string[] {
  if (storedState === undefined) return [];
  const state = JSON.parse(storedState) as {
    resources?: { mode: string; type: string; name: string; instances: { index_key?: string | number }[] }[];
  };
  return (state.resources ?? []).flatMap((resource) =>
    resource.instances.map(
      (instance) =>
        `${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}${instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`}`,
    ),
  );
}
