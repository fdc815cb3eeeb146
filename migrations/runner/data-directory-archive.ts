/**
 * A PostgreSQL data directory as a list of entries, kept as a POSIX ustar archive (what `tar tf` reads).
 * Reading returns each file's bytes as a view into the archive's buffer, not a copy: the embedded database
 * takes those views as its files (pglite-memory-data-directory.ts), so the archive is read into memory once.
 */
export interface DataDirectoryEntry {
  /** Relative to the data directory, `/`-separated, no leading `./`: `base/5/1255`, `pg_wal`. */
  readonly path: string;
  readonly kind: 'file' | 'directory';
  /** Permission bits, e.g. 0o600. */
  readonly mode: number;
  /** Modification time, whole seconds since the epoch. */
  readonly modifiedSeconds: number;
  /** A file's bytes; empty for a directory. */
  readonly data: Uint8Array;
}

/** The archive is not one this module wrote (truncated, overwritten, another format). */
export class DamagedArchiveError extends Error {}

const BLOCK = 512;
const FIELD = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  checksum: [148, 8],
  type: [156, 1],
  magic: [257, 6],
  version: [263, 2],
  prefix: [345, 155],
} as const;
const FILE_TYPE = '0';
const DIRECTORY_TYPE = '5';

function writeString(header: Buffer, [offset, length]: readonly [number, number], value: string): void {
  if (Buffer.byteLength(value) > length) throw new Error(`tar header field too long: ${value}`);
  header.write(value, offset, length, 'utf8');
}

function writeOctal(header: Buffer, [offset, length]: readonly [number, number], value: number): void {
  // Zero-padded octal digits and a NUL, as ustar specifies.
  writeString(header, [offset, length], `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) {
    const inChecksumField = index >= FIELD.checksum[0] && index < FIELD.checksum[0] + FIELD.checksum[1];
    sum += inChecksumField ? 0x20 : header[index];
  }
  return sum;
}

/** The entries as a ustar archive: a header block per entry, the file's bytes padded to 512, two zero blocks. */
export function writeDataDirectoryArchive(entries: readonly DataDirectoryEntry[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const header = Buffer.alloc(BLOCK);
    const name = entry.kind === 'directory' ? `${entry.path}/` : entry.path;
    const slash = name.length > 100 ? name.lastIndexOf('/', name.length - 2) : -1;
    writeString(header, FIELD.name, slash < 0 ? name : name.slice(slash + 1));
    if (slash >= 0) writeString(header, FIELD.prefix, name.slice(0, slash));
    writeOctal(header, FIELD.mode, entry.mode & 0o7777);
    writeOctal(header, FIELD.uid, 0);
    writeOctal(header, FIELD.gid, 0);
    writeOctal(header, FIELD.size, entry.kind === 'file' ? entry.data.byteLength : 0);
    writeOctal(header, FIELD.mtime, entry.modifiedSeconds);
    writeString(header, FIELD.type, entry.kind === 'file' ? FILE_TYPE : DIRECTORY_TYPE);
    writeString(header, FIELD.magic, 'ustar\0');
    writeString(header, FIELD.version, '00');
    writeOctal(header, FIELD.checksum, checksum(header));
    parts.push(header);
    if (entry.kind === 'file' && entry.data.byteLength > 0) {
      parts.push(entry.data);
      const padding = (BLOCK - (entry.data.byteLength % BLOCK)) % BLOCK;
      if (padding > 0) parts.push(Buffer.alloc(padding));
    }
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function readString(archive: Buffer, at: number, [offset, length]: readonly [number, number]): string {
  const text = archive.toString('utf8', at + offset, at + offset + length);
  const end = text.indexOf('\0');
  return end < 0 ? text : text.slice(0, end);
}

function readOctal(archive: Buffer, at: number, field: readonly [number, number]): number {
  const text = readString(archive, at, field).trim();
  if (!/^[0-7]+$/.test(text)) throw new DamagedArchiveError(`not an octal number in a tar header: ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

/**
 * The entries of an archive written by writeDataDirectoryArchive; file data are views into `archive`.
 * Anything else (a bad checksum, a truncated entry, a link, no end marker) is a DamagedArchiveError.
 */
export function readDataDirectoryArchive(archive: Buffer): DataDirectoryEntry[] {
  const entries: DataDirectoryEntry[] = [];
  let at = 0;
  for (;;) {
    if (at + BLOCK > archive.length) throw new DamagedArchiveError('the archive ends without its end marker');
    if (archive.subarray(at, at + BLOCK).every((byte) => byte === 0)) return entries;
    const header = archive.subarray(at, at + BLOCK);
    if (readString(archive, at, FIELD.magic) !== 'ustar' || readOctal(archive, at, FIELD.checksum) !== checksum(header)) {
      throw new DamagedArchiveError(`no valid tar header at byte ${at}`);
    }
    const type = readString(archive, at, FIELD.type);
    if (type !== FILE_TYPE && type !== DIRECTORY_TYPE) throw new DamagedArchiveError(`unexpected tar entry type ${JSON.stringify(type)}`);
    const prefix = readString(archive, at, FIELD.prefix);
    const name = (prefix === '' ? '' : `${prefix}/`) + readString(archive, at, FIELD.name);
    const size = readOctal(archive, at, FIELD.size);
    const dataStart = at + BLOCK;
    if (dataStart + size > archive.length) throw new DamagedArchiveError(`${name} is cut short`);
    entries.push({
      path: name.replace(/\/+$/, ''),
      kind: type === FILE_TYPE ? 'file' : 'directory',
      mode: readOctal(archive, at, FIELD.mode),
      modifiedSeconds: readOctal(archive, at, FIELD.mtime),
      data: archive.subarray(dataStart, dataStart + size),
    });
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
}
