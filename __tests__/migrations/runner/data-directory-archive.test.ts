import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  DamagedArchiveError,
  DataDirectoryEntry,
  readDataDirectoryArchive,
  writeDataDirectoryArchive,
} from '../../../migrations/runner/data-directory-archive';

const LONG_PATH = `base/${'nested-directory/'.repeat(7)}file`;
const ENTRIES: DataDirectoryEntry[] = [
  { path: 'PG_VERSION', kind: 'file', mode: 0o600, modifiedSeconds: 1_700_000_000, data: Buffer.from('18\n') },
  { path: 'base', kind: 'directory', mode: 0o700, modifiedSeconds: 1_700_000_001, data: new Uint8Array(0) },
  { path: 'base/5/1255', kind: 'file', mode: 0o600, modifiedSeconds: 1_700_000_002, data: Buffer.alloc(8192 * 3 + 17, 7) },
  { path: 'pg_tblspc', kind: 'directory', mode: 0o700, modifiedSeconds: 1_700_000_003, data: new Uint8Array(0) },
  { path: 'pg_stat/empty', kind: 'file', mode: 0o644, modifiedSeconds: 1_700_000_004, data: new Uint8Array(0) },
  { path: LONG_PATH, kind: 'file', mode: 0o600, modifiedSeconds: 1_700_000_005, data: Buffer.from('deep') },
];

function comparable(entries: readonly DataDirectoryEntry[]) {
  return entries.map((entry) => ({ ...entry, data: Buffer.from(entry.data).toString('base64') }));
}

describe('the data directory archive', () => {
  test('GIVEN files, empty files, directories and a path over 100 characters WHEN written and read back THEN every entry returns as it was', () => {
    expect(LONG_PATH.length).toBeGreaterThan(100);
    const archive = writeDataDirectoryArchive(ENTRIES);
    expect(archive.length % 512).toBe(0);
    expect(comparable(readDataDirectoryArchive(archive))).toEqual(comparable(ENTRIES));
  });

  test('GIVEN an archive WHEN tar lists it THEN it is a ustar archive holding the same paths', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-archive-'));
    try {
      const file = path.join(directory, 'data.tar');
      fs.writeFileSync(file, writeDataDirectoryArchive(ENTRIES));
      const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
      expect(listed).toEqual(ENTRIES.map((entry) => (entry.kind === 'directory' ? `${entry.path}/` : entry.path)));
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test("GIVEN an archive WHEN read THEN a file's bytes are a view into the archive, not a copy", () => {
    const archive = writeDataDirectoryArchive(ENTRIES);
    const version = readDataDirectoryArchive(archive).find((entry) => entry.path === 'PG_VERSION')!;
    expect(version.data.buffer).toBe(archive.buffer);
  });

  const valid = writeDataDirectoryArchive(ENTRIES);
  const badChecksum = Buffer.from(valid);
  badChecksum[0] ^= 1;
  test.each([
    ['text that is not an archive', Buffer.from('not a tar archive')],
    ['an empty file', Buffer.alloc(0)],
    ['an archive cut short inside a file', valid.subarray(0, 512 + 100)],
    ['an archive without its end marker', valid.subarray(0, valid.length - 1024)],
    ['a header whose checksum does not match', badChecksum],
  ])('GIVEN %s WHEN read THEN it is refused as damaged', (_name, archive) => {
    expect(() => readDataDirectoryArchive(archive)).toThrow(DamagedArchiveError);
  });
});
