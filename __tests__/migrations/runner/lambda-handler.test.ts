import { execFile } from 'child_process';
import { unzipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MIGRATIONS_ROOT } from '../../../migrations/runner/systems';
import { buildMigrationBundle } from '../../../modules/migrations/migration-bundle';
import { closeSessions, createDatabase, databaseState, sessionFor } from '../../support/migration-fixtures';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

// The esbuild bundle the Lambda runs, run by plain node outside jest, the way the Lambda runtime would:
// settings from the environment, the master secret from Secrets Manager, TLS verified with the CAs in
// NODE_EXTRA_CA_CERTS. Only the AWS SDK (provided by the Lambda runtime, not bundled) is a stand-in
// that returns the secret.

let server: ThrowawayPostgres;
let lambdaDir: string;
const bundle = buildMigrationBundle('gaming-platform', MIGRATIONS_ROOT);
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:master-AbCdEf';
const unpacked: string[] = [];

/** What the Lambda service does with the archive: unpack it into the function's directory (plus the runtime's SDK stand-in). */
function unpack(archivePath: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-lambda-'));
  unpacked.push(dir);
  for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(archivePath)))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
  const sdk = path.join(dir, 'node_modules', '@aws-sdk', 'client-secrets-manager');
  fs.mkdirSync(sdk, { recursive: true });
  fs.writeFileSync(
    path.join(sdk, 'index.js'),
    `exports.GetSecretValueCommand = class { constructor(input) { this.input = input; } };
exports.SecretsManagerClient = class {
  async send(command) {
    if (command.input.SecretId !== process.env.DB_SECRET_ARN) throw new Error('AccessDeniedException: ' + command.input.SecretId);
    return { SecretString: process.env.TEST_SECRET_STRING };
  }
};
`,
  );
  return dir;
}

/** The files a bundle carries. */
const archiveEntries = (archivePath: string): string[] => Object.keys(unzipSync(fs.readFileSync(archivePath))).sort();

beforeAll(async () => {
  server = await startThrowawayPostgres({ tls: true });
  lambdaDir = unpack(bundle.archivePath);
});
afterAll(async () => {
  await closeSessions();
  await server?.stop();
  for (const dir of unpacked) fs.rmSync(dir, { recursive: true, force: true });
});

function invoke(event: object, database: string, env: Record<string, string> = {}, dir: string = lambdaDir): Promise<{ ok: boolean; output: string }> {
  const script = `require('./index.js').handler(${JSON.stringify(event)}).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => { console.log('ERROR ' + error.message); process.exitCode = 1; })`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', script],
      {
        cwd: dir,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          MIGRATION_SYSTEM: 'gaming-platform',
          DB_HOST: 'localhost',
          DB_PORT: String(server.port),
          DB_NAME: database,
          DB_SECRET_ARN: SECRET_ARN,
          DB_SSLMODE: 'verify-full',
          NODE_EXTRA_CA_CERTS: server.caFile!,
          TEST_SECRET_STRING: JSON.stringify({ username: 'postgres', password: 'unused-with-trust-auth' }),
          ...env,
        },
      },
      (error, stdout) => resolve({ ok: error === null, output: stdout.trim().split('\n').pop() ?? '' }),
    );
  });
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

describe('the bundled migrations Lambda handler', () => {
  test('GIVEN an empty database WHEN invoked twice with the bundle checksum THEN it applies everything once, over verify-full TLS', async () => {
    const url = await createDatabase(server);
    const event = { system: 'gaming-platform', checksum: bundle.migrationsChecksum };

    const first = await invoke(event, databaseName(url));
    const second = await invoke(event, databaseName(url));

    expect(first).toEqual({ ok: true, output: expect.any(String) });
    expect(JSON.parse(first.output)).toEqual({
      system: 'gaming-platform',
      checksum: bundle.migrationsChecksum,
      applied: ['0001_users.sql', '0002_user_stats.sql', '0003_game_sessions.sql', '0004_support_tickets.sql'],
      alreadyApplied: 0,
    });
    expect(JSON.parse(second.output)).toMatchObject({ applied: [], alreadyApplied: 4 });
    expect((await databaseState(await sessionFor(url))).recorded).toHaveLength(4);
  });

  test('GIVEN an invocation whose checksum is not the bundled files\' WHEN invoked THEN it refuses and applies nothing', async () => {
    const url = await createDatabase(server);
    const result = await invoke({ system: 'gaming-platform', checksum: '0'.repeat(64) }, databaseName(url));
    expect(result).toEqual({ ok: false, output: expect.stringMatching(/^ERROR the invocation carries migrations checksum 0{64}, but the bundled files have [0-9a-f]{64}/) });
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });

  test('GIVEN no CA for the server in NODE_EXTRA_CA_CERTS WHEN invoked THEN verify-full refuses the connection naming host and port', async () => {
    const url = await createDatabase(server);
    const result = await invoke({ system: 'gaming-platform', checksum: bundle.migrationsChecksum }, databaseName(url), { NODE_EXTRA_CA_CERTS: server.otherCaFile! });
    expect(result).toEqual({ ok: false, output: expect.stringContaining(`ERROR cannot connect to PostgreSQL at localhost:${server.port}`) });
  });

  test('GIVEN a secret without a password WHEN invoked THEN it fails naming the secret', async () => {
    const url = await createDatabase(server);
    const result = await invoke({ system: 'gaming-platform', checksum: bundle.migrationsChecksum }, databaseName(url), {
      TEST_SECRET_STRING: JSON.stringify({ username: 'postgres' }),
    });
    expect(result).toEqual({ ok: false, output: `ERROR secret ${SECRET_ARN} has no username and password keys` });
  });
});

describe('the bundled handler with a bad environment', () => {
  test('GIVEN DB_SSLMODE=prefer WHEN invoked THEN it refuses naming the variable', async () => {
    const url = await createDatabase(server);
    const result = await invoke({ system: 'gaming-platform', checksum: bundle.migrationsChecksum }, databaseName(url), { DB_SSLMODE: 'prefer' });
    expect(result).toEqual({ ok: false, output: 'ERROR environment variable DB_SSLMODE must be one of disable, require, verify-ca, verify-full, got "prefer"' });
  });

  test('GIVEN an invocation for another system WHEN invoked THEN it refuses', async () => {
    const url = await createDatabase(server);
    const result = await invoke({ system: 'trivia-nft', checksum: bundle.migrationsChecksum }, databaseName(url));
    expect(result).toEqual({ ok: false, output: 'ERROR invoked for system "trivia-nft", but this function migrates gaming-platform' });
  });
});

describe('the bundled handler and a system\'s extensions', () => {
  test('GIVEN the content-hub bundle WHEN listed THEN it carries migrations.json beside the SQL files', () => {
    const contentHub = buildMigrationBundle('content-hub', MIGRATIONS_ROOT);
    expect(archiveEntries(contentHub.archivePath)).toContain('migrations/content-hub/migrations.json');
  });

  test('GIVEN a server without pgvector WHEN the content-hub function is invoked THEN it fails naming the extension, and applies nothing', async () => {
    const contentHub = buildMigrationBundle('content-hub', MIGRATIONS_ROOT);
    const url = await createDatabase(server);

    const result = await invoke({ system: 'content-hub', checksum: contentHub.migrationsChecksum }, databaseName(url), { MIGRATION_SYSTEM: 'content-hub' }, unpack(contentHub.archivePath));

    expect(result).toEqual({
      ok: false,
      output: expect.stringMatching(new RegExp(`^ERROR content-hub needs extension vector, which the server at postgres://postgres@localhost:${server.port}/\\w+ \\(sslmode=verify-full\\) does not offer \\(available: .+\\); nothing was applied$`)),
    });
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });
});

describe('the bundled handler and seed data', () => {
  const withSeed = buildMigrationBundle('shop-pulse', MIGRATIONS_ROOT, { seedData: true });
  const withoutSeed = buildMigrationBundle('shop-pulse', MIGRATIONS_ROOT);
  const SHOP_PULSE = { MIGRATION_SYSTEM: 'shop-pulse' };

  test('GIVEN the two shop-pulse bundles WHEN listed THEN only the one built with seed data carries the seed files', () => {
    expect(archiveEntries(withSeed.archivePath)).toContain('migrations/shop-pulse/seed/0001_development_tenants.sql');
    expect(archiveEntries(withoutSeed.archivePath).filter((name) => name.includes('/seed/'))).toEqual([]);
    expect(withSeed.migrationsChecksum).toBe(withoutSeed.migrationsChecksum);
    expect(withSeed.seedChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(withoutSeed.seedChecksum).toBeUndefined();
  });

  test('GIVEN the bundle with seed data and MIGRATION_SEED_DATA=true WHEN invoked twice THEN migrations then seed data apply once', async () => {
    const url = await createDatabase(server);
    const dir = unpack(withSeed.archivePath);
    const event = { system: 'shop-pulse', checksum: withSeed.migrationsChecksum, seedChecksum: withSeed.seedChecksum };
    const env = { ...SHOP_PULSE, MIGRATION_SEED_DATA: 'true' };

    const first = await invoke(event, databaseName(url), env, dir);
    const second = await invoke(event, databaseName(url), env, dir);

    expect(JSON.parse(first.output)).toEqual({
      system: 'shop-pulse',
      checksum: withSeed.migrationsChecksum,
      applied: expect.arrayContaining(['0001_application_role_and_tenancy.sql', '0009_audit_logs.sql', '0010_forced_row_level_security.sql']),
      alreadyApplied: 0,
      seedChecksum: withSeed.seedChecksum,
      seeded: ['0001_development_tenants.sql'],
      alreadySeeded: 0,
    });
    expect(JSON.parse(second.output)).toMatchObject({ applied: [], alreadyApplied: 10, seeded: [], alreadySeeded: 1 });
    expect(await (await sessionFor(url)).query('SELECT count(*)::int AS tenants FROM tenants')).toEqual([{ tenants: 3 }]);
  });

  test('GIVEN the bundle without seed data WHEN invoked with MIGRATION_SEED_DATA=true THEN it fails: it carries no seed files', async () => {
    const url = await createDatabase(server);
    const result = await invoke({ system: 'shop-pulse', checksum: withoutSeed.migrationsChecksum }, databaseName(url), { ...SHOP_PULSE, MIGRATION_SEED_DATA: 'true' }, unpack(withoutSeed.archivePath));
    expect(result).toEqual({ ok: false, output: 'ERROR shop-pulse has no seed data: seed data is applied from shop-pulse/seed/NNNN_name.sql, and there is none' });
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });

  test.each([
    ['an invocation asking for seed data from a function built without it', () => ({ seedChecksum: withSeed.seedChecksum }), {}, 'ERROR the invocation asks for seed data (checksum '],
    ['a seed checksum that is not the bundled files\'', () => ({ seedChecksum: '0'.repeat(64) }), { MIGRATION_SEED_DATA: 'true' }, `ERROR the invocation carries seed data checksum ${'0'.repeat(64)}, but the bundled seed files have `],
    ['MIGRATION_SEED_DATA=yes', () => ({}), { MIGRATION_SEED_DATA: 'yes' }, 'ERROR environment variable MIGRATION_SEED_DATA must be true or false, got "yes"'],
  ])('GIVEN %s WHEN invoked THEN it refuses and applies nothing', async (_case, extra, env, message) => {
    const url = await createDatabase(server);
    const event = { system: 'shop-pulse', checksum: withSeed.migrationsChecksum, ...extra() };
    const result = await invoke(event, databaseName(url), { ...SHOP_PULSE, ...env }, unpack(withSeed.archivePath));
    expect(result).toEqual({ ok: false, output: expect.stringContaining(message) });
    expect(await databaseState(await sessionFor(url))).toEqual({ tables: [], recorded: [] });
  });
});
