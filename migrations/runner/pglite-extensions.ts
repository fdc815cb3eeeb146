import type { Extension } from '@electric-sql/pglite';
import { MigrationError } from './migration-error';

/**
 * PGlite starts with no extension but plpgsql: each one is a WebAssembly module passed to
 * `new PGlite({ extensions })`. These are the ones it can provide, by their SQL name, with the npm module
 * and export that hold each: the contrib modules of @electric-sql/pglite 0.5.14, and pgvector from
 * @electric-sql/pglite-pgvector (which requires exactly that PGlite version). Each is loaded only when a
 * system declares it, so a system that needs none starts PGlite as fast as before.
 */
const PGLITE_EXTENSIONS: Readonly<Record<string, { readonly module: string; readonly exportName: string; readonly requires?: readonly string[] }>> = {
  vector: { module: '@electric-sql/pglite-pgvector', exportName: 'vector' },
  'uuid-ossp': { module: '@electric-sql/pglite/contrib/uuid_ossp', exportName: 'uuid_ossp' },
  earthdistance: { module: '@electric-sql/pglite/contrib/earthdistance', exportName: 'earthdistance', requires: ['cube'] },
  ...Object.fromEntries(
    [
      'amcheck', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn', 'file_fdw', 'fuzzystrmatch',
      'hstore', 'intarray', 'isn', 'lo', 'ltree', 'moddatetime', 'pageinspect', 'pg_buffercache', 'pg_freespacemap',
      'pg_stat_statements', 'pg_surgery', 'pg_trgm', 'pg_visibility', 'pg_walinspect', 'pgcrypto', 'seg', 'tablefunc', 'tcn',
      'tsm_system_rows', 'tsm_system_time', 'unaccent',
    ].map((name) => [name, { module: `@electric-sql/pglite/contrib/${name}`, exportName: name }]),
  ),
};

/** The extensions the embedded database can provide, by SQL name, sorted. */
export const PGLITE_EXTENSION_NAMES: readonly string[] = Object.keys(PGLITE_EXTENSIONS).sort();

/**
 * The `extensions` option of `new PGlite()` for the given SQL extension names (and what they depend on).
 * An extension PGlite cannot provide is an error naming it and the ones it can.
 */
export function pgliteExtensions(system: string, names: readonly string[]): Record<string, Extension> {
  const missing = names.filter((name) => PGLITE_EXTENSIONS[name] === undefined);
  if (missing.length > 0) {
    throw new MigrationError(
      `${system} needs extension ${missing.join(', ')}, which the embedded database (PGlite) cannot provide (it offers: ${PGLITE_EXTENSION_NAMES.join(', ')}); run against a server that has it with --database-url`,
    );
  }
  const wanted = new Set(names.flatMap((name) => [name, ...(PGLITE_EXTENSIONS[name].requires ?? [])]));
  const extensions: Record<string, Extension> = {};
  for (const name of wanted) {
    const { module, exportName } = PGLITE_EXTENSIONS[name];
    // Required here, not imported at the top: each module is a few MB of WebAssembly read only when needed.
    extensions[exportName] = (require(module) as Record<string, Extension>)[exportName];
  }
  return extensions;
}
