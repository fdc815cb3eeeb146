import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArguments, runCli, USAGE } from '../../../migrations/runner/cli';
import { listSystems } from '../../../migrations/runner/systems';
import { closeSessions, createDatabase, databaseState, migrationsRootWith, removeTemporaryDirectories, sessionFor } from '../../support/migration-fixtures';
import { freePort, startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Runs the CLI in this process and collects what it prints. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, migrationsRoot?: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, (line) => out.push(line), (line) => err.push(line), migrationsRoot);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parseArguments', () => {
  test('GIVEN nothing WHEN parsed THEN it is up on gaming-platform, embedded, in memory', () => {
    expect(parseArguments([], {})).toEqual({ command: 'up', system: 'gaming-platform', databaseUrl: undefined, dataDir: undefined, seed: false, help: false });
  });

  test('GIVEN --seed WHEN parsed THEN seed data is asked for', () => {
    expect(parseArguments(['status', '--seed', '--system', 'shop-pulse'], {})).toMatchObject({ command: 'status', system: 'shop-pulse', seed: true });
  });

  test('GIVEN DATABASE_URL and --database-url WHEN parsed THEN the flag wins', () => {
    expect(parseArguments(['--database-url', 'postgres://b/db'], { DATABASE_URL: 'postgres://a/db' }).databaseUrl).toBe('postgres://b/db');
  });

  test.each([
    [['sideways'], 'unknown argument "sideways"'],
    [['up', 'status'], 'give one command, got up and status'],
    [['--system'], '--system needs a value'],
    [['--data-dir', '/tmp/x', '--database-url', 'postgres://h/db'], '--data-dir is for the embedded database'],
  ])('GIVEN %o WHEN parsed THEN it refuses: %s', (argv, message) => {
    expect(() => parseArguments(argv, {})).toThrow(message);
  });
});

describe('npm run migrate on embedded PGlite', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-pglite-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('GIVEN a data directory WHEN up then status run THEN up prints what it applied and the tables, and status sees them kept', async () => {
    const up = await cli(['up', '--data-dir', dataDir]);
    const status = await cli(['status', '--data-dir', dataDir]);

    expect(up.code).toBe(0);
    expect(up.out).toContain(`gaming-platform: 4 migration files; database PGlite (data directory ${dataDir})`);
    expect(up.out).toMatch(/applied 0001_users\.sql \(\d+ ms\)[\s\S]*applied 0004_support_tickets\.sql/);
    expect(up.out).toContain('4 applied now, 0 already applied');
    expect(up.out).toContain('tables: game_sessions, support_tickets, user_stats, users');
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/applied +0001_users\.sql/);
    expect(status.out).toContain('4 applied, 0 pending');
  });

  test('GIVEN the real npm script WHEN run with no DATABASE_URL THEN it migrates an in-memory database and exits 0', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const env = { ...process.env, DATABASE_URL: '' };
      execFile('npm', ['run', '--silent', 'migrate'], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining('4 applied now, 0 already applied') });
  });
});

describe('the CLI loads pgvector only for a system that declares it', () => {
  test('GIVEN gaming-platform then content-hub in one process WHEN each is migrated THEN pgvector is loaded for the second only, and pg (the real server client) for neither', async () => {
    // Outside jest (its module registry is not require.cache), the way `npm run migrate` runs the CLI.
    const script = `
      const { runCli } = require('./migrations/runner/cli');
      const loaded = (module = 'pglite-pgvector') => Object.keys(require.cache).some((file) => file.includes(module));
      (async () => {
        const quiet = () => undefined;
        const gaming = await runCli(['up', '--system', 'gaming-platform'], {}, quiet, console.error);
        const afterGaming = loaded();
        const content = await runCli(['up', '--system', 'content-hub'], {}, quiet, console.error);
        console.log(JSON.stringify({ gaming, afterGaming, content, afterContent: loaded(), pg: loaded('/node_modules/pg/') }));
      })();`;
    const result = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['-r', './tools/run/typescript-require-hook.js', '-e', script], { cwd: ROOT, timeout: 240_000, env: { ...process.env, DATABASE_URL: '' } }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim().split('\n').pop() ?? ''),
      );
    });
    expect(JSON.parse(result)).toEqual({ gaming: 0, afterGaming: false, content: 0, afterContent: true, pg: false });
  }, 300_000);
});

describe('npm run migrate against a real server', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
  });
  afterAll(async () => {
    await closeSessions();
    await server?.stop();
    removeTemporaryDirectories();
  });

  test('GIVEN DATABASE_URL WHEN up runs THEN it migrates that database', async () => {
    const url = await createDatabase(server);
    const result = await cli(['up'], { DATABASE_URL: url });
    expect(result.code).toBe(0);
    expect(result.out).toContain(`database postgres://postgres@127.0.0.1:${server.port}/`);
    expect(result.out).toContain('4 applied now, 0 already applied');
  });

  test.each([
    ['a malformed DATABASE_URL', ['up', '--database-url', 'postgres//nope'], 'migrate: DATABASE_URL "postgres//nope" is not valid: it is not a URL (expected postgres://user:password@host:5432/database?sslmode=verify-full)'],
    ['an unknown system', ['up', '--system', 'trivia'], `migrate: unknown system "trivia": migrations exist for ${listSystems().join(', ')}`],
    [
      '--seed for a system without seed data',
      ['up', '--seed'],
      'migrate: gaming-platform has no seed data: seed data is applied from gaming-platform/seed/NNNN_name.sql, and there is none',
    ],
  ])('GIVEN %s WHEN up runs THEN it exits 1 with a clear error and the database is untouched', async (_case, argv, message) => {
    const url = await createDatabase(server);
    const result = await cli(argv, { DATABASE_URL: url });
    expect(result).toEqual({ code: 1, out: '', err: message });
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });

  test('GIVEN a system whose next file is out of sequence WHEN up runs THEN it exits 1 naming the file and applies nothing', async () => {
    const url = await createDatabase(server);
    const root = migrationsRootWith('arcade', { '0001_a.sql': 'CREATE TABLE a (id int);', '0003_c.sql': 'CREATE TABLE c (id int);' });

    const result = await cli(['up', '--system', 'arcade'], { DATABASE_URL: url }, root);

    expect(result.code).toBe(1);
    expect(result.err).toBe('migrate: migration file 0003_c.sql is out of sequence: expected number 0002 because it follows 0001_a.sql (numbers start at 0001 and have no gaps or duplicates)');
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });

  test('GIVEN an unreachable server WHEN up runs THEN it exits 1 naming host and port', async () => {
    const port = await freePort();
    const result = await cli(['up', '--database-url', `postgres://app:pw@127.0.0.1:${port}/game?connect_timeout=2`]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^migrate: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port} `));
  });

  test('GIVEN --seed WHEN up runs twice and status lists THEN migrations then seed data are applied once, and status shows both', async () => {
    const url = await createDatabase(server);

    const first = await cli(['up', '--system', 'shop-pulse', '--seed'], { DATABASE_URL: url });
    const second = await cli(['up', '--system', 'shop-pulse', '--seed'], { DATABASE_URL: url });
    const status = await cli(['status', '--system', 'shop-pulse', '--seed'], { DATABASE_URL: url });

    expect(first.code).toBe(0);
    expect(first.out).toContain('shop-pulse: 10 migration files, 1 seed files; database postgres://');
    expect(first.out).toMatch(/applied 0010_forced_row_level_security\.sql \(\d+ ms\)\n  seeded 0001_development_tenants\.sql \(\d+ ms\)/);
    expect(first.out).toContain('10 applied now, 0 already applied\n1 seed files applied now, 0 already applied');
    expect(first.out).not.toContain('datastack_seed_data');
    expect(second.out).toContain('0 applied now, 10 already applied\n0 seed files applied now, 1 already applied');
    expect(status.out).toMatch(/10 applied, 0 pending\nseed data:\n  applied +0001_development_tenants\.sql {2}\(.+\)\n1 seed files applied, 0 pending$/);
  });

  test('GIVEN no --seed WHEN shop-pulse is migrated THEN the seed data is not applied', async () => {
    const url = await createDatabase(server);
    const result = await cli(['up', '--system', 'shop-pulse'], { DATABASE_URL: url });
    expect(result.out).toContain('shop-pulse: 10 migration files; database');
    const db = await sessionFor(url);
    expect(await db.query('SELECT tenant_id FROM tenants')).toEqual([]);
    expect(await db.query(`SELECT to_regclass('datastack_seed_data') AS ledger`)).toEqual([{ ledger: null }]);
  });

  test('GIVEN --help WHEN run THEN the usage names every option, --seed included', async () => {
    const result = await cli(['--help']);
    expect(result).toEqual({ code: 0, out: USAGE, err: '' });
    for (const option of ['up', 'status', '--system', '--seed', '--database-url', '--data-dir']) expect(USAGE).toContain(option);
  });

  test('GIVEN a bad command line WHEN run THEN it exits 2 with the usage', async () => {
    const result = await cli(['--sytem', 'x']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^migrate: unknown argument "--sytem"\n\nusage: npm run migrate --/);
  });
});
