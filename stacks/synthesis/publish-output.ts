import * as fs from 'fs';
import * as path from 'path';

// Entries replaced whole rather than merged: an asset directory holds only the current bundle.
const REPLACED_WHOLE = new Set(['assets']);

/**
 * Moves a finished synthesis from `staging` into `outdir`, file by file with rename, so `outdir` only
 * ever holds complete output. What Terraform keeps beside the JSON in a stack directory (.terraform,
 * lock files, local state) is left in place.
 */
export function publishOutput(staging: string, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  for (const entry of fs.readdirSync(staging, { withFileTypes: true })) {
    const from = path.join(staging, entry.name);
    const to = path.join(outdir, entry.name);
    if (entry.isDirectory() && !REPLACED_WHOLE.has(entry.name) && isDirectory(to)) {
      publishOutput(from, to);
      continue;
    }
    fs.rmSync(to, { recursive: true, force: true });
    fs.renameSync(from, to);
  }
}

function isDirectory(target: string): boolean {
  return fs.existsSync(target) && fs.statSync(target).isDirectory();
}
