import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { migrateUp, MigrateResult } from '../../migrations/runner/migrator';
import { SqlSession } from '../../migrations/runner/sql-session';
import { connectPostgres, parseDatabaseUrl } from '../../migrations/runner/postgres-session';
import { loadSystemMigrations } from '../../migrations/runner/system-migrations';
import { MIGRATIONS_ROOT } from '../../migrations/runner/systems';
import { ThrowawayPostgres } from './throwaway-postgres';

export const GAMING_PLATFORM_MIGRATIONS = path.join(MIGRATIONS_ROOT, 'gaming-platform');
export const CONTENT_HUB_MIGRATIONS = path.join(MIGRATIONS_ROOT, 'content-hub');
export const SHOP_PULSE_MIGRATIONS = path.join(MIGRATIONS_ROOT, 'shop-pulse');

/** Applies a system's migrations (and, with `seed`, its seed data) the way the CLI does: declared extensions checked first. */
export async function migrateSystem(session: SqlSession, directory: string, options: { seed?: boolean } = {}): Promise<MigrateResult> {
  const migrations = loadSystemMigrations(directory, options);
  return migrateUp(session, migrations.files, { system: migrations.system, extensions: migrations.extensions, seedFiles: migrations.seedFiles });
}

/** A temporary migrations folder holding the given files (name -> SQL); removed by `removeTemporaryDirectories`. */
const created: string[] = [];
export function migrationsDirectory(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-migrations-'));
  created.push(dir);
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

/** A temporary migrations root holding one system's folder with the given files (names may include `seed/`). */
export function migrationsRootWith(system: string, files: Readonly<Record<string, string>>): string {
  const root = migrationsDirectory({});
  fs.mkdirSync(path.join(root, system));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, system, name)), { recursive: true });
    fs.writeFileSync(path.join(root, system, name), sql);
  }
  return root;
}

/** A temporary copy of the gaming platform's migrations, to edit in a test. */
export function gamingPlatformCopy(): string {
  const files = Object.fromEntries(
    fs.readdirSync(GAMING_PLATFORM_MIGRATIONS).map((name) => [name, fs.readFileSync(path.join(GAMING_PLATFORM_MIGRATIONS, name), 'utf8')]),
  );
  return migrationsDirectory(files);
}

export function removeTemporaryDirectories(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

let databaseCounter = 0;
/** A new empty database on the server, so tests do not see each other's tables. */
export async function createDatabase(server: ThrowawayPostgres): Promise<string> {
  const name = `test_${process.pid}_${++databaseCounter}`;
  const admin = new Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.url(name);
}

/** Opens a runner session on a database URL, remembering it for `closeSessions`. */
const sessions: SqlSession[] = [];
export async function sessionFor(url: string): Promise<SqlSession> {
  const session = await connectPostgres(parseDatabaseUrl(url));
  sessions.push(session);
  return session;
}
export async function closeSessions(): Promise<void> {
  await Promise.all(sessions.splice(0).map((session) => session.close().catch(() => undefined)));
}

/** The user tables and the recorded migrations: what "changes nothing" is checked against. */
export async function databaseState(session: SqlSession): Promise<{ tables: string[]; recorded: string[] }> {
  const tables = await session.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  const hasTable = tables.some((table) => table.name === 'datastack_migrations');
  const recorded = hasTable
    ? await session.query<{ file_name: string }>('SELECT file_name FROM datastack_migrations ORDER BY version')
    : [];
  return { tables: tables.map((table) => table.name), recorded: recorded.map((row) => row.file_name) };
}
