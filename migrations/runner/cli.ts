// `npm run migrate -- [--system <system>] [up|status] [--seed] [--data-dir DIR] [--database-url URL]`
import { MigrationError } from './migration-error';
import { listTables, migrateUp, migrationStatus, MIGRATIONS_TABLE, MigrationStatusEntry, SEED_DATA_TABLE, seedDataStatus } from './migrator';
import { SqlSession } from './sql-session';
import { loadSystemMigrations, SystemMigrations } from './system-migrations';
import { MIGRATIONS_ROOT, systemDirectory } from './systems';

export const USAGE = `usage: npm run migrate -- [--system <system>] [up|status] [--seed] [--data-dir DIR] [--database-url URL]

  up                    apply every pending migration (the default)
  status                list applied and pending migrations; changes nothing
  --system <system>     whose migrations: a folder of migrations/ (default gaming-platform)
  --seed                development only, never production: also apply the system's seed data
                        (migrations/<system>/seed/) after the migrations; with status, list it too
  --database-url URL    a real server, e.g. postgres://user:pw@host:5432/db?sslmode=verify-full&sslrootcert=ca.pem
                        (default: the DATABASE_URL environment variable)
  --data-dir DIR        without a URL: keep the embedded PGlite database in DIR (default: in memory)`;

export interface CliArguments {
  readonly command: 'up' | 'status';
  readonly system: string;
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** Also apply (or list) the system's development seed data. */
  readonly seed: boolean;
  readonly help: boolean;
}

/** Raised for a command line we do not understand; the CLI prints the usage with it. */
export class UsageError extends MigrationError {}

export function parseArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliArguments {
  let command: 'up' | 'status' | undefined;
  let system = 'gaming-platform';
  let databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  let dataDir: string | undefined;
  let seed = false;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    if (argument === '--system') system = value();
    else if (argument === '--database-url') databaseUrl = value();
    else if (argument === '--data-dir') dataDir = value();
    else if (argument === '--seed') seed = true;
    else if (argument === '--help' || argument === '-h') help = true;
    else if (argument === 'up' || argument === 'status') {
      if (command !== undefined) throw new UsageError(`give one command, got ${command} and ${argument}`);
      command = argument;
    } else throw new UsageError(`unknown argument ${JSON.stringify(argument)}`);
  }
  if (databaseUrl !== undefined && dataDir !== undefined) {
    throw new UsageError('--data-dir is for the embedded database; it cannot be combined with a database URL');
  }
  return { command: command ?? 'up', system, databaseUrl, dataDir, seed, help };
}

async function openSession(args: CliArguments, migrations: SystemMigrations): Promise<SqlSession> {
  // Each engine's client is loaded only when used: pg (about 0.1 s to load) only against a real server,
  // PGlite's WebAssembly only without one, and an extension's only when the system declares it.
  if (args.databaseUrl !== undefined) {
    const { connectPostgres, parseDatabaseUrl } = await import('./postgres-session');
    return connectPostgres(parseDatabaseUrl(args.databaseUrl));
  }
  const { openPglite } = await import('./pglite-session');
  return openPglite(args.dataDir, { system: migrations.system, extensions: migrations.extensions });
}

function printStatus(out: (line: string) => void, entries: readonly MigrationStatusEntry[], noun: string): void {
  for (const entry of entries) {
    out(`  ${entry.state.padEnd(8)} ${entry.fileName}${entry.appliedAt ? `  (${entry.appliedAt.toISOString()})` : ''}`);
  }
  const pending = entries.filter((entry) => entry.state === 'pending').length;
  out(`${entries.length - pending} ${noun}applied, ${pending} pending`);
}

/** Runs the CLI; returns the exit code (0 done, 1 refused or failed, 2 bad command line). `migrationsRoot` is for tests. */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  err: (line: string) => void,
  migrationsRoot: string = MIGRATIONS_ROOT,
): Promise<number> {
  let args: CliArguments;
  try {
    args = parseArguments(argv, env);
  } catch (error) {
    err(`migrate: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  let session: SqlSession | undefined;
  try {
    // Everything that can be checked offline is checked before connecting.
    const migrations = loadSystemMigrations(systemDirectory(args.system, migrationsRoot), { seed: args.seed });
    const { files, seedFiles } = migrations;
    // openSession parses DATABASE_URL before it connects.
    session = await openSession(args, migrations);
    const seedCount = seedFiles === undefined ? '' : `, ${seedFiles.length} seed files`;
    out(`${args.system}: ${files.length} migration files${seedCount}; database ${session.description}`);
    if (args.command === 'status') {
      printStatus(out, await migrationStatus(session, files), '');
      if (seedFiles !== undefined) {
        out('seed data:');
        printStatus(out, await seedDataStatus(session, seedFiles), 'seed files ');
      }
    } else {
      const result = await migrateUp(session, files, {
        log: (line) => out(`  ${line}`),
        system: migrations.system,
        extensions: migrations.extensions,
        seedFiles,
      });
      out(`${result.applied.length} applied now, ${result.alreadyApplied} already applied`);
      if (result.seeded !== undefined) out(`${result.seeded.length} seed files applied now, ${result.alreadySeeded} already applied`);
      const tables = (await listTables(session)).filter((table) => table !== MIGRATIONS_TABLE && table !== SEED_DATA_TABLE);
      out(`tables: ${tables.join(', ') || '(none)'}`);
    }
    return 0;
  } catch (error) {
    err(`migrate: ${error instanceof MigrationError ? error.message : (error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    await session?.close().catch(() => undefined);
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.env, (line) => console.log(line), (line) => console.error(line)).then((code) => {
    process.exitCode = code;
  });
}
