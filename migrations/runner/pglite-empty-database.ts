import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

/** The installed PGlite's package version (its package.json is not in the package's exports, so it is read by path). */
function pgliteVersion(): string {
  let directory = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(directory, 'package.json'))) directory = path.dirname(directory);
  return (JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Where the data directory of a new, empty embedded database is kept: a tar of what PGlite's initdb wrote,
 * taken before any statement ran. Starting from it skips initdb, most of an in-memory run's start-up
 * (docs/performance.md). Keyed by the PGlite version and the extensions loaded; under node_modules/.cache,
 * gone with `npm ci`. DATASTACK_PGLITE_CACHE_DIRECTORY puts it elsewhere.
 */
export function emptyDatabaseFile(extensions: readonly string[]): string {
  const directory = process.env.DATASTACK_PGLITE_CACHE_DIRECTORY || path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'datastack-pglite');
  const key = createHash('sha256').update(JSON.stringify({ version: pgliteVersion(), extensions: [...extensions].sort() })).digest('hex').slice(0, 24);
  return path.join(directory, `empty-${key}.tar`);
}

/** The cached empty data directory, or undefined when there is none yet. */
export function readEmptyDatabase(file: string): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Keeps an empty data directory for the next run; through a rename, so a parallel run never reads half of it. */
export async function keepEmptyDatabase(file: string, dump: Blob): Promise<void> {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(temporary, file);
  } catch {
    // A read-only cache only costs the next run its initdb.
  }
}
