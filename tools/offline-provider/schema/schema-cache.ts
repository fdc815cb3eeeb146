// Building the aws schema takes seconds and ~150 MB; it only changes with the bindings package, so it is
// built once per package version and kept under node_modules/.cache (gitignored, gone with `npm ci`).
import * as fs from 'fs';
import * as path from 'path';
import { writeAtomically } from '../../../modules/bundle-cache';
import { buildProviderSchema, packageVersion } from './build-schema';

/** Bump when the builder's output changes for the same package version. */
const SCHEMA_FORMAT = 1;

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE_DIRECTORY = path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'datastack-offline-provider');

export interface CachedSchema {
  /** Registry type: `aws`, `random`. */
  readonly name: string;
  /** The provider version the bindings pin (hashicorp/aws 6.25.0). */
  readonly version: string;
  readonly file: string;
}

/** The schema of the provider whose bindings are the npm package `packageName`, built if not cached. */
export function cachedSchema(packageName: string): CachedSchema {
  const packageDir = path.dirname(require.resolve(`${packageName}/package.json`, { paths: [REPOSITORY_ROOT] }));
  const key = `${packageName.replace(/[@/]/g, '_')}-${packageVersion(packageDir)}-format${SCHEMA_FORMAT}`;
  const file = path.join(CACHE_DIRECTORY, `${key}.json`);
  const meta = path.join(CACHE_DIRECTORY, `${key}.meta.json`);
  if (!fs.existsSync(file) || !fs.existsSync(meta)) {
    const schema = buildProviderSchema(packageDir);
    writeAtomically(file, JSON.stringify(schema));
    writeAtomically(meta, JSON.stringify({ name: schema.name, version: schema.version }));
  }
  const { name, version } = JSON.parse(fs.readFileSync(meta, 'utf8'));
  return { name, version, file };
}
