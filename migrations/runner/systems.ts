import * as fs from 'fs';
import * as path from 'path';
import { MigrationError } from './migration-error';

/** migrations/: one folder of SQL files per system, beside this runner's folder. */
export const MIGRATIONS_ROOT = path.resolve(__dirname, '..');

/** The systems with migrations: the folders of `root` that hold `.sql` files. */
export function listSystems(root: string = MIGRATIONS_ROOT): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.readdirSync(path.join(root, entry.name)).some((name) => name.endsWith('.sql')))
    .map((entry) => entry.name)
    .sort();
}

/** The folder of one system's migrations; an unknown system is an error naming the known ones. */
export function systemDirectory(system: string, root: string = MIGRATIONS_ROOT): string {
  const systems = listSystems(root);
  if (!systems.includes(system)) {
    throw new MigrationError(`unknown system ${JSON.stringify(system)}: migrations exist for ${systems.join(', ') || 'no system'}`);
  }
  return path.join(root, system);
}
