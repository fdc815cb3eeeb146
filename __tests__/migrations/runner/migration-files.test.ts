import { loadMigrationFiles, migrationsChecksum } from '../../../migrations/runner/migration-files';
import { listSystems, systemDirectory } from '../../../migrations/runner/systems';
import { GAMING_PLATFORM_MIGRATIONS, migrationsDirectory, removeTemporaryDirectories } from '../../support/migration-fixtures';

afterAll(removeTemporaryDirectories);

describe('loadMigrationFiles', () => {
  test('GIVEN the gaming platform folder WHEN loaded THEN its files come in order with SHA-256 checksums', () => {
    const files = loadMigrationFiles(GAMING_PLATFORM_MIGRATIONS);
    expect(files.map((file) => [file.version, file.fileName])).toEqual([
      [1, '0001_users.sql'],
      [2, '0002_user_stats.sql'],
      [3, '0003_game_sessions.sql'],
      [4, '0004_support_tickets.sql'],
    ]);
    expect(files.every((file) => /^[0-9a-f]{64}$/.test(file.checksum))).toBe(true);
  });

  test.each([
    [{ '0001_a.sql': 'SELECT 1;', '0003_c.sql': 'SELECT 1;' }, 'migration file 0003_c.sql is out of sequence: expected number 0002 because it follows 0001_a.sql'],
    [{ '0002_b.sql': 'SELECT 1;' }, 'migration file 0002_b.sql is out of sequence: expected number 0001 because it is the first file'],
    [{ '0001_a.sql': 'SELECT 1;', '0001_b.sql': 'SELECT 1;' }, 'migration file 0001_b.sql is out of sequence: expected number 0002'],
    [{ '1_a.sql': 'SELECT 1;' }, 'migration file 1_a.sql in'],
    [{ '0001_Add-Table.sql': 'SELECT 1;' }, 'is misnamed: names must be NNNN_lower_snake_case.sql'],
    [{ '0001_a.sql': 'BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n' }, 'migration file 0001_a.sql contains the transaction statement "BEGIN;"'],
    [{ '0001_a.sql': 'CREATE TABLE t (id int);\ncommit;\n' }, 'contains the transaction statement "commit"'],
    [{ '0001_a.sql': 'CREATE INDEX CONCURRENTLY t_idx ON t (id);' }, 'uses "CREATE INDEX CONCURRENTLY", which PostgreSQL cannot run inside a transaction'],
  ])('GIVEN files %o WHEN loaded THEN it refuses: %s', (files, message) => {
    expect(() => loadMigrationFiles(migrationsDirectory(files))).toThrow(message);
  });

  test('GIVEN a plpgsql function with BEGIN ... END; blocks WHEN loaded THEN it is accepted (only transaction statements are refused)', () => {
    const sql = 'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;\n';
    expect(loadMigrationFiles(migrationsDirectory({ '0001_f.sql': sql }))).toHaveLength(1);
  });

  test('GIVEN files that are not .sql WHEN loaded THEN they are ignored', () => {
    expect(loadMigrationFiles(migrationsDirectory({ '0001_a.sql': 'SELECT 1;', 'README.md': '# notes' }))).toHaveLength(1);
  });
});

describe('migrationsChecksum', () => {
  const base = { '0001_a.sql': 'CREATE TABLE a (id int);', '0002_b.sql': 'CREATE TABLE b (id int);' };
  const checksumOf = (files: Record<string, string>) => migrationsChecksum(loadMigrationFiles(migrationsDirectory(files)));

  test('GIVEN the same files WHEN checksummed twice THEN the checksums are equal', () => {
    expect(checksumOf(base)).toBe(checksumOf({ ...base }));
  });

  test.each([
    ['a file edited', { ...base, '0002_b.sql': 'CREATE TABLE b (id bigint);' }],
    ['a file added', { ...base, '0003_c.sql': 'SELECT 1;' }],
    ['a file renamed', { '0001_a.sql': base['0001_a.sql'], '0002_bee.sql': base['0002_b.sql'] }],
  ])('GIVEN %s WHEN checksummed THEN the checksum changes', (_change, files) => {
    expect(checksumOf(files)).not.toBe(checksumOf(base));
  });
});

describe('systems', () => {
  test('GIVEN migrations/ WHEN listed THEN the system folders are systems, in order, and the runner folder is not', () => {
    expect(listSystems()).toEqual(['content-hub', 'gaming-platform', 'shop-pulse', 'skillancer', 'trivia-nft']);
  });

  test('GIVEN an unknown system WHEN its folder is asked for THEN the error names it and the known systems', () => {
    expect(() => systemDirectory('trivia')).toThrow(`unknown system "trivia": migrations exist for ${listSystems().join(', ')}`);
  });
});
