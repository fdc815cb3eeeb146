// Each module's defaults live in one table in code; its guide quotes that table under a marker
// `<!-- defaults: NAME -->`. This test renders every table from the code and compares it with the guide's,
// row by row, so a default changed in one place and not the other fails here.
import * as fs from 'fs';
import * as path from 'path';
import { AURORA_DEFAULTS, AURORA_READER_AUTOSCALING_DEFAULTS, AuroraPostgresEngineVersion } from '../../modules/aurora';
import { CACHE_DEFAULTS, CACHE_USER_DEFAULTS, CacheEngineVersion, SERVERLESS_CACHE_DEFAULTS } from '../../modules/cache';
import { DAX_DEFAULTS } from '../../modules/dax';
import { GLOBAL_TABLE_DEFAULTS } from '../../modules/dynamodb';
import { MIGRATION_FUNCTION_DEFAULTS } from '../../modules/migrations';
import { ENVIRONMENT_POLICY_DEFAULTS } from '../../stacks/common/environment-policy';

const ROOT = path.resolve(__dirname, '..', '..');

/** The name a class constant goes by (`AuroraPostgresEngineVersion.V16_8`), found on its class. */
function constantName(value: object): string | undefined {
  const owner = value.constructor as unknown as Record<string, unknown>;
  const name = Object.getOwnPropertyNames(owner).find((key) => owner[key] === value);
  return name === undefined ? undefined : `${value.constructor.name}.${name}`;
}

/** A default as the guides write it: strings bare, objects and arrays in TypeScript's notation. */
export function renderDefault(value: unknown, nested = false): string {
  if (typeof value === 'string') return nested ? `'${value}'` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => renderDefault(item, true)).join(', ')}]`;
  if (value instanceof AuroraPostgresEngineVersion || value instanceof CacheEngineVersion) return constantName(value) ?? String(value);
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${renderDefault(item, true)}`).join(', ')} }`;
  }
  throw new Error(`no rendering for ${String(value)}`);
}

/** The rows (cells without the backticks around them) of the table following `<!-- defaults: name -->` in a guide. */
export function quotedTable(guide: string, name: string): string[][] {
  const text = fs.readFileSync(path.join(ROOT, guide), 'utf8');
  const marker = text.indexOf(`<!-- defaults: ${name} -->`);
  if (marker < 0) throw new Error(`${guide} has no <!-- defaults: ${name} --> table`);
  const lines = text.slice(marker).split('\n').slice(1);
  const table = lines.slice(0, lines.findIndex((line, index) => index > 0 && !line.startsWith('|')));
  return table.slice(2).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/^`(.*)`$/, '$1')));
}

const MODULE_TABLES: [string, string, Readonly<Record<string, unknown>>][] = [
  ['docs/aurora.md', 'AURORA_DEFAULTS', AURORA_DEFAULTS],
  ['docs/aurora.md', 'AURORA_READER_AUTOSCALING_DEFAULTS', AURORA_READER_AUTOSCALING_DEFAULTS],
  ['docs/cache.md', 'CACHE_DEFAULTS', CACHE_DEFAULTS],
  ['docs/cache.md', 'SERVERLESS_CACHE_DEFAULTS', SERVERLESS_CACHE_DEFAULTS],
  ['docs/cache.md', 'CACHE_USER_DEFAULTS', CACHE_USER_DEFAULTS],
  ['docs/dynamodb.md', 'GLOBAL_TABLE_DEFAULTS', GLOBAL_TABLE_DEFAULTS],
  ['docs/dynamodb.md', 'DAX_DEFAULTS', DAX_DEFAULTS],
  ['docs/migrations.md', 'MIGRATION_FUNCTION_DEFAULTS', MIGRATION_FUNCTION_DEFAULTS],
];

describe('the guides quote each module\'s defaults table exactly', () => {
  test.each(MODULE_TABLES)('GIVEN %s WHEN its %s table is compared with the code THEN every row matches', (guide, name, defaults) => {
    const expected = Object.entries(defaults).map(([key, value]) => [key, renderDefault(value)]);
    expect(quotedTable(guide, name)).toEqual(expected);
  });

  test('GIVEN docs/systems.md WHEN its environment policy table is compared with the code THEN every setting of every environment matches', () => {
    const names = ['dev', 'staging', 'prod'] as const;
    const settings = Object.keys(ENVIRONMENT_POLICY_DEFAULTS.dev) as (keyof typeof ENVIRONMENT_POLICY_DEFAULTS.dev)[];
    const expected = settings.map((setting) => [setting, ...names.map((name) => renderDefault(ENVIRONMENT_POLICY_DEFAULTS[name][setting]))]);
    expect(quotedTable('docs/systems.md', 'ENVIRONMENT_POLICY_DEFAULTS')).toEqual(expected);
  });

  test.each([
    ['a version constant', AuroraPostgresEngineVersion.V16_8, 'AuroraPostgresEngineVersion.V16_8'],
    ['an object', { enabled: true, retentionDays: 7 }, '{ enabled: true, retentionDays: 7 }'],
    ['a list', ['GetItem', 'Query'], "['GetItem', 'Query']"],
    ['a string', 'sun:04:00-sun:05:00', 'sun:04:00-sun:05:00'],
  ])('GIVEN %s WHEN rendered THEN it reads as the guides write it (the comparison can fail)', (_case, value, rendered) => {
    expect(renderDefault(value)).toBe(rendered);
  });
});
