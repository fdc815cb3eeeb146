import * as fs from 'fs';
import * as path from 'path';
import { loadMigrationFiles } from '../../../migrations/runner/migration-files';
import { migrateUp, migrationStatus, seedDataStatus } from '../../../migrations/runner/migrator';
import { openPglite } from '../../../migrations/runner/pglite-session';
import { SqlSession } from '../../../migrations/runner/sql-session';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';
import {
  closeSessions,
  createDatabase,
  databaseState,
  gamingPlatformCopy,
  GAMING_PLATFORM_MIGRATIONS,
  migrationsDirectory,
  removeTemporaryDirectories,
  sessionFor,
} from '../../support/migration-fixtures';

const ALL_FILES = ['0001_users.sql', '0002_user_stats.sql', '0003_game_sessions.sql', '0004_support_tickets.sql'];
const ALL_TABLES = ['datastack_migrations', 'game_sessions', 'support_tickets', 'user_stats', 'users'];

let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startThrowawayPostgres();
});
afterAll(async () => {
  await closeSessions();
  await server?.stop();
  removeTemporaryDirectories();
});

// The same behaviour on both engines the runner supports: a real PostgreSQL 15 server (a new database per
// test) and embedded PGlite (one instance, its public schema emptied per test: PGlite takes ~2 s to start).
let pglite: SqlSession | undefined;
afterAll(async () => {
  await pglite?.close();
});
const ENGINES: [string, () => Promise<SqlSession>][] = [
  ['a PostgreSQL 15 server', async () => sessionFor(await createDatabase(server))],
  [
    'PGlite',
    async () => {
      pglite ??= await openPglite();
      await pglite.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      return pglite;
    },
  ],
];

describe.each(ENGINES)('the runner on %s', (_engine, newDatabase) => {
  test('GIVEN an empty database WHEN up runs twice THEN the first applies every file in order and the second applies nothing', async () => {
    const db = await newDatabase();
    const files = loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS);

    const first = await migrateUp(db, files);
    const second = await migrateUp(db, files);

    expect(first).toEqual({ applied: ALL_FILES, alreadyApplied: 0 });
    expect(second).toEqual({ applied: [], alreadyApplied: 4 });
    expect(await databaseState(db)).toEqual({ tables: ALL_TABLES, recorded: ALL_FILES });
  });

  test('GIVEN two of four files applied WHEN status runs THEN it lists two applied and two pending and changes nothing', async () => {
    const db = await newDatabase();
    const files = loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS);
    await migrateUp(db, files.slice(0, 2));
    const before = await databaseState(db);

    const status = await migrationStatus(db, files);

    expect(status.map((entry) => [entry.fileName, entry.state])).toEqual([
      ['0001_users.sql', 'applied'],
      ['0002_user_stats.sql', 'applied'],
      ['0003_game_sessions.sql', 'pending'],
      ['0004_support_tickets.sql', 'pending'],
    ]);
    expect(status[0].appliedAt).toBeInstanceOf(Date);
    expect(await databaseState(db)).toEqual(before);
  });

  test('GIVEN an applied file edited afterwards WHEN up or status runs THEN both refuse, naming the file, and nothing changes', async () => {
    const db = await newDatabase();
    const dir = gamingPlatformCopy();
    await migrateUp(db, loadMigrationFiles(dir).slice(0, 2));
    fs.appendFileSync(path.join(dir, '0002_user_stats.sql'), '\nALTER TABLE user_stats ADD COLUMN sneaky integer;\n');
    const before = await databaseState(db);

    await expect(migrateUp(db, loadMigrationFiles(dir))).rejects.toThrow(/migration file 0002_user_stats\.sql was edited after it was applied/);
    await expect(migrationStatus(db, loadMigrationFiles(dir))).rejects.toThrow(/0002_user_stats\.sql was edited/);
    expect(await databaseState(db)).toEqual(before);
  });

  test('GIVEN an applied file renamed WHEN up runs THEN it refuses, naming both names', async () => {
    const db = await newDatabase();
    await migrateUp(db, loadMigrationFiles(migrationsDirectory({ '0001_first.sql': 'CREATE TABLE a (id int);' })));

    const renamed = loadMigrationFiles(migrationsDirectory({ '0001_renamed.sql': 'CREATE TABLE a (id int);' }));

    await expect(migrateUp(db, renamed)).rejects.toThrow(/0001_renamed\.sql has version 1, but the database applied that version as 0001_first\.sql/);
  });

  test('GIVEN an applied migration whose file is gone WHEN up runs THEN it refuses, naming it', async () => {
    const db = await newDatabase();
    const dir = migrationsDirectory({ '0001_first.sql': 'CREATE TABLE a (id int);', '0002_second.sql': 'CREATE TABLE b (id int);' });
    await migrateUp(db, loadMigrationFiles(dir));
    fs.rmSync(path.join(dir, '0002_second.sql'));

    await expect(migrateUp(db, loadMigrationFiles(dir))).rejects.toThrow(/migration 0002_second\.sql \(version 2\) is applied in the database but its file is missing/);
  });

  test('GIVEN a broken third migration WHEN up runs THEN the first two stay applied, the third leaves no trace, and the error names file and line', async () => {
    const db = await newDatabase();
    const dir = migrationsDirectory({
      '0001_first.sql': 'CREATE TABLE first (id int);',
      '0002_second.sql': 'CREATE TABLE second (id int);',
      // The first statement succeeds and must be rolled back with the failing one.
      '0003_broken.sql': 'CREATE TABLE third (id int);\nINSERT INTO third VALUES (1);\nSELECT no_such_column FROM third;\n',
    });

    const run = migrateUp(db, loadMigrationFiles(dir));

    await expect(run).rejects.toThrow(/migration 0003_broken\.sql failed and was rolled back \(line 3\): column "no_such_column" does not exist; applied before it in this run: 0001_first\.sql, 0002_second\.sql/);
    expect(await databaseState(db)).toEqual({ tables: ['datastack_migrations', 'first', 'second'], recorded: ['0001_first.sql', '0002_second.sql'] });
  });

  test('GIVEN a broken migration was fixed WHEN up runs again THEN it applies (a failure recorded nothing that blocks the fix)', async () => {
    const db = await newDatabase();
    const dir = migrationsDirectory({ '0001_broken.sql': 'CREATE TABLE t (id int);\nSELEC 1;\n' });
    await expect(migrateUp(db, loadMigrationFiles(dir))).rejects.toThrow(/0001_broken\.sql failed/);
    fs.writeFileSync(path.join(dir, '0001_broken.sql'), 'CREATE TABLE t (id int);\n');

    expect(await migrateUp(db, loadMigrationFiles(dir))).toEqual({ applied: ['0001_broken.sql'], alreadyApplied: 0 });
  });

  test('GIVEN a declared extension the server does not offer WHEN up runs THEN it refuses naming the system, the extension and the server, before creating anything', async () => {
    const db = await newDatabase();
    const files = loadMigrationFiles(migrationsDirectory({ '0001_a.sql': 'CREATE TABLE a (id int);' }));

    const run = migrateUp(db, files, { system: 'arcade', extensions: ['plpgsql', 'no_such_extension'] });

    await expect(run).rejects.toThrow(
      new RegExp(`^arcade needs extension no_such_extension, which the server at ${db.description.replace(/[().]/g, '\\$&')} does not offer \\(available: .*plpgsql.*\\); nothing was applied$`),
    );
    expect(await databaseState(db)).toEqual({ tables: [], recorded: [] });
  });

  test('GIVEN declared extensions the server offers WHEN up runs THEN the migrations apply', async () => {
    const db = await newDatabase();
    const files = loadMigrationFiles(migrationsDirectory({ '0001_a.sql': 'CREATE EXTENSION IF NOT EXISTS plpgsql; CREATE TABLE a (id int);' }));
    expect(await migrateUp(db, files, { system: 'arcade', extensions: ['plpgsql'] })).toEqual({ applied: ['0001_a.sql'], alreadyApplied: 0 });
  });
});

describe.each(ENGINES)('seed data on %s', (_engine, newDatabase) => {
  const migrations = () => loadMigrationFiles(migrationsDirectory({ '0001_pets.sql': 'CREATE TABLE pets (name text PRIMARY KEY);' }));
  const seeds = (files: Record<string, string> = { '0001_cats.sql': "INSERT INTO pets VALUES ('Tom');", '0002_dogs.sql': "INSERT INTO pets VALUES ('Rex');" }) =>
    loadMigrationFiles(migrationsDirectory(files), 'seed file');

  test('GIVEN seed files WHEN up runs twice THEN the first applies migrations then seed data, the second nothing, each recorded in its own table', async () => {
    const db = await newDatabase();
    const log: string[] = [];

    const first = await migrateUp(db, migrations(), { seedFiles: seeds(), log: (line) => log.push(line) });
    const second = await migrateUp(db, migrations(), { seedFiles: seeds() });

    expect(first).toEqual({ applied: ['0001_pets.sql'], alreadyApplied: 0, seeded: ['0001_cats.sql', '0002_dogs.sql'], alreadySeeded: 0 });
    expect(log.map((line) => line.replace(/\(\d+ ms\)/, '(n ms)'))).toEqual(['applied 0001_pets.sql (n ms)', 'seeded 0001_cats.sql (n ms)', 'seeded 0002_dogs.sql (n ms)']);
    expect(second).toEqual({ applied: [], alreadyApplied: 1, seeded: [], alreadySeeded: 2 });
    expect(await db.query('SELECT name FROM pets ORDER BY name')).toEqual([{ name: 'Rex' }, { name: 'Tom' }]);
    expect(await db.query('SELECT version, file_name, length(checksum) AS checksum_length FROM datastack_seed_data ORDER BY version')).toEqual([
      { version: 1, file_name: '0001_cats.sql', checksum_length: 64 },
      { version: 2, file_name: '0002_dogs.sql', checksum_length: 64 },
    ]);
    expect(await seedDataStatus(db, seeds())).toEqual([
      expect.objectContaining({ fileName: '0001_cats.sql', state: 'applied' }),
      expect.objectContaining({ fileName: '0002_dogs.sql', state: 'applied' }),
    ]);
  });

  test('GIVEN no seed files passed WHEN up runs THEN no seed data is applied and no seed table is created', async () => {
    const db = await newDatabase();
    expect(await migrateUp(db, migrations())).toEqual({ applied: ['0001_pets.sql'], alreadyApplied: 0 });
    expect((await databaseState(db)).tables).toEqual(['datastack_migrations', 'pets']);
  });

  test('GIVEN an applied seed file edited and a new migration WHEN up runs THEN it refuses naming the seed file, and applies nothing', async () => {
    const db = await newDatabase();
    await migrateUp(db, migrations(), { seedFiles: seeds() });
    const moreMigrations = loadMigrationFiles(
      migrationsDirectory({ '0001_pets.sql': 'CREATE TABLE pets (name text PRIMARY KEY);', '0002_owners.sql': 'CREATE TABLE owners (id int);' }),
    );
    const edited = seeds({ '0001_cats.sql': "INSERT INTO pets VALUES ('Felix');", '0002_dogs.sql': "INSERT INTO pets VALUES ('Rex');" });

    await expect(migrateUp(db, moreMigrations, { seedFiles: edited })).rejects.toThrow(/^seed file 0001_cats\.sql was edited after it was applied .*; restore it and put the change in a new seed file$/);
    expect((await databaseState(db)).tables).not.toContain('owners');
  });

  test('GIVEN a failing seed file WHEN up runs THEN it is rolled back whole, and the message lists what the run applied before it', async () => {
    const db = await newDatabase();
    const failing = seeds({ '0001_cats.sql': "INSERT INTO pets VALUES ('Tom');", '0002_dogs.sql': "INSERT INTO pets VALUES ('Rex');\nINSERT INTO pets VALUES ('Tom');" });

    await expect(migrateUp(db, migrations(), { seedFiles: failing })).rejects.toThrow(
      /^seed file 0002_dogs\.sql failed and was rolled back: duplicate key value violates unique constraint "pets_pkey"; applied before it in this run: 0001_pets\.sql, 0001_cats\.sql$/,
    );
    expect(await db.query('SELECT name FROM pets')).toEqual([{ name: 'Tom' }]);
    expect(await db.query('SELECT file_name FROM datastack_seed_data')).toEqual([{ file_name: '0001_cats.sql' }]);
  });
});

describe('two runners at once on a PostgreSQL 15 server', () => {
  test('GIVEN two connections WHEN both run up at the same moment THEN exactly one applies the migrations and the other applies nothing', async () => {
    const url = await createDatabase(server);
    const [first, second] = [await sessionFor(url), await sessionFor(url)];
    const files = loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS);

    const results = await Promise.all([migrateUp(first, files), migrateUp(second, files)]);

    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 4]);
    expect((await databaseState(first)).recorded).toEqual(ALL_FILES);
  });

  test('GIVEN another session holds the lock WHEN up runs with a short wait THEN it gives up with a clear error and applies nothing', async () => {
    const url = await createDatabase(server);
    const holder = await sessionFor(url);
    await holder.query('SELECT pg_advisory_lock(7405632011)');
    const runner = await sessionFor(url);

    await expect(migrateUp(runner, loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS), { lockWaitMs: 500 })).rejects.toThrow(
      /another migration run still holds the advisory lock \(key 7405632011\) after 1 s; nothing was applied/,
    );
    expect(await databaseState(runner)).toEqual({ tables: [], recorded: [] });
  });
});

describe('behind a connection pooler that multiplexes transactions', () => {
  test('GIVEN statements after the lock land on another backend WHEN up runs THEN it refuses before applying anything', async () => {
    const url = await createDatabase(server);
    const [first, second] = [await sessionFor(url), await sessionFor(url)];
    // A stand-in for a transaction-pooling proxy: the lock is taken on one backend, later statements go to another.
    let lockTaken = false;
    const pooled: SqlSession = {
      description: 'pooled',
      execute: (sql) => (lockTaken ? second : first).execute(sql),
      query: async (sql, params) => {
        const rows = await (lockTaken ? second : first).query(sql, params);
        if (sql.includes('pg_try_advisory_lock')) lockTaken = true;
        return rows as any;
      },
      close: async () => undefined,
    };

    await expect(migrateUp(pooled, loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS))).rejects.toThrow(
      /migration 0001_users\.sql failed and was rolled back: this transaction runs on backend \d+, not on backend \d+ that holds the advisory lock/,
    );
    expect((await databaseState(first)).recorded).toEqual([]);
    expect((await databaseState(first)).tables).toEqual(['datastack_migrations']);
  });
});
