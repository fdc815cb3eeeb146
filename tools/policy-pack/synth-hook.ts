// The policy summary `npm run synth` prints, loaded as one esbuild bundle. When `npm run synth` ran main.ts
// under ts-node with type checking, type-checking the pack's ninety-odd files there added 1.5-2.5 s of CPU
// and 20 MB to a 9-10 s run (docs/policy-pack.md, Measurements); bundled, the pack also stays out of the
// type-check gate's program (tools/run/type-check-gate.js). `npm test` type-checks the pack
// (tsc --noEmit), so the synth process only needs its JavaScript. The bundle is rebuilt only when one of
// its files changes (modules/bundle-cache).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cachedBundle } from '../../modules/bundle-cache';

type Summary = (outdir: string) => string;
let summary: Summary | undefined;

function loadBundledSummary(): Summary {
  const code = cachedBundle({
    entryPoint: path.join(__dirname, 'synth-summary.ts'),
    absWorkingDir: path.resolve(__dirname, '..', '..'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-policy-pack-'));
  try {
    const file = path.join(directory, 'synth-summary.js');
    fs.writeFileSync(file, code);
    return (require(file) as { policyChecksSummary: Summary }).policyChecksSummary;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** `Policy checks: 0 errors, 0 warnings (55 suppressed) over 4 stacks` for the stacks in `outdir`, or why it could not run. */
export function policyChecksSummary(outdir: string): string {
  try {
    summary ??= loadBundledSummary();
    return summary(outdir);
  } catch (error) {
    return `Policy checks: not run (${(error as Error).message})`;
  }
}
