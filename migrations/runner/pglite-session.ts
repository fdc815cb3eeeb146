import { PGlite } from '@electric-sql/pglite';
import { emptyDatabaseFile, keepEmptyDatabase, readEmptyDatabase } from './pglite-empty-database';
import { pgliteExtensions } from './pglite-extensions';
import { SqlSession } from './sql-session';

/** The extensions a system's migrations need (its declaration), for the embedded database to load. */
export interface RequiredExtensions {
  readonly system: string;
  /** SQL names, e.g. `vector`. */
  readonly extensions: readonly string[];
}

/**
 * Embedded PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly, in this process), in memory or
 * kept in `dataDir`, with the extensions a system needs loaded. One connection, which is all the runner uses.
 * In memory, a new database starts from a cached copy of an empty one (pglite-empty-database.ts).
 */
export async function openPglite(dataDir?: string, required?: RequiredExtensions): Promise<SqlSession> {
  const extensions = required === undefined || required.extensions.length === 0 ? undefined : pgliteExtensions(required.system, required.extensions);
  const options = { ...(dataDir === undefined ? {} : { dataDir }), ...(extensions === undefined ? {} : { extensions }) };
  if (dataDir !== undefined) return session(await started(new PGlite(options)), dataDir);

  // In memory: start from the cached empty data directory when there is one, else run initdb and keep its result.
  const emptyDatabase = emptyDatabaseFile(required?.extensions ?? []);
  const cached = readEmptyDatabase(emptyDatabase);
  if (cached !== undefined) {
    try {
      return session(await started(new PGlite({ ...options, loadDataDir: cached })), dataDir);
    } catch {
      // A damaged cache entry: start afresh below, which replaces it.
    }
  }
  const db = await started(new PGlite(options));
  await keepEmptyDatabase(emptyDatabase, await db.dumpDataDir('none'));
  return session(db, dataDir);
}

async function started(db: PGlite): Promise<PGlite> {
  try {
    await db.waitReady;
  } catch (error) {
    // PGlite loads Node built-ins with dynamic import(), which jest allows only under this flag.
    if (String(error).includes('experimental-vm-modules')) {
      throw new Error('PGlite under jest needs node --experimental-vm-modules: run the tests with `npm test`', { cause: error });
    }
    throw error;
  }
  return db;
}

function session(db: PGlite, dataDir: string | undefined): SqlSession {
  return {
    description: dataDir === undefined ? 'PGlite (in memory)' : `PGlite (data directory ${dataDir})`,
    async execute(sql) {
      await db.exec(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
    async close() {
      await db.close();
    },
  };
}
