import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { MigrationError } from './migration-error';

/** One forward-only SQL file: `0001_users.sql` is version 1, named `users`. */
export interface MigrationFile {
  /** The sequence number from the file name's four leading digits. */
  readonly version: number;
  /** The file name, e.g. `0001_users.sql`; recorded with the version when applied. */
  readonly fileName: string;
  /** The SQL, exactly as on disk. */
  readonly sql: string;
  /** SHA-256 of the file's bytes, hex; an applied file whose checksum changes is refused. */
  readonly checksum: string;
}

/** `NNNN_lower_snake_name.sql`, numbered from 0001 with no gaps. */
export const MIGRATION_FILE_NAME = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

// Each file runs inside the runner's transaction; one of these would end it half-way and break
// "a failed migration leaves no trace". (plpgsql's `BEGIN` opens a block, never followed by `;`.)
const TRANSACTION_CONTROL = /^\s*(BEGIN\s*;|BEGIN\s+(WORK|TRANSACTION)\b|START\s+TRANSACTION\b|COMMIT\b|ROLLBACK\b|SAVEPOINT\b)/im;
// These cannot run inside a transaction block at all.
const NOT_IN_TRANSACTION = /\b(CREATE|DROP|REINDEX)\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b|\bVACUUM\b|\bALTER\s+SYSTEM\b/i;

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What the files are called in messages: a system's migrations, or its development seed data. */
export type FileNoun = 'migration file' | 'seed file';

/**
 * Reads and checks every `.sql` file of one system's directory (or of its seed/ folder), in order.
 *
 * Everything here happens before any connection is opened, so a badly named or out-of-sequence
 * file stops the run having changed nothing.
 */
export function loadMigrationFiles(directory: string, noun: FileNoun = 'migration file'): MigrationFile[] {
  const names = fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
    .map((entry) => entry.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const fileName of names) {
    const match = MIGRATION_FILE_NAME.exec(fileName);
    if (match === null) {
      throw new MigrationError(
        `${noun} ${fileName} in ${directory} is misnamed: names must be NNNN_lower_snake_case.sql, e.g. 0005_add_friendships.sql`,
      );
    }
    const version = Number(match[1]);
    const expected = files.length + 1;
    if (version !== expected) {
      const previous = files.length === 0 ? 'it is the first file' : `it follows ${files[files.length - 1].fileName}`;
      throw new MigrationError(
        `${noun} ${fileName} is out of sequence: expected number ${String(expected).padStart(4, '0')} because ${previous} (numbers start at 0001 and have no gaps or duplicates)`,
      );
    }
    const bytes = fs.readFileSync(path.join(directory, fileName));
    const sql = bytes.toString('utf8');
    const control = TRANSACTION_CONTROL.exec(sql);
    if (control !== null) {
      throw new MigrationError(
        `${noun} ${fileName} contains the transaction statement "${control[1].trim()}": the runner wraps each file in its own transaction, so files must not begin or end one`,
      );
    }
    const outside = NOT_IN_TRANSACTION.exec(sql);
    if (outside !== null) {
      throw new MigrationError(
        `${noun} ${fileName} uses "${outside[0]}", which PostgreSQL cannot run inside a transaction; every migration runs in one (see docs/migrations.md)`,
      );
    }
    files.push({ version, fileName, sql, checksum: sha256(bytes) });
  }
  return files;
}

/**
 * One checksum over a system's whole migration set (names and contents, in order): it changes
 * exactly when a file is added, renamed or edited, so deploys re-run the migrations only then.
 */
export function migrationsChecksum(files: readonly MigrationFile[]): string {
  return sha256(files.map((file) => `${file.fileName}\0${file.checksum}\n`).join(''));
}
