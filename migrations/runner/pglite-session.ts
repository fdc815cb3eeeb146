import { PGlite, PGliteOptions } from '@electric-sql/pglite';
import * as v8 from 'v8';
import { DataDirectoryEntry } from './data-directory-archive';
import { emptyDatabaseFile, keepEmptyDatabase, readEmptyDatabase } from './pglite-empty-database';
import { pgliteExtensions } from './pglite-extensions';
import { MemoryDataDirectory } from './pglite-memory-data-directory';
import { SqlSession } from './sql-session';

/** The extensions a system's migrations need (its declaration), for the embedded database to load. */
export interface RequiredExtensions {
  readonly system: string;
  /** SQL names, e.g. `vector`. */
  readonly extensions: readonly string[];
}

/**
 * PostgreSQL's buffer pool in the embedded database. PostgreSQL zeroes all of it at start-up, and PGlite's
 * data files are already held by this process (in memory, or in the operating system's file cache), so
 * initdb's 128MB would only cost start-up time and memory.
 */
const SHARED_BUFFERS = '16MB';

/**
 * How much a WebAssembly function runs before V8 recompiles it with its optimizing compiler (V8's own
 * default: 1,800,000, a rough count of bytes executed). PGlite's start-up and a few migrations run thousands
 * of PostgreSQL's functions past the default, and optimizing them costs more CPU than the run they would
 * speed up (in `npm run migrate`, about twice the CPU of everything else) and holds the process at exit until
 * the compiles finish. At 100 times the default only code that runs long (a bulk insert, an index build)
 * is optimized. V8 reads it when a module is compiled: set before PGlite compiles its module (once per process).
 */
const WASM_TIERING_BUDGET = 180_000_000;

function tuneWebAssemblyTiering(): void {
  v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
}

/**
 * Embedded PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly, in this process), in memory or
 * kept in `dataDir`, with the extensions a system needs loaded. One connection, which is all the runner uses.
 * In memory, a new database starts from a cached copy of an empty one (pglite-empty-database.ts).
 */
export async function openPglite(dataDir?: string, required?: RequiredExtensions): Promise<SqlSession> {
  tuneWebAssemblyTiering();
  const extensions = required === undefined || required.extensions.length === 0 ? undefined : pgliteExtensions(required.system, required.extensions);
  const options: PGliteOptions = {
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(extensions === undefined ? {} : { extensions }),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  };
  if (dataDir !== undefined) return session(await started(new PGlite(options)), dataDir);

  // In memory: start from the cached empty data directory when there is one, else make it and keep it.
  const emptyDatabase = emptyDatabaseFile(required?.extensions ?? []);
  const cached = readEmptyDatabase(emptyDatabase);
  if (cached !== undefined) {
    try {
      return session(await started(new PGlite({ ...options, fs: new MemoryDataDirectory(cached) })), dataDir);
    } catch {
      // A cache entry PostgreSQL cannot start from: make it afresh below, which replaces it.
    }
  }
  const empty = await newEmptyDataDirectory(options);
  keepEmptyDatabase(emptyDatabase, empty);
  return session(await started(new PGlite({ ...options, fs: new MemoryDataDirectory(empty) })), dataDir);
}

/**
 * A new database's data directory, after initdb and a clean shutdown: a database started from it needs no
 * crash recovery and finds the relation cache files the first start wrote.
 */
async function newEmptyDataDirectory(options: PGliteOptions): Promise<DataDirectoryEntry[]> {
  const directory = new MemoryDataDirectory([], true);
  const db = await started(new PGlite({ ...options, fs: directory }));
  await db.close();
  if (directory.closedDataDirectory === undefined) throw new Error('PGlite closed without handing back its data directory');
  return directory.closedDataDirectory;
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
