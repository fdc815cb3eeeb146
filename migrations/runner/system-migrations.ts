import * as fs from 'fs';
import * as path from 'path';
import { MigrationError } from './migration-error';
import { loadMigrationFiles, MigrationFile } from './migration-files';
import { checkExtensionDeclarations, extensionsCreatedBy, loadSystemManifest } from './system-manifest';

/** The folder of a system's development seed data, inside its migrations folder: `migrations/<system>/seed/`. */
export const SEED_FOLDER = 'seed';

/** Everything the runner applies for one system, read and checked before any connection is opened. */
export interface SystemMigrations {
  /** The system's name: its folder under migrations/. */
  readonly system: string;
  /** The migrations, in order. */
  readonly files: readonly MigrationFile[];
  /** The extensions the migrations create, as declared in `migrations.json` (checked against the SQL). */
  readonly extensions: readonly string[];
  /** The development seed data, in order: only when asked for (`seed: true`). */
  readonly seedFiles?: readonly MigrationFile[];
}

export interface LoadSystemOptions {
  /**
   * Also load the seed data in `seed/`; a system without seed files is then an error.
   * @default false
   */
  readonly seed?: boolean;
}

/** Whether the system's folder holds seed data (`seed/*.sql`). */
export function hasSeedData(directory: string): boolean {
  const seeds = path.join(directory, SEED_FOLDER);
  return fs.existsSync(seeds) && fs.readdirSync(seeds).some((name) => name.endsWith('.sql'));
}

/** Reads one system's migrations, its extension declaration and (when asked) its seed data, and checks that they agree. */
export function loadSystemMigrations(directory: string, options: LoadSystemOptions = {}): SystemMigrations {
  const system = path.basename(directory);
  const files = loadMigrationFiles(directory);
  const manifest = loadSystemManifest(directory);
  checkExtensionDeclarations(system, manifest, files);
  if (!options.seed) return { system, files, extensions: manifest.extensions };

  if (!hasSeedData(directory)) {
    throw new MigrationError(`${system} has no seed data: seed data is applied from ${system}/${SEED_FOLDER}/NNNN_name.sql, and there is none`);
  }
  const seedFiles = loadMigrationFiles(path.join(directory, SEED_FOLDER), 'seed file');
  // Seed data is data: what the schema needs belongs in the migrations, which every environment applies.
  for (const [name, creators] of extensionsCreatedBy(seedFiles)) {
    throw new MigrationError(`seed file ${creators[0]} creates extension ${name}: create extensions in a migration, not in seed data`);
  }
  return { system, files, extensions: manifest.extensions, seedFiles };
}
