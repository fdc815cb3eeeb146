// An in-memory embedded database starts from a cached copy of an empty one instead of running initdb. The copy
// must be empty: nothing a run did may reach the next run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readDataDirectoryArchive } from '../../../migrations/runner/data-directory-archive';
import { emptyDatabaseFile } from '../../../migrations/runner/pglite-empty-database';
import { openPglite } from '../../../migrations/runner/pglite-session';

const PUBLIC_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";

describe('the cached empty embedded database', () => {
  const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-pglite-cache-'));
  const previous = process.env.DATASTACK_PGLITE_CACHE_DIRECTORY;
  beforeAll(() => (process.env.DATASTACK_PGLITE_CACHE_DIRECTORY = cacheDirectory));
  afterAll(() => {
    if (previous === undefined) delete process.env.DATASTACK_PGLITE_CACHE_DIRECTORY;
    else process.env.DATASTACK_PGLITE_CACHE_DIRECTORY = previous;
    fs.rmSync(cacheDirectory, { recursive: true, force: true });
  });

  test('GIVEN no cached database WHEN one is opened and used THEN an empty copy is kept, taken after a clean shutdown; WHEN the next is opened from it THEN it holds nothing the first did, works, and has a 16MB buffer pool', async () => {
    const first = await openPglite();
    await first.execute('CREATE TABLE leaked (id int); INSERT INTO leaked VALUES (1);');
    await first.close();
    const cached = emptyDatabaseFile([]);
    expect(fs.statSync(cached).size).toBeGreaterThan(0);
    const cachedBytes = fs.readFileSync(cached);
    // A running PostgreSQL keeps postmaster.pid in its data directory; a clean shutdown removes it.
    const cachedPaths = readDataDirectoryArchive(cachedBytes).map((entry) => entry.path);
    expect(cachedPaths).toContain('PG_VERSION');
    expect(cachedPaths).not.toContain('postmaster.pid');

    const second = await openPglite();
    const tablesAtStart = await second.query(PUBLIC_TABLES);
    await second.execute('CREATE TABLE probe (id int); INSERT INTO probe VALUES (7);');
    const rows = await second.query<{ id: number }>('SELECT id FROM probe');
    const bufferPool = await second.query('SHOW shared_buffers');
    await second.close();

    expect(tablesAtStart).toEqual([]);
    expect(rows).toEqual([{ id: 7 }]);
    expect(bufferPool).toEqual([{ shared_buffers: '16MB' }]);
    expect(fs.readFileSync(cached).equals(cachedBytes)).toBe(true);
  }, 180_000);

  test('GIVEN a damaged cached database WHEN a database is opened THEN it is a working empty one and the copy is replaced', async () => {
    const cached = emptyDatabaseFile([]);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, 'not a tar archive');

    const db = await openPglite();
    const tables = await db.query(PUBLIC_TABLES);
    await db.close();

    expect(tables).toEqual([]);
    expect(fs.statSync(cached).size).toBeGreaterThan(1024 * 1024);
  }, 180_000);

  test('GIVEN a cached empty database WHEN a database is opened in a new data directory THEN it starts as a copy of the cached one (no initdb), works, and the cached copy is untouched', async () => {
    const cached = emptyDatabaseFile([]);
    const cachedBytes = fs.readFileSync(cached);
    // initdb gives every database cluster a new system identifier, the first 8 bytes of global/pg_control.
    const control = readDataDirectoryArchive(cachedBytes).find((entry) => entry.path === 'global/pg_control')!;
    const cachedIdentifier = Buffer.from(control.data).readBigUInt64LE(0).toString();
    const dataDir = path.join(cacheDirectory, 'a-new-data-directory');

    const db = await openPglite(dataDir);
    const [{ identifier }] = await db.query<{ identifier: string }>('SELECT system_identifier::text AS identifier FROM pg_control_system()');
    await db.execute('CREATE TABLE kept (id int);');
    await db.close();

    expect(identifier).toBe(cachedIdentifier);
    expect(fs.existsSync(path.join(dataDir, 'base'))).toBe(true);
    expect(fs.readFileSync(cached).equals(cachedBytes)).toBe(true);
  }, 180_000);
});
