import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DamagedArchiveError, DataDirectoryEntry, readDataDirectoryArchive, writeDataDirectoryArchive } from './data-directory-archive';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
/** Bump when what is cached changes (2: taken after a clean shutdown instead of from the running database). */
const FORMAT = 2;

/** The installed PGlite's package version (its package.json is not in the package's exports, so it is read by path). */
function pgliteVersion(): string {
  let directory = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(directory, 'package.json'))) directory = path.dirname(directory);
  return (JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Where the data directory of a new, empty embedded database is kept: what PGlite's initdb wrote, as the
 * database left it after a clean shutdown, before any statement of a run (an archive,
 * data-directory-archive.ts). Starting from it skips initdb and, the shutdown having been clean, crash
 * recovery (docs/performance.md). Keyed by the PGlite version and the extensions loaded; under
 * node_modules/.cache, gone with `npm ci`. DATASTACK_PGLITE_CACHE_DIRECTORY puts it elsewhere.
 */
export function emptyDatabaseFile(extensions: readonly string[]): string {
  const directory = process.env.DATASTACK_PGLITE_CACHE_DIRECTORY || path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'datastack-pglite');
  const key = createHash('sha256').update(JSON.stringify({ format: FORMAT, version: pgliteVersion(), extensions: [...extensions].sort() })).digest('hex').slice(0, 24);
  return path.join(directory, `empty-${key}.tar`);
}

/**
 * The cached empty data directory, read into memory once; undefined when there is none yet or it is damaged
 * (then the caller makes a new one). Every call returns a copy of its own: the database works on its bytes.
 */
export function readEmptyDatabase(file: string): DataDirectoryEntry[] | undefined {
  let archive: Buffer;
  try {
    archive = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const entries = readDataDirectoryArchive(archive);
    return entries.some((entry) => entry.path === 'PG_VERSION' && entry.kind === 'file') ? entries : undefined;
  } catch (error) {
    if (error instanceof DamagedArchiveError) return undefined;
    throw error;
  }
}

/** Keeps an empty data directory for the next run; through a rename, so a parallel run never reads half of it. */
export function keepEmptyDatabase(file: string, entries: readonly DataDirectoryEntry[]): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, writeDataDirectoryArchive(entries));
    fs.renameSync(temporary, file);
  } catch {
    // A read-only cache only costs the next run its initdb.
  }
}
