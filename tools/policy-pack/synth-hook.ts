// The policy summary `npm run synth` prints, loaded as one esbuild bundle. When `npm run synth` ran main.ts
// under ts-node with type checking, type-checking the pack's ninety-odd files there added 1.5-2.5 s of CPU
// and 20 MB to a 9-10 s run (docs/policy-pack.md, Measurements); bundled, the pack also stays out of the
// type-check gate's program (tools/run/type-check-gate.js). `npm test` type-checks the pack
// (tsc --noEmit), so the synth process only needs its JavaScript. The bundle is rebuilt only when one of
// its files changes (modules/bundle-cache), and the line is computed again only when the bundle or the
// synthesized JSON changed (summaryKey).
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cachedBundle, writeAtomically } from '../../modules/bundle-cache';
import { synthesizedStacks } from '../offline-provider/terraform/synthesized-stacks';

type Summary = (outdir: string) => string;
let summary: Summary | undefined;

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
/** Bump when what the key covers or what is stored changes. */
const FORMAT = 1;
const NOT_RUN = 'Policy checks: not run';

/** Gitignored with node_modules; DATASTACK_POLICY_SUMMARY_CACHE_DIRECTORY puts it elsewhere. */
export function policySummaryCacheDirectory(): string {
  return process.env.DATASTACK_POLICY_SUMMARY_CACHE_DIRECTORY || path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'datastack-policy-summary');
}

function bundledSummaryCode(): string {
  return cachedBundle({
    entryPoint: path.join(__dirname, 'synth-summary.ts'),
    absWorkingDir: REPOSITORY_ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
}

function loadBundledSummary(code: string): Summary {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-policy-pack-'));
  try {
    const file = path.join(directory, 'synth-summary.js');
    fs.writeFileSync(file, code);
    return (require(file) as { policyChecksSummary: Summary }).policyChecksSummary;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The hash of everything the summary line is computed from: the pack's code (rules and suppressions are
 * bundled into it, and it requires no package) and every file it reads in `outdir` (the manifest, whose
 * stack names and directories it uses, and each stack's cdk.tf.json). Undefined when one cannot be read:
 * the pack then runs and says why.
 */
export function summaryKey(code: string, outdir: string): string | undefined {
  try {
    const hash = createHash('sha256').update(`${FORMAT}\0${code}\0`);
    hash.update(fs.readFileSync(path.join(outdir, 'manifest.json')));
    for (const stack of synthesizedStacks(outdir)) {
      hash.update(`\0${stack.name}\0`);
      hash.update(fs.readFileSync(path.join(stack.directory, 'cdk.tf.json')));
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

function readCachedLine(key: string): string | undefined {
  try {
    return fs.readFileSync(path.join(policySummaryCacheDirectory(), `${key}.txt`), 'utf8');
  } catch {
    return undefined;
  }
}

function cacheLine(key: string, line: string): void {
  try {
    writeAtomically(path.join(policySummaryCacheDirectory(), `${key}.txt`), line);
  } catch {
    // A read-only cache only costs the next run the checks.
  }
}

/**
 * `Policy checks: 0 errors, 0 warnings (55 suppressed) over 4 stacks` for the stacks in `outdir`, or why it
 * could not run. The same JSON checked by the same pack gives the same line, so it is kept by summaryKey and
 * the checks run only when the pack or a stack changed.
 */
export function policyChecksSummary(outdir: string): string {
  try {
    const code = bundledSummaryCode();
    const key = summaryKey(code, outdir);
    const cached = key === undefined ? undefined : readCachedLine(key);
    if (cached !== undefined) return cached;
    summary ??= loadBundledSummary(code);
    const line = summary(outdir);
    // A line saying why the checks could not run is not a result of the inputs: not kept.
    if (key !== undefined && !line.startsWith(NOT_RUN)) cacheLine(key, line);
    return line;
  } catch (error) {
    return `${NOT_RUN} (${(error as Error).message})`;
  }
}
