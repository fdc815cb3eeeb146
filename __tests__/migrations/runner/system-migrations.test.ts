import * as path from 'path';
import { PGLITE_EXTENSION_NAMES, pgliteExtensions } from '../../../migrations/runner/pglite-extensions';
import { loadSystemManifest } from '../../../migrations/runner/system-manifest';
import { hasSeedData, loadSystemMigrations } from '../../../migrations/runner/system-migrations';
import { CONTENT_HUB_MIGRATIONS, GAMING_PLATFORM_MIGRATIONS, migrationsRootWith, removeTemporaryDirectories, SHOP_PULSE_MIGRATIONS } from '../../support/migration-fixtures';

afterAll(removeTemporaryDirectories);

/** A system folder `arcade` with the given files (relative names; `seed/...` for seed data). */
const arcade = (files: Record<string, string>): string => path.join(migrationsRootWith('arcade', files), 'arcade');

describe('loadSystemManifest', () => {
  test('GIVEN no migrations.json WHEN loaded THEN the system needs no extension', () => {
    expect(loadSystemManifest(GAMING_PLATFORM_MIGRATIONS)).toEqual({ extensions: [] });
  });

  test('GIVEN the content hub WHEN loaded THEN it declares vector', () => {
    expect(loadSystemManifest(CONTENT_HUB_MIGRATIONS)).toEqual({ extensions: ['vector'] });
  });

  test.each([
    ['{"extensions": ["vector"', 'arcade/migrations.json is not valid JSON'],
    ['["vector"]', 'arcade/migrations.json must be a JSON object such as {"extensions": ["vector"]}, got ["vector"]'],
    ['{"extension": ["vector"]}', 'arcade/migrations.json has unknown key "extension": the keys accepted are extensions'],
    ['{"extensions": "vector"}', 'arcade/migrations.json: extensions must be a list of extension names (lower case letters, digits, _ and -, e.g. ["vector", "uuid-ossp"]), got "vector"'],
    ['{"extensions": ["Vector"]}', 'extensions must be a list of extension names (lower case letters, digits, _ and -, e.g. ["vector", "uuid-ossp"]), got ["Vector"]'],
    ['{"extensions": ["vector", "vector"]}', 'arcade/migrations.json: extensions lists "vector" twice'],
  ])('GIVEN migrations.json %s WHEN loaded THEN it refuses: %s', (manifest, message) => {
    expect(() => loadSystemManifest(arcade({ '0001_a.sql': 'SELECT 1;', 'migrations.json': manifest }))).toThrow(message);
  });
});

describe('loadSystemMigrations: the extension declaration matches the SQL', () => {
  test.each([
    [
      'an undeclared CREATE EXTENSION',
      { '0001_a.sql': 'CREATE EXTENSION IF NOT EXISTS citext;' },
      '0001_a.sql creates extension citext, which arcade/migrations.json does not declare: add it to "extensions" (declared: none)',
    ],
    [
      'a quoted name, undeclared',
      { '0001_a.sql': 'SELECT 1;', '0002_b.sql': 'create extension "uuid-ossp" schema public;', 'migrations.json': '{"extensions": []}' },
      '0002_b.sql creates extension uuid-ossp, which arcade/migrations.json does not declare',
    ],
    [
      'a declared extension no migration creates',
      { '0001_a.sql': 'SELECT 1;', 'migrations.json': '{"extensions": ["vector"]}' },
      'arcade/migrations.json declares extension vector, but no migration creates it: remove it, or add the CREATE EXTENSION',
    ],
    [
      'a CREATE EXTENSION in seed data',
      { '0001_a.sql': 'SELECT 1;', 'seed/0001_rows.sql': 'CREATE EXTENSION pgcrypto;' },
      'seed file 0001_rows.sql creates extension pgcrypto: create extensions in a migration, not in seed data',
    ],
  ])('GIVEN %s WHEN loaded (with seed data) THEN it refuses before connecting: %s', (_case, files, message) => {
    expect(() => loadSystemMigrations(arcade(files), { seed: true })).toThrow(message);
  });

  test('GIVEN declared extensions, an unquoted name in upper case, plpgsql and a commented-out statement WHEN loaded THEN it is accepted', () => {
    const system = loadSystemMigrations(
      arcade({
        '0001_a.sql': '-- CREATE EXTENSION postgis;\n/* CREATE EXTENSION hstore; */\nCREATE EXTENSION IF NOT EXISTS CITEXT;\nCREATE EXTENSION IF NOT EXISTS plpgsql;\n',
        '0002_b.sql': `CREATE EXTENSION "uuid-ossp";\nCOMMENT ON TABLE x IS 'CREATE EXTENSION -- not one';`,
        'migrations.json': '{"extensions": ["uuid-ossp", "citext"]}',
      }),
    );
    expect(system).toEqual({ system: 'arcade', files: expect.any(Array), extensions: ['citext', 'uuid-ossp'] });
  });
});

describe('loadSystemMigrations: seed data', () => {
  test('GIVEN shop-pulse WHEN loaded without seed THEN no seed files are read; WITH seed THEN its seed files follow its migrations', () => {
    expect(loadSystemMigrations(SHOP_PULSE_MIGRATIONS).seedFiles).toBeUndefined();
    expect(loadSystemMigrations(SHOP_PULSE_MIGRATIONS, { seed: true }).seedFiles?.map((file) => file.fileName)).toEqual(['0001_development_tenants.sql']);
  });

  test('GIVEN seed files out of sequence WHEN loaded with seed THEN the error calls them seed files', () => {
    const system = arcade({ '0001_a.sql': 'SELECT 1;', 'seed/0001_x.sql': 'SELECT 1;', 'seed/0003_z.sql': 'SELECT 1;' });
    expect(() => loadSystemMigrations(system, { seed: true })).toThrow(
      'seed file 0003_z.sql is out of sequence: expected number 0002 because it follows 0001_x.sql',
    );
  });

  test('GIVEN a system without seed data WHEN loaded with seed THEN it refuses naming the folder', () => {
    expect(hasSeedData(GAMING_PLATFORM_MIGRATIONS)).toBe(false);
    expect(() => loadSystemMigrations(GAMING_PLATFORM_MIGRATIONS, { seed: true })).toThrow(
      'gaming-platform has no seed data: seed data is applied from gaming-platform/seed/NNNN_name.sql, and there is none',
    );
  });
});

describe('pgliteExtensions', () => {
  test('GIVEN an extension PGlite cannot provide WHEN asked for THEN the error names it, the system and what PGlite offers', () => {
    expect(() => pgliteExtensions('arcade', ['vector', 'postgis'])).toThrow(
      `arcade needs extension postgis, which the embedded database (PGlite) cannot provide (it offers: ${PGLITE_EXTENSION_NAMES.join(', ')}); run against a server that has it with --database-url`,
    );
    expect(PGLITE_EXTENSION_NAMES).toEqual(expect.arrayContaining(['vector', 'uuid-ossp', 'pgcrypto', 'citext', 'pg_stat_statements']));
  });

  test('GIVEN earthdistance WHEN resolved THEN cube, which it depends on, is loaded with it', () => {
    expect(Object.keys(pgliteExtensions('arcade', ['earthdistance'])).sort()).toEqual(['cube', 'earthdistance']);
  });
});
