import { PGLITE_EXTENSION_NAMES } from '../../../migrations/runner/pglite-extensions';
import { openPglite } from '../../../migrations/runner/pglite-session';
import { SqlSession } from '../../../migrations/runner/sql-session';

// The table of extensions the embedded database can provide is checked against PGlite itself: each
// name, once loaded, is one PostgreSQL offers, and a system that declares none loads none.

const available = async (session: SqlSession): Promise<string[]> =>
  (await session.query<{ name: string }>('SELECT name FROM pg_available_extensions ORDER BY name')).map((row) => row.name);

let session: SqlSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('GIVEN every extension of the table WHEN PGlite loads them THEN PostgreSQL offers each, and vector installs at 0.8.7', async () => {
  session = await openPglite(undefined, { system: 'all', extensions: PGLITE_EXTENSION_NAMES });

  expect(await available(session)).toEqual(expect.arrayContaining([...PGLITE_EXTENSION_NAMES]));
  await session.execute('CREATE EXTENSION vector');
  expect(await session.query(`SELECT extversion FROM pg_extension WHERE extname = 'vector'`)).toEqual([{ extversion: '0.8.7' }]);
}, 120_000);

test('GIVEN a system that declares no extension WHEN PGlite opens THEN it offers plpgsql only (nothing was loaded)', async () => {
  session = await openPglite(undefined, { system: 'gaming-platform', extensions: [] });
  expect(await available(session)).toEqual(['plpgsql']);
}, 120_000);
