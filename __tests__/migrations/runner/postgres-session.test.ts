import * as net from 'net';
import { connectPostgres, parseDatabaseUrl, redactDatabaseUrl } from '../../../migrations/runner/postgres-session';
import { freePort, startThrowawayPostgres, ThrowawayPostgres } from '../../support/throwaway-postgres';

describe('parseDatabaseUrl', () => {
  test('GIVEN a full URL WHEN parsed THEN every part is read and the password decoded', () => {
    expect(parseDatabaseUrl('postgresql://game%40admin:p%2Fw@db.example.com:6432/gaming?sslmode=require&connect_timeout=5')).toEqual({
      host: 'db.example.com',
      port: 6432,
      database: 'gaming',
      user: 'game@admin',
      password: 'p/w',
      sslMode: 'require',
      sslRootCert: undefined,
      connectTimeoutSeconds: 5,
    });
  });

  test.each([
    ['localhost', 'disable'],
    ['127.0.0.1', 'disable'],
    ['aurora.cluster-abc.eu-west-2.rds.amazonaws.com', 'verify-full'],
  ])('GIVEN no sslmode and host %s WHEN parsed THEN sslmode defaults to %s', (host, mode) => {
    expect(parseDatabaseUrl(`postgres://u@${host}/db`).sslMode).toBe(mode);
  });

  test.each([
    ['not a url', 'it is not a URL'],
    ['mysql://u:secret@db/app', 'the scheme must be postgres:// or postgresql://, got mysql://'],
    ['postgres://u:secret@db.example.com', 'the path must be one database name'],
    ['postgres://u:secret@db.example.com/app?sslmode=prefer', 'sslmode must be one of disable, require, verify-ca, verify-full, got "prefer"'],
    ['postgres://u:secret@db.example.com/app?sslmode=verify-full&sslrootcert=/no/such/ca.pem', 'sslrootcert /no/such/ca.pem does not exist'],
    ['postgres://u:secret@db.example.com/app?connect_timeout=0', 'connect_timeout must be a whole number of seconds 1-300, got "0"'],
    ['postgres://u:secret@db.example.com/app?sslcert=client.pem', 'parameter sslcert is not supported'],
    ['postgres://u:secret@db.example.com:99999/app', 'it is not a URL'],
  ])('GIVEN %s WHEN parsed THEN the error says %s and never shows the password', (url, reason) => {
    let message = '';
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(reason);
    expect(message).toMatch(/^DATABASE_URL /);
    expect(message).not.toContain('secret');
  });

  test('GIVEN a URL with a password WHEN redacted THEN the password is replaced', () => {
    expect(redactDatabaseUrl('postgres://app:hunter2@db:5432/game')).toBe('postgres://app:***@db:5432/game');
  });
});

describe('connecting to a real server', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startThrowawayPostgres({ tls: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function sslInUse(url: string): Promise<boolean> {
    const session = await connectPostgres(parseDatabaseUrl(url));
    try {
      const [row] = await session.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      return row.ssl;
    } finally {
      await session.close();
    }
  }

  test('GIVEN sslmode=disable WHEN connected THEN the connection is not encrypted', async () => {
    expect(await sslInUse(server.url('postgres', { sslmode: 'disable' }))).toBe(false);
  });

  test('GIVEN sslmode=require WHEN connected to a server whose CA we do not know THEN it connects encrypted', async () => {
    expect(await sslInUse(server.url('postgres', { sslmode: 'require' }))).toBe(true);
  });

  test('GIVEN sslmode=verify-full, the CA bundle that signed the server and the name in its certificate WHEN connected THEN it connects encrypted', async () => {
    const url = server.url('postgres', { sslmode: 'verify-full', sslrootcert: server.caFile! }).replace('127.0.0.1', 'localhost');
    expect(await sslInUse(url)).toBe(true);
  });

  test('GIVEN sslmode=verify-full and another CA bundle WHEN connecting THEN it refuses, naming host and port', async () => {
    const url = server.url('postgres', { sslmode: 'verify-full', sslrootcert: server.otherCaFile! }).replace('127.0.0.1', 'localhost');
    await expect(connectPostgres(parseDatabaseUrl(url))).rejects.toThrow(
      new RegExp(`^cannot connect to PostgreSQL at localhost:${server.port} \\(database postgres, sslmode=verify-full\\) within 10 s: .*unable to verify the first certificate`),
    );
  });

  test('GIVEN sslmode=verify-full and the right CA WHEN the address used is not the name in the certificate THEN it refuses', async () => {
    const url = server.url('postgres', { sslmode: 'verify-full', sslrootcert: server.caFile! });
    await expect(connectPostgres(parseDatabaseUrl(url))).rejects.toThrow(/cannot connect to PostgreSQL at 127\.0\.0\.1:\d+ .*does not match certificate/);
  });

  test('GIVEN sslmode=verify-ca and the right CA WHEN the address is not the name in the certificate THEN it connects (only the chain is verified)', async () => {
    expect(await sslInUse(server.url('postgres', { sslmode: 'verify-ca', sslrootcert: server.caFile! }))).toBe(true);
  });
});

describe('an unreachable server', () => {
  test('GIVEN a port nobody listens on WHEN connecting THEN it fails naming host and port', async () => {
    const port = await freePort();
    await expect(connectPostgres(parseDatabaseUrl(`postgres://u:pw@127.0.0.1:${port}/db?connect_timeout=2`))).rejects.toThrow(
      new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port} \\(database db, sslmode=disable\\) within 2 s: .*ECONNREFUSED`),
    );
  });

  test('GIVEN a server that accepts TCP but never answers WHEN connecting THEN it gives up after connect_timeout, naming host and port', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      await expect(connectPostgres(parseDatabaseUrl(`postgres://u:pw@127.0.0.1:${port}/db?connect_timeout=1`))).rejects.toThrow(
        new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port} \\(database db, sslmode=disable\\) within 1 s: .*timeout`, 'i'),
      );
    } finally {
      silent.close();
    }
  });
});
