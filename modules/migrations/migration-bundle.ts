import { createHash } from 'crypto';
import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadMigrationFiles, MigrationFile, migrationsChecksum } from '../../migrations/runner/migration-files';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const HANDLER_ENTRY = path.join(REPOSITORY_ROOT, 'migrations', 'runner', 'lambda-handler.ts');

/** The on-deploy Lambda's code for one system: the runner bundled into index.js, and the system's SQL files. */
export interface MigrationBundle {
  /** A directory holding `index.js` and `migrations/<system>/*.sql`, for a TerraformAsset. */
  readonly directory: string;
  /** A hash of everything in the directory (names and contents): the Lambda's source_code_hash. */
  readonly assetHash: string;
  /** The checksum of the SQL files alone (migrationsChecksum): what re-runs the invocation. */
  readonly migrationsChecksum: string;
  readonly files: readonly MigrationFile[];
}

const cache = new Map<string, MigrationBundle>();
let handlerCode: string | undefined;

/** Forgets bundles built by this process (tests use it to rebuild from disk). */
export function clearBundleCache(): void {
  cache.clear();
}

/**
 * Bundles the runner's Lambda handler with esbuild (pg included; the AWS SDK v3 is left out because
 * the Lambda Node.js runtime provides it). Paths in the bundle's comments are relative to the
 * repository, so the bundle is the same on every machine.
 */
function bundleHandler(): string {
  if (handlerCode === undefined) {
    const result = buildSync({
      entryPoints: [HANDLER_ENTRY],
      absWorkingDir: REPOSITORY_ROOT,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      // pg-native is pg's optional libpq binding, never used here.
      external: ['@aws-sdk/*', 'pg-native'],
      write: false,
      logLevel: 'silent',
      legalComments: 'eof',
    });
    handlerCode = result.outputFiles[0].text;
  }
  return handlerCode;
}

/**
 * Builds (or reuses) the bundle of one system's migrations. The staging directory is named by the
 * content hash under the OS temp directory, so synthesizing again reuses it and no path of this
 * machine reaches the synthesized JSON (TerraformAsset copies it into the stack's `assets/`).
 */
export function buildMigrationBundle(system: string, migrationsRoot: string): MigrationBundle {
  const files = loadMigrationFiles(path.join(migrationsRoot, system));
  const checksum = migrationsChecksum(files);
  const key = `${system}\0${checksum}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const code = bundleHandler();
  const entries: [string, string][] = [['index.js', code], ...files.map((file): [string, string] => [`migrations/${system}/${file.fileName}`, file.sql])];
  const hash = createHash('sha256');
  for (const [name, content] of entries) hash.update(`${name}\0${content}\0`);
  const assetHash = hash.digest('hex').slice(0, 32).toUpperCase();

  const directory = path.join(os.tmpdir(), `datastack-migration-bundle-${system}-${assetHash}`);
  // Reuse a bundle from an earlier synth only if it is intact (a temp-directory cleaner may have been at it).
  const intact = () => entries.every(([name, content]) => {
    const file = path.join(directory, name);
    return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content;
  });
  if (fs.existsSync(directory) && !intact()) fs.rmSync(directory, { recursive: true, force: true });
  if (!fs.existsSync(directory)) {
    // Write beside, then rename: a concurrent synth never sees a half-written bundle.
    const staging = `${directory}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    for (const [name, content] of entries) {
      fs.mkdirSync(path.dirname(path.join(staging, name)), { recursive: true });
      fs.writeFileSync(path.join(staging, name), content);
    }
    try {
      fs.renameSync(staging, directory);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(directory)) throw error;
    }
  }
  const bundle = { directory, assetHash, migrationsChecksum: checksum, files };
  cache.set(key, bundle);
  return bundle;
}
