// The `url` key of a write-only credentials secret, proven the way applications use it: Terraform itself
// evaluates the synthesized secret_string_wo expression (with a password holding every special character
// DataStack's passwords may contain, in place of the ephemeral password, and the server's address in place of
// the instance's), and node-postgres connects with the URL to a real PostgreSQL 15 that checks the password.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { PASSWORD_SPECIAL_CHARACTERS } from '../../../modules/rds';
import { startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';
import { synthInstance } from './postgres-instance-fixture';

jest.setTimeout(120_000);

// Every special character, and the two pairs HCL would read as a template (`${`, `%{`).
const PASSWORD = `Aa1${PASSWORD_SPECIAL_CHARACTERS}\${x}%{y}`;

/** A string literal in HCL: escapes quotes and backslashes, and `${` / `%{` so they stay text. */
function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, () => '\\\\')
    .replace(/"/g, () => '\\"')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

/** Evaluates an HCL expression with `terraform console` in an empty directory (no provider, no network). */
function terraformEvaluate(expression: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-console-'));
  try {
    return execFileSync('terraform', ['console', '-no-color'], {
      cwd: directory,
      input: `${expression}\n`,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' },
    }).trim();
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function query(connectionString: string): Promise<{ user: string; database: string }> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const result = await client.query('select current_user as user, current_database() as database');
    return result.rows[0];
  } finally {
    await client.end();
  }
}

describe('the url key of write-only credentials against PostgreSQL 15', () => {
  let server: ThrowawayPostgres;
  let hbaDirectory: string;
  let secret: Record<string, unknown>;

  beforeAll(async () => {
    // Passwords are checked (scram-sha-256) for everyone but the superuser the test administers with.
    hbaDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-hba-'));
    fs.chmodSync(hbaDirectory, 0o755);
    const hba = path.join(hbaDirectory, 'pg_hba.conf');
    fs.writeFileSync(hba, 'host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n', { mode: 0o644 });
    server = await startThrowawayPostgres({ settings: { hba_file: `'${hba}'`, password_encryption: 'scram-sha-256' } });
    const admin = new Client({ connectionString: server.url() });
    await admin.connect();
    try {
      await admin.query(`create role dbadmin login password ${admin.escapeLiteral(PASSWORD)}`);
      await admin.query('create database skillancer owner dbadmin');
    } finally {
      await admin.end();
    }

    const { json } = synthInstance({ port: server.port, credentials: { kind: 'write-only', url: { query: 'sslmode=disable' } } });
    const written = (Object.values(json.resource.aws_secretsmanager_secret_version)[0] as { secret_string_wo: string }).secret_string_wo;
    const expression = written
      .replace(/^\$\{/, '')
      .replace(/\}$/, '')
      // Replacer functions: `$` in a replacement string would be read as a pattern ($&, $$).
      .replace(/ephemeral\.random_password\.[a-z0-9_]+\.result/g, () => hclString(PASSWORD))
      .replace(/aws_db_instance\.[A-Za-z0-9_]+\.address/g, () => hclString(server.host));
    secret = JSON.parse(JSON.parse(terraformEvaluate(expression)));
  });

  afterAll(async () => {
    await server?.stop();
    if (hbaDirectory) fs.rmSync(hbaDirectory, { recursive: true, force: true });
  });

  test('GIVEN the secret Terraform writes WHEN read THEN it holds the password as it is and the connection details', () => {
    expect(secret).toMatchObject({ engine: 'postgres', username: 'dbadmin', password: PASSWORD, host: '127.0.0.1', port: server.port, dbname: 'skillancer' });
  });

  test('GIVEN the url key WHEN node-postgres connects with it THEN the password is accepted and the session is dbadmin on skillancer', async () => {
    expect(await query(String(secret.url))).toEqual({ user: 'dbadmin', database: 'skillancer' });
  });

  test('GIVEN the same URL with the password not encoded WHEN node-postgres connects THEN it fails: the encoding is what makes the url usable', async () => {
    const raw = `postgresql://dbadmin:${PASSWORD}@127.0.0.1:${server.port}/skillancer?sslmode=disable`;
    await expect(query(raw)).rejects.toThrow();
  });

  test('GIVEN a wrong password in an encoded URL WHEN node-postgres connects THEN the server refuses it (passwords are checked)', async () => {
    const wrong = String(secret.url).replace(/^postgresql:\/\/dbadmin:[^@]+@/, 'postgresql://dbadmin:not-the-password@');
    await expect(query(wrong)).rejects.toThrow(/password authentication failed/);
  });
});
