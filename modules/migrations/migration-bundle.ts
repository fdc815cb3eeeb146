import { createHash } from 'crypto';
import { strToU8, zipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cachedBundle, writeAtomically } from '../bundle-cache';
import { MigrationFile, migrationsChecksum } from '../../migrations/runner/migration-files';
import { MANIFEST_FILE_NAME } from '../../migrations/runner/system-manifest';
import { loadSystemMigrations, SEED_FOLDER } from '../../migrations/runner/system-migrations';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const HANDLER_ENTRY = path.join(REPOSITORY_ROOT, 'migrations', 'runner', 'lambda-handler.ts');

/** The on-deploy Lambda's code for one system: the runner bundled into index.js, and the system's SQL files, zipped. */
export interface MigrationBundle {
  /**
   * The zip archive (`index.js`, `migrations/<system>/*.sql`, its `migrations.json` if any and, only with
   * seed data, `migrations/<system>/seed/*.sql`), for a file TerraformAsset.
   */
  readonly archivePath: string;
  /** A hash of everything in the archive (names and contents): the Lambda's source_code_hash. */
  readonly assetHash: string;
  /** The checksum of the SQL files alone (migrationsChecksum): what re-runs the invocation. */
  readonly migrationsChecksum: string;
  readonly files: readonly MigrationFile[];
  /** With seed data: the checksum of the seed files, which the invocation carries and re-runs on. */
  readonly seedChecksum?: string;
}

/** The archive's file name inside the stack's assets directory. */
export const BUNDLE_ARCHIVE_NAME = 'migrations.zip';

const cache = new Map<string, MigrationBundle>();
let handlerCode: string | undefined;

/** Forgets bundles built by this process (tests use it to rebuild from disk). */
export function clearBundleCache(): void {
  cache.clear();
}

/**
 * Bundles the runner's Lambda handler with esbuild (pg included; the AWS SDK v3 is left out because
 * the Lambda Node.js runtime provides it). Paths in the bundle's comments are relative to the
 * repository, so the bundle is the same on every machine. Rebuilt only when a file it is built from changes.
 */
function bundleHandler(): string {
  handlerCode ??= cachedBundle({
    entryPoint: HANDLER_ENTRY,
    absWorkingDir: REPOSITORY_ROOT,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // pg-native is pg's optional libpq binding, never used here.
    external: ['@aws-sdk/*', 'pg-native'],
    logLevel: 'silent',
    legalComments: 'eof',
  });
  return handlerCode;
}

/**
 * The zip of the bundle's files, the same bytes on every machine: entries in a fixed order, one fixed
 * timestamp (built from local date fields, which is what the zip format stores), and Unix mode 0644 so
 * the Lambda runtime's user can read them.
 */
function zipEntries(entries: readonly [string, string][]): Uint8Array {
  const mtime = new Date(2000, 0, 1);
  return zipSync(Object.fromEntries(entries.map(([name, content]) => [name, [strToU8(content), { mtime, os: 3, attrs: 0o644 << 16, level: 9 }]])));
}

/** Bump when zipEntries changes the bytes it writes for the same entries. */
const ARCHIVE_FORMAT = 1;
/** fflate's version: another deflate implementation may compress the same entries to other bytes. */
const FFLATE_VERSION = (JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('fflate')), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** What an archive's record (`migrations.zip.json`, beside it) holds: how it was made and its bytes' hash. */
interface ArchiveRecord {
  readonly format: number;
  readonly fflate: string;
  readonly sha256: string;
}

const recordPathOf = (archivePath: string) => `${archivePath}.json`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Whether the archive at `archivePath` (its directory is named by the hash of the entries) was zipped the
 * way zipEntries zips now and is unchanged since: its record names this format and fflate version and the
 * hash of its bytes. Then it holds the bytes zipping again would give, and zipping (level 9, the largest
 * cost of a bundle) is skipped.
 */
function archiveIntact(archivePath: string): boolean {
  try {
    const record = JSON.parse(fs.readFileSync(recordPathOf(archivePath), 'utf8')) as ArchiveRecord;
    return record.format === ARCHIVE_FORMAT && record.fflate === FFLATE_VERSION && record.sha256 === sha256(fs.readFileSync(archivePath));
  } catch {
    // No record, no archive (a temp-directory cleaner may have been at it) or not readable: zip again.
    return false;
  }
}

/** Writes the archive, then its record, each atomically: a concurrent synth never reads half a file. */
function writeArchive(archivePath: string, archive: Uint8Array): void {
  const record: ArchiveRecord = { format: ARCHIVE_FORMAT, fflate: FFLATE_VERSION, sha256: sha256(archive) };
  writeAtomically(archivePath, archive);
  writeAtomically(recordPathOf(archivePath), JSON.stringify(record));
}

/**
 * Builds (or reuses) the bundle of one system's migrations. Zipped here, in-process, rather than by
 * cdktf's archive asset, which starts a node process per stack on every synth. The archive is named by
 * the content hash under the OS temp directory, so synthesizing again reuses it, without zipping, while it
 * is intact (archiveIntact), and no path of this machine reaches the synthesized JSON (TerraformAsset copies it into the stack's `assets/`). Seed files are
 * bundled only with `seedData`, so a function built without it cannot apply them.
 */
export function buildMigrationBundle(system: string, migrationsRoot: string, options: { readonly seedData?: boolean } = {}): MigrationBundle {
  const directory = path.join(migrationsRoot, system);
  const { files, seedFiles } = loadSystemMigrations(directory, { seed: options.seedData ?? false });
  const checksum = migrationsChecksum(files);
  const seedChecksum = seedFiles === undefined ? undefined : migrationsChecksum(seedFiles);
  const manifestPath = path.join(directory, MANIFEST_FILE_NAME);
  const manifest = fs.existsSync(manifestPath) ? fs.readFileSync(manifestPath, 'utf8') : undefined;
  const key = `${system}\0${checksum}\0${seedChecksum ?? ''}\0${manifest ?? ''}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const code = bundleHandler();
  const entries: [string, string][] = [
    ['index.js', code],
    ...files.map((file): [string, string] => [`migrations/${system}/${file.fileName}`, file.sql]),
    ...(manifest === undefined ? [] : [[`migrations/${system}/${MANIFEST_FILE_NAME}`, manifest] as [string, string]]),
    ...(seedFiles ?? []).map((file): [string, string] => [`migrations/${system}/${SEED_FOLDER}/${file.fileName}`, file.sql]),
  ];
  const hash = createHash('sha256');
  for (const [name, content] of entries) hash.update(`${name}\0${content}\0`);
  const assetHash = hash.digest('hex').slice(0, 32).toUpperCase();

  const bundleDirectory = path.join(os.tmpdir(), `datastack-migration-bundle-${system}-${assetHash}`);
  const archivePath = path.join(bundleDirectory, BUNDLE_ARCHIVE_NAME);
  if (!archiveIntact(archivePath)) writeArchive(archivePath, zipEntries(entries));
  const bundle = { archivePath, assetHash, migrationsChecksum: checksum, files, seedChecksum };
  cache.set(key, bundle);
  return bundle;
}
