import { PGlite, PGliteOptions } from '@electric-sql/pglite';
import * as fs from 'fs';
import * as path from 'path';
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
 * A new database, in memory or in a new `dataDir`, starts from a cached copy of an empty one
 * (pglite-empty-database.ts) instead of running initdb.
 */
export async function openPglite(dataDir?: string, required?: RequiredExtensions): Promise<SqlSession> {
  tuneWebAssemblyTiering();
  const extensions = required === undefined || required.extensions.length === 0 ? undefined : pgliteExtensions(required.system, required.extensions);
  const options: PGliteOptions = {
    ...(extensions === undefined ? {} : { extensions }),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  };
  const emptyDatabase = emptyDatabaseFile(required?.extensions ?? []);
  if (dataDir !== undefined) return openDataDirectory(dataDir, options, emptyDatabase);

  // In memory: start from the cached empty data directory when there is one, else make it and keep it.
  const cached = readEmptyDatabase(emptyDatabase);
  if (cached !== undefined) {
    try {
      return session(await started(new PGlite({ ...options, fs: new MemoryDataDirectory(cached) })), dataDir);
    } catch {
      // A cache entry PostgreSQL cannot start from: make it afresh below, which replaces it.
    }
  }
  return session(await started(new PGlite({ ...options, fs: new MemoryDataDirectory(await newCachedEmptyDataDirectory(options, emptyDatabase)) })), dataDir);
}

/**
 * A database kept in `dataDir`. A new (missing or empty) directory is first filled with the cached empty data
 * directory, as PGlite itself fills one with the result of its initdb; should PostgreSQL not start from that
 * copy, the directory is emptied again and PGlite runs initdb into it.
 */
async function openDataDirectory(dataDir: string, options: PGliteOptions, emptyDatabase: string): Promise<SqlSession> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) return session(await started(new PGlite({ ...options, dataDir })), dataDir);
  writeDataDirectory(dataDir, readEmptyDatabase(emptyDatabase) ?? (await newCachedEmptyDataDirectory(options, emptyDatabase)));
  try {
    return session(await started(new PGlite({ ...options, dataDir })), dataDir);
  } catch {
    for (const name of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    return session(await started(new PGlite({ ...options, dataDir })), dataDir);
  }
}

function writeDataDirectory(dataDir: string, entries: readonly DataDirectoryEntry[]): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const entry of entries) {
    const target = path.join(dataDir, entry.path);
    if (entry.kind === 'directory') fs.mkdirSync(target, { recursive: true, mode: entry.mode });
    else fs.writeFileSync(target, entry.data, { mode: entry.mode });
    fs.utimesSync(target, entry.modifiedSeconds, entry.modifiedSeconds);
  }
}

/** A new empty data directory, kept in the cache for the next run. */
async function newCachedEmptyDataDirectory(options: PGliteOptions, emptyDatabase: string): Promise<DataDirectoryEntry[]> {
  const empty = await newEmptyDataDirectory(options);
  keepEmptyDatabase(emptyDatabase, empty);
  return empty;
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
