import * as fs from 'fs';
import * as path from 'path';

export interface SynthesizedStack {
  readonly name: string;
  readonly directory: string;
}

/** `<outdir>/stacks/<stack>` for each stack in a synthesized output directory's manifest, sorted by name. */
export function synthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return (Object.values(manifest.stacks) as { name: string; workingDirectory: string }[])
    .map((stack) => ({ name: stack.name, directory: path.join(outdir, stack.workingDirectory) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
