import * as fs from 'fs';
import * as path from 'path';
import { SYSTEMS } from '../../../stacks/systems';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { SynthesizedStack, synthesizedStacks } from './synthesized-stacks';

// Re-exported for the commands and tests that read synthesized output through this module.
export { synthesizedStacks };
export type { SynthesizedStack };

/** The synthesized stacks in `outdir` (synthesizing every system first if it holds none), filtered by name. */
export function selectStacks(outdir: string, names: readonly string[], log: (line: string) => void): SynthesizedStack[] {
  if (!fs.existsSync(path.join(outdir, 'manifest.json'))) {
    log(`No synthesized output in ${outdir}: synthesizing every system first.`);
    synthesizeSystems(SYSTEMS, outdir);
  }
  const stacks = synthesizedStacks(outdir);
  const unknown = names.filter((name) => !stacks.some((stack) => stack.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown stack ${unknown.join(', ')}: ${outdir} holds ${stacks.map((stack) => stack.name).join(', ')}`);
  }
  return names.length === 0 ? stacks : stacks.filter((stack) => names.includes(stack.name));
}

/** Runs `task` over `items`, at most `limit` at a time, results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
