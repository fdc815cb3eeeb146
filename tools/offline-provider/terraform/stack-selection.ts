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

/** Each item's `task` started at once but run at most `limit` at a time, in input order: one promise per item. */
export function eachInParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R>[] {
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running < Math.max(1, limit)) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map(async (item) => {
    await slot();
    try {
      return await task(item);
    } finally {
      release();
    }
  });
}

/** Runs `task` over `items`, at most `limit` at a time, results in input order. */
export function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(eachInParallel(items, limit, task));
}
