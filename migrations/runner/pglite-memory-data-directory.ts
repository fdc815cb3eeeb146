import { MemoryFS, PGlite } from '@electric-sql/pglite';
import { DataDirectoryEntry } from './data-directory-archive';

/** The part of Emscripten's file system API used here (PGlite's typings leave it untyped). */
interface EmscriptenFs {
  mkdirTree(path: string, mode?: number): void;
  writeFile(path: string, data: Uint8Array, options: { canOwn: boolean; mode?: number }): void;
  utime(path: string, accessed: number, modified: number): void;
  readdir(path: string): string[];
  stat(path: string): { mode: number; mtime: Date };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  readFile(path: string): Uint8Array;
}

/**
 * PGlite's in-memory file system, with the data directory written in before PostgreSQL starts (PGlite then
 * finds a database and starts it instead of running initdb), and read out again when the database is closed,
 * after PostgreSQL's shutdown checkpoint, when asked to. The files are handed over, not copied (Emscripten's `canOwn`): the
 * database works on the entries' bytes, so they must belong to this database alone.
 */
export class MemoryDataDirectory extends MemoryFS {
  /** The data directory as the closed database left it; set by close() when `readOnClose`. */
  closedDataDirectory?: DataDirectoryEntry[];

  constructor(
    private readonly initial: readonly DataDirectoryEntry[],
    private readonly readOnClose = false,
  ) {
    super();
  }

  private get fileSystem(): EmscriptenFs {
    return (this.pg as PGlite).Module.FS as unknown as EmscriptenFs;
  }

  /** Called by PGlite once its file system exists, before it looks for a database. */
  override async initialSyncFs(): Promise<void> {
    const fs = this.fileSystem;
    const root = PGlite.paths.PGDATA;
    fs.mkdirTree(root, 0o700);
    for (const entry of this.initial) {
      const target = `${root}/${entry.path}`;
      if (entry.kind === 'directory') fs.mkdirTree(target, entry.mode);
      else fs.writeFile(target, entry.data, { canOwn: true, mode: entry.mode });
      fs.utime(target, entry.modifiedSeconds * 1000, entry.modifiedSeconds * 1000);
    }
  }

  /** Called by PGlite's close() after PostgreSQL shut down, before the file system is discarded. */
  override async closeFs(): Promise<void> {
    if (this.readOnClose) this.closedDataDirectory = readTree(this.fileSystem, PGlite.paths.PGDATA);
    await super.closeFs();
  }
}

function readTree(fs: EmscriptenFs, root: string): DataDirectoryEntry[] {
  const entries: DataDirectoryEntry[] = [];
  const visit = (relative: string) => {
    for (const name of fs.readdir(relative === '' ? root : `${root}/${relative}`).sort()) {
      if (name === '.' || name === '..') continue;
      const path = relative === '' ? name : `${relative}/${name}`;
      const stat = fs.stat(`${root}/${path}`);
      const common = { path, mode: stat.mode & 0o7777, modifiedSeconds: Math.floor(stat.mtime.getTime() / 1000) };
      if (fs.isDir(stat.mode)) {
        entries.push({ ...common, kind: 'directory', data: new Uint8Array(0) });
        visit(path);
      } else if (fs.isFile(stat.mode)) {
        entries.push({ ...common, kind: 'file', data: fs.readFile(`${root}/${path}`) });
      }
    }
  };
  visit('');
  return entries;
}
