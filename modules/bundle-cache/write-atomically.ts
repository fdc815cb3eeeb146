import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes `file` through a temporary file beside it and a rename, creating its directory: a parallel run
 * (another synth, another test worker) reads the old file or the new one, never half of one.
 */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}
