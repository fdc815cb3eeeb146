import { MigrationError } from './migration-error';
import { FileNoun, MigrationFile } from './migration-files';
import { SqlSession } from './sql-session';

/** The table of applied migrations, in the database's default schema. */
export const MIGRATIONS_TABLE = 'datastack_migrations';

/** The table of applied development seed files (same columns), created only by a run that applies seed data. */
export const SEED_DATA_TABLE = 'datastack_seed_data';

/** One key for every DataStack runner: two runners on one database never apply at once. */
export const ADVISORY_LOCK_KEY = 7_405_632_011;

/** A table recording applied files, and the words its messages use. */
interface Ledger {
  readonly table: string;
  /** `migration file 0002_x.sql was edited ...` */
  readonly noun: FileNoun;
  /** `migration 0002_x.sql failed ...` */
  readonly short: string;
  readonly plural: string;
  /** `applied 0002_x.sql (12 ms)` */
  readonly done: string;
}
const MIGRATIONS: Ledger = { table: MIGRATIONS_TABLE, noun: 'migration file', short: 'migration', plural: 'migrations', done: 'applied' };
const SEED_DATA: Ledger = { table: SEED_DATA_TABLE, noun: 'seed file', short: 'seed file', plural: 'seed files', done: 'seeded' };

const createTable = (ledger: Ledger) => `
CREATE TABLE IF NOT EXISTS ${ledger.table} (
  version      integer     PRIMARY KEY,
  file_name    text        NOT NULL UNIQUE,
  checksum     char(64)    NOT NULL,
  applied_at   timestamptz NOT NULL DEFAULT now(),
  duration_ms  integer     NOT NULL
)`;

export interface AppliedMigration {
  readonly version: number;
  readonly fileName: string;
  readonly checksum: string;
  readonly appliedAt: Date;
}

export interface MigrateOptions {
  /**
   * How long to wait for another runner's advisory lock before giving up.
   * @default 120000
   */
  readonly lockWaitMs?: number;
  /**
   * `lock_timeout` inside each migration: a migration waiting longer than this for a table lock
   * fails (and rolls back) instead of queueing the application's queries behind it.
   * @default '15s'
   */
  readonly lockTimeout?: string;
  /**
   * Called with each line of progress.
   * @default - silent
   */
  readonly log?: (line: string) => void;
  /**
   * The system's name, for messages.
   * @default 'the migrations'
   */
  readonly system?: string;
  /**
   * Extensions the migrations create (the system's declaration): each must be in the server's
   * `pg_available_extensions`, checked before anything is applied.
   * @default - none
   */
  readonly extensions?: readonly string[];
  /**
   * Development seed data, applied after every migration in the same run, each file once, tracked in
   * `datastack_seed_data` like the migrations (checksums, one transaction per file).
   * @default - no seed data
   */
  readonly seedFiles?: readonly MigrationFile[];
}

export interface MigrateResult {
  /** The files applied by this run, in order. */
  readonly applied: readonly string[];
  /** How many were already applied before this run. */
  readonly alreadyApplied: number;
  /** With seed data: the seed files applied by this run, in order. */
  readonly seeded?: readonly string[];
  /** With seed data: how many seed files were already applied before this run. */
  readonly alreadySeeded?: number;
}

export type MigrationState = 'applied' | 'pending';

export interface MigrationStatusEntry {
  readonly version: number;
  readonly fileName: string;
  readonly state: MigrationState;
  readonly appliedAt?: Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tableExists(session: SqlSession, table: string): Promise<boolean> {
  const rows = await session.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS "exists"', [table]);
  return rows[0].exists;
}

async function readApplied(session: SqlSession, ledger: Ledger): Promise<AppliedMigration[]> {
  if (!(await tableExists(session, ledger.table))) return [];
  const rows = await session.query<{ version: number; file_name: string; checksum: string; applied_at: Date | string }>(
    `SELECT version, file_name, checksum, applied_at FROM ${ledger.table} ORDER BY version`,
  );
  return rows.map((row) => ({
    version: Number(row.version),
    fileName: row.file_name,
    checksum: row.checksum.trim(),
    appliedAt: new Date(row.applied_at),
  }));
}

/**
 * Applied files must be exactly the first files, unchanged. Anything else means the files
 * and the database disagree about history, and applying more would build on a guess.
 */
function verifyHistory(ledger: Ledger, files: readonly MigrationFile[], applied: readonly AppliedMigration[]): void {
  for (const record of applied) {
    const file = files.find((candidate) => candidate.version === record.version);
    if (file === undefined) {
      throw new MigrationError(
        `${ledger.short} ${record.fileName} (version ${record.version}) is applied in the database but its file is missing; restore the file (applied ${ledger.plural} are never deleted)`,
      );
    }
    if (file.fileName !== record.fileName) {
      throw new MigrationError(
        `${ledger.noun} ${file.fileName} has version ${record.version}, but the database applied that version as ${record.fileName}; applied ${ledger.plural} are never renamed or replaced`,
      );
    }
    if (file.checksum !== record.checksum) {
      throw new MigrationError(
        `${ledger.noun} ${file.fileName} was edited after it was applied (checksum ${record.checksum.slice(0, 12)}… applied, ${file.checksum.slice(0, 12)}… on disk); restore it and put the change in a new ${ledger.short}`,
      );
    }
  }
}

/** The files not yet applied, after checking history; a pending file numbered below an applied one is refused. */
function pendingFiles(ledger: Ledger, files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationFile[] {
  verifyHistory(ledger, files, applied);
  const appliedVersions = new Set(applied.map((record) => record.version));
  const pending = files.filter((file) => !appliedVersions.has(file.version));
  const latest = Math.max(0, ...appliedVersions);
  const early = pending.find((file) => file.version < latest);
  if (early !== undefined) {
    throw new MigrationError(`${ledger.noun} ${early.fileName} is out of sequence: the database already applied version ${latest}; nothing was applied`);
  }
  return pending;
}

async function backendPid(session: SqlSession): Promise<number> {
  const [row] = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return Number(row.pid);
}

/** Returns the backend process that holds the lock, to check later statements still run on it. */
async function acquireLock(session: SqlSession, lockWaitMs: number, log: (line: string) => void): Promise<number> {
  // Polling pg_try_advisory_lock (rather than blocking in pg_advisory_lock) bounds the wait the same way on
  // a server and on PGlite, and lets us say that we are waiting.
  const deadline = Date.now() + lockWaitMs;
  let announced = false;
  for (;;) {
    const rows = await session.query<{ locked: boolean; pid: number }>('SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid', [
      ADVISORY_LOCK_KEY,
    ]);
    if (rows[0].locked) return Number(rows[0].pid);
    if (!announced) {
      log('another migration run holds the lock; waiting for it to finish');
      announced = true;
    }
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `another migration run still holds the advisory lock (key ${ADVISORY_LOCK_KEY}) after ${Math.round(lockWaitMs / 1000)} s; nothing was applied`,
      );
    }
    await sleep(200);
  }
}

/** Where in the file a PostgreSQL error happened, when the server says (its `position` is 1-based, in characters). */
function errorLocation(sql: string, error: unknown): string {
  const position = Number((error as { position?: unknown }).position);
  if (!Number.isInteger(position) || position < 1) return '';
  const line = sql.slice(0, position - 1).split('\n').length;
  return ` (line ${line})`;
}

/**
 * Every extension the system declares must be one the server can install; otherwise the run stops
 * before it takes the lock or creates anything, rather than failing half-way at the CREATE EXTENSION.
 */
export async function checkExtensionsAvailable(session: SqlSession, system: string, extensions: readonly string[]): Promise<void> {
  if (extensions.length === 0) return;
  const rows = await session.query<{ name: string }>('SELECT name FROM pg_available_extensions ORDER BY name');
  const available = rows.map((row) => row.name);
  const missing = extensions.filter((name) => !available.includes(name));
  if (missing.length > 0) {
    throw new MigrationError(
      `${system} needs extension ${missing.join(', ')}, which the server at ${session.description} does not offer (available: ${available.join(', ') || 'none'}); nothing was applied`,
    );
  }
}

/** Applies files in order, each in its own transaction together with its row in the ledger; stops at the first failure. */
async function applyFiles(
  session: SqlSession,
  ledger: Ledger,
  pending: readonly MigrationFile[],
  run: { readonly lockHolder: number; readonly lockTimeout: string; readonly log: (line: string) => void; readonly done: string[] },
): Promise<string[]> {
  const applied: string[] = [];
  for (const file of pending) {
    const started = Date.now();
    await session.execute('BEGIN');
    try {
      // A transaction-pooling proxy could run this transaction on another backend, outside the lock.
      const pid = await backendPid(session);
      if (pid !== run.lockHolder) {
        throw new MigrationError(
          `this transaction runs on backend ${pid}, not on backend ${run.lockHolder} that holds the advisory lock: a pooler is multiplexing the connection (use a session-pinned connection, the writer endpoint, or RDS Proxy, which pins it)`,
        );
      }
      await session.query(`SELECT set_config('lock_timeout', $1, true)`, [run.lockTimeout]);
      await session.execute(file.sql);
      await session.query(`INSERT INTO ${ledger.table} (version, file_name, checksum, duration_ms) VALUES ($1, $2, $3, $4)`, [
        file.version,
        file.fileName,
        file.checksum,
        Date.now() - started,
      ]);
      await session.execute('COMMIT');
    } catch (error) {
      await session.execute('ROLLBACK').catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(
        `${ledger.short} ${file.fileName} failed and was rolled back${errorLocation(file.sql, error)}: ${reason}` +
          (run.done.length > 0 ? `; applied before it in this run: ${run.done.join(', ')}` : '; nothing was applied in this run'),
      );
    }
    run.done.push(file.fileName);
    applied.push(file.fileName);
    run.log(`${ledger.done} ${file.fileName} (${Date.now() - started} ms)`);
  }
  return applied;
}

/**
 * Applies every pending migration, in order, each in its own transaction together with its row in
 * the migrations table: a migration that fails is rolled back whole and not recorded, and the
 * run stops there. Then, when given, the pending seed files the same way. Holds a session advisory
 * lock for the whole run; the declared extensions are checked before anything else.
 */
export async function migrateUp(session: SqlSession, files: readonly MigrationFile[], options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  await checkExtensionsAvailable(session, options.system ?? 'the migrations', options.extensions ?? []);
  const lockHolder = await acquireLock(session, options.lockWaitMs ?? 120_000, log);
  try {
    await session.execute(createTable(MIGRATIONS));
    // Read under the lock: whatever another runner applied before we got it counts as applied.
    const applied = await readApplied(session, MIGRATIONS);
    const pending = pendingFiles(MIGRATIONS, files, applied);
    // Seed history is checked before any migration runs, so a refusal there applies nothing either.
    const seeded = options.seedFiles === undefined ? [] : await readApplied(session, SEED_DATA);
    const pendingSeeds = options.seedFiles === undefined ? [] : pendingFiles(SEED_DATA, options.seedFiles, seeded);

    // Created before the migrations run, so that default privileges a migration grants on later tables
    // (to an application role) do not reach the runner's own table.
    if (options.seedFiles !== undefined) await session.execute(createTable(SEED_DATA));

    const run = { lockHolder, lockTimeout: options.lockTimeout ?? '15s', log, done: [] as string[] };
    const appliedNow = await applyFiles(session, MIGRATIONS, pending, run);
    if (options.seedFiles === undefined) return { applied: appliedNow, alreadyApplied: applied.length };

    const seededNow = await applyFiles(session, SEED_DATA, pendingSeeds, run);
    return { applied: appliedNow, alreadyApplied: applied.length, seeded: seededNow, alreadySeeded: seeded.length };
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
  }
}

async function statusOf(session: SqlSession, ledger: Ledger, files: readonly MigrationFile[]): Promise<MigrationStatusEntry[]> {
  const applied = await readApplied(session, ledger);
  verifyHistory(ledger, files, applied);
  return files.map((file) => {
    const record = applied.find((candidate) => candidate.version === file.version);
    return record === undefined
      ? { version: file.version, fileName: file.fileName, state: 'pending' as const }
      : { version: file.version, fileName: file.fileName, state: 'applied' as const, appliedAt: record.appliedAt };
  });
}

/** Lists every migration as applied or pending, after checking that applied files are unchanged. Changes nothing. */
export async function migrationStatus(session: SqlSession, files: readonly MigrationFile[]): Promise<MigrationStatusEntry[]> {
  return statusOf(session, MIGRATIONS, files);
}

/** Lists every seed file as applied or pending, after checking that applied ones are unchanged. Changes nothing. */
export async function seedDataStatus(session: SqlSession, seedFiles: readonly MigrationFile[]): Promise<MigrationStatusEntry[]> {
  return statusOf(session, SEED_DATA, seedFiles);
}

/** The tables of the database's user schemas, for the CLI's summary. */
export async function listTables(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END AS name
       FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}
