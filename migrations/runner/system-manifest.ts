import * as fs from 'fs';
import * as path from 'path';
import { MigrationError } from './migration-error';
import { MigrationFile } from './migration-files';

/** The optional file beside a system's SQL files that declares what its migrations need from the server. */
export const MANIFEST_FILE_NAME = 'migrations.json';

/** What a system's migrations need from the database server, read from `migrations/<system>/migrations.json`. */
export interface SystemManifest {
  /**
   * The extensions the migrations create (`CREATE EXTENSION`), by their SQL names (`vector`, `uuid-ossp`).
   * Every one must be created by some migration, and every extension a migration creates must be listed.
   */
  readonly extensions: readonly string[];
}

/** Installed in every PostgreSQL database: creating it needs no declaration. */
export const BUILT_IN_EXTENSIONS: readonly string[] = ['plpgsql'];

const NO_MANIFEST: SystemManifest = { extensions: [] };
const MANIFEST_KEYS = ['extensions'];
// An extension's name as CREATE EXTENSION takes it: a plain identifier, or a quoted one such as "uuid-ossp".
const EXTENSION_NAME = /^[a-z0-9_][a-z0-9_-]{0,62}$/;

/**
 * Reads and validates a system's manifest; without the file the system needs nothing (no extensions).
 * Checked before any connection is opened, like the SQL files.
 */
export function loadSystemManifest(directory: string): SystemManifest {
  const file = path.join(directory, MANIFEST_FILE_NAME);
  if (!fs.existsSync(file)) return NO_MANIFEST;
  const where = `${path.basename(directory)}/${MANIFEST_FILE_NAME}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MigrationError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MigrationError(`${where} must be a JSON object such as {"extensions": ["vector"]}, got ${JSON.stringify(parsed)}`);
  }
  const unknown = Object.keys(parsed).filter((key) => !MANIFEST_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new MigrationError(`${where} has unknown key ${JSON.stringify(unknown[0])}: the keys accepted are ${MANIFEST_KEYS.join(', ')}`);
  }
  const extensions = (parsed as { extensions?: unknown }).extensions ?? [];
  if (!Array.isArray(extensions) || !extensions.every((name) => typeof name === 'string' && EXTENSION_NAME.test(name))) {
    throw new MigrationError(
      `${where}: extensions must be a list of extension names (lower case letters, digits, _ and -, e.g. ["vector", "uuid-ossp"]), got ${JSON.stringify(extensions)}`,
    );
  }
  const duplicate = extensions.find((name, index) => extensions.indexOf(name) !== index);
  if (duplicate !== undefined) throw new MigrationError(`${where}: extensions lists ${JSON.stringify(duplicate)} twice`);
  return { extensions: [...extensions].sort() };
}

/** The SQL without its comments, so that a commented-out statement is not taken for a real one. Strings and quoted names are kept. */
function withoutComments(sql: string): string {
  let out = '';
  for (let index = 0; index < sql.length; ) {
    const two = sql.slice(index, index + 2);
    if (two === '--') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end;
    } else if (two === '/*') {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 2;
      out += ' ';
    } else if (sql[index] === "'" || sql[index] === '"') {
      const quote = sql[index];
      let end = index + 1;
      while (end < sql.length && sql[end] !== quote) end++;
      out += sql.slice(index, end + 1);
      index = end + 1;
    } else {
      out += sql[index];
      index++;
    }
  }
  return out;
}

const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)/gi;

/** The extensions each file creates: extension name -> the files that create it. Unquoted names fold to lower case, as PostgreSQL does. */
export function extensionsCreatedBy(files: readonly MigrationFile[]): Map<string, string[]> {
  const created = new Map<string, string[]>();
  for (const file of files) {
    for (const match of withoutComments(file.sql).matchAll(CREATE_EXTENSION)) {
      const name = match[1].startsWith('"') ? match[1].slice(1, -1) : match[1].toLowerCase();
      const creators = created.get(name) ?? [];
      if (!creators.includes(file.fileName)) creators.push(file.fileName);
      created.set(name, creators);
    }
  }
  return created;
}

/**
 * The declaration and the SQL must agree: an extension created but not declared would be missed by the
 * server check and the embedded database, and one declared but never created is a stale requirement.
 */
export function checkExtensionDeclarations(system: string, manifest: SystemManifest, files: readonly MigrationFile[]): void {
  const created = extensionsCreatedBy(files);
  for (const [name, creators] of created) {
    if (!BUILT_IN_EXTENSIONS.includes(name) && !manifest.extensions.includes(name)) {
      throw new MigrationError(
        `${creators[0]} creates extension ${name}, which ${system}/${MANIFEST_FILE_NAME} does not declare: add it to "extensions" (declared: ${manifest.extensions.join(', ') || 'none'})`,
      );
    }
  }
  const stale = manifest.extensions.find((name) => !created.has(name));
  if (stale !== undefined) {
    throw new MigrationError(`${system}/${MANIFEST_FILE_NAME} declares extension ${stale}, but no migration creates it: remove it, or add the CREATE EXTENSION`);
  }
}
