import { createHash } from 'crypto';
import { buildSync, BuildOptions, version as esbuildVersion } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { writeAtomically } from './write-atomically';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
/** Gitignored with node_modules, gone with `npm ci`; DATASTACK_BUNDLE_CACHE_DIRECTORY puts it elsewhere. */
export function bundleCacheDirectory(): string {
  return process.env.DATASTACK_BUNDLE_CACHE_DIRECTORY || path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'datastack-bundles');
}
/** Bump when what is stored changes shape. */
const FORMAT = 1;

/** The build options a cached bundle accepts: one entry point, written to memory, paths from a fixed root. */
export type BundleOptions = Omit<BuildOptions, 'write' | 'metafile' | 'outfile' | 'outdir' | 'entryPoints' | 'absWorkingDir'> & {
  readonly entryPoint: string;
  readonly absWorkingDir: string;
};

/** What a cache entry records: every file esbuild read, by its content's hash, and the hash of the output. */
interface InputsRecord {
  readonly inputs: Record<string, string>;
  readonly output: string;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

function fileHash(file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

function readRecord(file: string): InputsRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as InputsRecord;
  } catch {
    return undefined;
  }
}

/**
 * An esbuild bundle (one JavaScript file, as text), built only when one of the files it was built from
 * changed. The cache is keyed by the options, esbuild's version and the lock file (a dependency upgrade
 * rebuilds), and an entry is reused only if every input esbuild read (its metafile) still has the same
 * content and the stored output still has the recorded hash: the text returned is byte for byte what a
 * fresh build gives. A file that did not exist at the last build but would now be resolved first (a new
 * `x.ts` beside an imported `x/index.ts`) is not seen; any edit to an importing file is.
 */
export function cachedBundle(options: BundleOptions, cacheDirectory = bundleCacheDirectory()): string {
  const { entryPoint, ...buildOptions } = options;
  const lockFile = fileHash(path.join(REPOSITORY_ROOT, 'package-lock.json')) ?? '';
  const key = sha256(JSON.stringify({ FORMAT, esbuildVersion, lockFile, entryPoint, buildOptions }));
  const recordFile = path.join(cacheDirectory, `${key}.inputs.json`);
  const outputFile = path.join(cacheDirectory, `${key}.js`);

  const record = readRecord(recordFile);
  if (record !== undefined && Object.entries(record.inputs).every(([input, hash]) => fileHash(path.resolve(options.absWorkingDir, input)) === hash)) {
    try {
      const output = fs.readFileSync(outputFile, 'utf8');
      if (sha256(output) === record.output) return output;
    } catch {
      // Gone or unreadable: build again below.
    }
  }

  const result = buildSync({ ...buildOptions, entryPoints: [entryPoint], write: false, metafile: true });
  const output = result.outputFiles[0].text;
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((input) => [input, fileHash(path.resolve(options.absWorkingDir, input)) ?? '']));
  try {
    writeAtomically(outputFile, output);
    writeAtomically(recordFile, JSON.stringify({ inputs, output: sha256(output) } satisfies InputsRecord));
  } catch {
    // A read-only cache directory only costs the next build.
  }
  return output;
}
