import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

// A real PostgreSQL server for tests: a copy of initdb's data directory (made once) in a temporary directory,
// a free port on 127.0.0.1 only, started and stopped by the test with pg_ctl (which signals exactly the postmaster of that data
// directory). initdb and postgres refuse to run as root, so as root (CI) they run as the `postgres` user.

export interface ThrowawayPostgresOptions {
  /**
   * Serve TLS with a certificate for the name `localhost` only (not the address 127.0.0.1, so a test can
   * show verify-full comparing names), signed by a CA the test can trust.
   * @default false
   */
  readonly tls?: boolean;
  /**
   * Seconds pg_ctl waits for the server to accept connections (and to stop).
   * @default 30
   */
  readonly startTimeoutSeconds?: number;
  /**
   * Extra server settings, e.g. `{ max_connections: '20' }`.
   * @default - none
   */
  readonly settings?: Readonly<Record<string, string>>;
}

export interface ThrowawayPostgres {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The superuser, authenticated by `trust` (the server listens on the loopback interface only). */
  readonly user: 'postgres';
  /** With `tls`: the CA bundle that signed the server certificate. */
  readonly caFile?: string;
  /** With `tls`: a CA bundle that did not sign it, to prove verification fails. */
  readonly otherCaFile?: string;
  /** A postgres:// URL to one database on this server, with query parameters. */
  url(database?: string, params?: Readonly<Record<string, string>>): string;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
}

/** Where the server binaries are: PATH first (this image), then Debian's postgresql-15 layout. */
function binary(name: string): string {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/lib/postgresql/15/bin']) {
    const candidate = path.join(dir, name);
    if (dir !== '' && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} not found on PATH or in /usr/lib/postgresql/15/bin: install PostgreSQL 15 server binaries (apt-get install -y postgresql-15)`);
}

const runningAsRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(command: string, args: readonly string[], timeoutMs: number): string {
  const [file, fullArgs] = runningAsRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
  return execFileSync(file, fullArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function writeCertificates(dir: string): { caFile: string; otherCaFile: string; certFile: string; keyFile: string } {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe', timeout: 30_000 });
  for (const ca of ['ca', 'other-ca']) {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=DataStack test ${ca}`,
      '-keyout', file(`${ca}.key`), '-out', file(`${ca}.pem`));
  }
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', file('server.key'), '-out', file('server.csr'));
  fs.writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-days', '2', '-extfile', file('server.ext'), '-out', file('server.pem'));
  fs.chmodSync(file('server.key'), 0o600);
  return { caFile: file('ca.pem'), otherCaFile: file('other-ca.pem'), certFile: file('server.pem'), keyFile: file('server.key') };
}

const INITDB_ARGUMENTS = ['-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];

/**
 * Puts a freshly initialized data directory at `dataDir`. What initdb writes is the same for every server
 * (same binaries, same arguments), and it took about half of a server's start, so it runs once per machine:
 * its result is kept in the temporary directory, keyed by initdb's version and arguments, and each server
 * starts from a copy (made by `cp -a` as the server's user, so owners and modes are initdb's).
 */
function copyInitializedDataDirectory(initdb: string, dataDir: string, timeoutMs: number): void {
  const key = createHash('sha256')
    .update(JSON.stringify([execFileSync(initdb, ['--version'], { encoding: 'utf8' }), INITDB_ARGUMENTS, runningAsRoot()]))
    .digest('hex')
    .slice(0, 16);
  const template = path.join(os.tmpdir(), `datastack-pg-initdb-${key}`);
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) {
    // initdb into a directory of this process's own, then a rename: a parallel test file never copies half of one.
    const staging = fs.mkdtempSync(`${template}.`);
    try {
      if (runningAsRoot()) chownToPostgres(staging);
      run(initdb, ['-D', path.join(staging, 'data'), ...INITDB_ARGUMENTS], timeoutMs);
      try {
        fs.renameSync(path.join(staging, 'data'), template);
      } catch {
        // Another test file kept one first: use that.
      }
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  run('cp', ['-a', template, dataDir], timeoutMs);
}

function chownToPostgres(entry: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  fs.chownSync(entry, uid, gid);
}

/** Starts a throwaway PostgreSQL server; call `stop()` in afterAll. */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const timeoutSeconds = options.startTimeoutSeconds ?? 30;
  const initdb = binary('initdb');
  const pgCtl = binary('pg_ctl');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-pg-'));
  const dataDir = path.join(root, 'data');
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    unix_socket_directories: `'${root}'`,
    fsync: 'off',
    ...options.settings,
  };
  let tls: ReturnType<typeof writeCertificates> | undefined;
  if (options.tls) {
    tls = writeCertificates(root);
    Object.assign(settings, { ssl: 'on', ssl_cert_file: `'${tls.certFile}'`, ssl_key_file: `'${tls.keyFile}'` });
  }
  if (runningAsRoot()) {
    for (const entry of [root, ...fs.readdirSync(root).map((name) => path.join(root, name))]) chownToPostgres(entry);
  }
  const removeRoot = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    copyInitializedDataDirectory(initdb, dataDir, timeoutSeconds * 1000);
    // The port is free when chosen but another process (another test file, another suite on the machine)
    // may take it before postgres binds it: try a few ports before giving up.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = ['-p', String(port), ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
      try {
        run(pgCtl, ['-D', dataDir, '-l', path.join(root, 'server.log'), '-w', '-t', String(timeoutSeconds), '-o', serverOptions.join(' '), 'start'],
          (timeoutSeconds + 5) * 1000);
        break;
      } catch (error) {
        const log = path.join(root, 'server.log');
        const portTaken = fs.existsSync(log) && /could not bind|Address already in use/i.test(fs.readFileSync(log, 'utf8'));
        if (!portTaken || attempt === 3) throw error;
      }
    }
    // If this process dies before stop() (a crashed or killed jest worker), a detached watchdog stops
    // the server and removes its directory, so no server outlives its test run.
    const asPostgres = runningAsRoot() ? 'runuser -u postgres -- ' : '';
    const watchdog = spawn(
      'sh',
      ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${asPostgres}"${pgCtl}" -D "${dataDir}" -m immediate stop >/dev/null 2>&1; rm -rf "${root}"`],
      { detached: true, stdio: 'ignore' },
    );
    watchdog.unref();
    let stopped = false;
    return {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      caFile: tls?.caFile,
      otherCaFile: tls?.otherCaFile,
      url(database = 'postgres', params = {}) {
        const query = new URLSearchParams({ sslmode: 'disable', ...params }).toString();
        return `postgres://postgres@127.0.0.1:${port}/${database}?${query}`;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        // The watchdog we started is no longer needed.
        if (watchdog.pid !== undefined) {
          try {
            process.kill(watchdog.pid);
          } catch {
            // already gone
          }
        }
        try {
          run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', String(timeoutSeconds), 'stop'], (timeoutSeconds + 5) * 1000);
        } finally {
          removeRoot();
        }
      },
    };
  } catch (error) {
    const log = path.join(root, 'server.log');
    const detail = fs.existsSync(log) ? `\n--- server.log ---\n${fs.readFileSync(log, 'utf8')}` : '';
    const stderr = (error as { stderr?: string }).stderr ?? '';
    // If pg_ctl started the server but reported failure, stop it before removing its directory.
    try {
      run(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop'], 10_000);
    } catch {
      // not running: nothing of ours to stop
    }
    removeRoot();
    throw new Error(`could not start a throwaway PostgreSQL server: ${(error as Error).message}${stderr}${detail}`);
  }
}
