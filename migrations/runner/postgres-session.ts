import * as fs from 'fs';
import { Client, ClientConfig } from 'pg';
import { ConnectionOptions } from 'tls';
import { MigrationError } from './migration-error';
import { SqlSession } from './sql-session';

/** libpq's sslmode values that `pg` can honour exactly; `prefer` and `allow` (try TLS, fall back) it cannot. */
export const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** Where and how to connect, parsed from a DATABASE_URL. */
export interface PostgresTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
  readonly sslMode: SslMode;
  /** A CA bundle file for verify-ca / verify-full; without it the system's trusted CAs are used. */
  readonly sslRootCert?: string;
  /** Seconds to wait for the server to accept and authenticate before failing. */
  readonly connectTimeoutSeconds: number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const SUPPORTED_PARAMETERS = new Set(['sslmode', 'sslrootcert', 'connect_timeout', 'application_name']);
const URL_SHAPE = 'postgres://user:password@host:5432/database?sslmode=verify-full';

/** Without sslmode: plain TCP on the loopback interface (a local server, a tunnel), verify-full anywhere else. */
export function defaultSslMode(host: string): SslMode {
  return LOOPBACK.has(host) ? 'disable' : 'verify-full';
}

/** The URL with its password replaced, safe to print. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** Parses a PostgreSQL URL strictly: anything we would have to guess about is an error. Never echoes the password. */
export function parseDatabaseUrl(url: string): PostgresTarget {
  const invalid = (reason: string) =>
    new MigrationError(`DATABASE_URL ${JSON.stringify(redactDatabaseUrl(url))} is not valid: ${reason} (expected ${URL_SHAPE})`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('it is not a URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw invalid(`the scheme must be postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalid('it names no host');
  const port = parsed.port === '' ? 5432 : Number(parsed.port);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) throw invalid('the path must be one database name, e.g. /gaming');
  for (const key of parsed.searchParams.keys()) {
    if (!SUPPORTED_PARAMETERS.has(key)) throw invalid(`parameter ${key} is not supported (supported: ${[...SUPPORTED_PARAMETERS].join(', ')})`);
  }
  const sslModeGiven = parsed.searchParams.get('sslmode');
  if (sslModeGiven !== null && !(SSL_MODES as readonly string[]).includes(sslModeGiven)) {
    throw invalid(`sslmode must be one of ${SSL_MODES.join(', ')}, got ${JSON.stringify(sslModeGiven)}`);
  }
  const sslMode = (sslModeGiven ?? defaultSslMode(host)) as SslMode;
  const sslRootCert = parsed.searchParams.get('sslrootcert') ?? undefined;
  if (sslRootCert !== undefined && !fs.existsSync(sslRootCert)) throw invalid(`sslrootcert ${sslRootCert} does not exist`);
  if (sslRootCert !== undefined && (sslMode === 'disable' || sslMode === 'require')) {
    // libpq would silently upgrade require to verify-ca here; say what will happen instead of guessing.
    throw invalid(`sslrootcert is only used with sslmode=verify-ca or verify-full, got sslmode=${sslMode}`);
  }
  const timeoutGiven = parsed.searchParams.get('connect_timeout');
  const connectTimeoutSeconds = timeoutGiven === null ? 10 : Number(timeoutGiven);
  if (!Number.isInteger(connectTimeoutSeconds) || connectTimeoutSeconds < 1 || connectTimeoutSeconds > 300) {
    throw invalid(`connect_timeout must be a whole number of seconds 1-300, got ${JSON.stringify(timeoutGiven)}`);
  }
  return {
    host,
    port,
    database,
    user: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    sslMode,
    sslRootCert,
    connectTimeoutSeconds,
  };
}

/** The `ssl` option of `pg` for an sslmode, following libpq's meaning of each mode. */
export function tlsOptions(target: Pick<PostgresTarget, 'sslMode' | 'sslRootCert'>): false | ConnectionOptions {
  const ca = target.sslRootCert === undefined ? undefined : fs.readFileSync(target.sslRootCert, 'utf8');
  switch (target.sslMode) {
    case 'disable':
      return false;
    case 'require':
      // Encrypted, server not authenticated: libpq's require without a root certificate.
      return { rejectUnauthorized: false };
    case 'verify-ca':
      // The chain must lead to the CA; the host name is not compared.
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ca };
  }
}

function describeTarget(target: PostgresTarget): string {
  return `postgres://${target.user === undefined ? '' : `${target.user}@`}${target.host}:${target.port}/${target.database} (sslmode=${target.sslMode})`;
}

/** Opens one connection (not a pool: the advisory lock belongs to a session) and fails within the connect timeout. */
export async function connectPostgres(target: PostgresTarget, applicationName = 'datastack-migrate'): Promise<SqlSession> {
  const config: ClientConfig = {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
    ssl: tlsOptions(target),
    connectionTimeoutMillis: target.connectTimeoutSeconds * 1000,
    application_name: applicationName,
  };
  const client = new Client(config);
  // An idle connection dropped by the server must not crash the process with an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
    throw new MigrationError(
      `cannot connect to PostgreSQL at ${target.host}:${target.port} (database ${target.database}, sslmode=${target.sslMode}) within ${target.connectTimeoutSeconds} s: ${reason}`,
    );
  }
  // A session-level SET makes RDS Proxy pin this client to one database connection, so the session
  // advisory lock and every migration stay on the same backend (the migrator checks that too).
  await client.query(`SET application_name TO '${applicationName.replace(/'/g, "''")}'`);
  return {
    description: describeTarget(target),
    async execute(sql) {
      await client.query(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return result.rows as Row[];
    },
    async close() {
      await client.end();
    },
  };
}
