import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The rows of a guide's "Every option and its default" table: option (the first cell's code) -> default cell.
 */
export function documentedDefaults(guide: string): Map<string, string> {
  const text = fs.readFileSync(path.join(ROOT, guide), 'utf8');
  const section = text.slice(text.indexOf('## Every option and its default'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| option |')) + 1 || undefined);
  const rows = new Map<string, string>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const option = /^`([^`]+)`/.exec(cells[1] ?? '')?.[1];
    if (option !== undefined) rows.set(option, cells[2]);
  }
  return rows;
}

/** A default as the guides write it: `24`, `true`, `'all'`, `['s3', 'dynamodb']`. */
export function asDocumented(value: unknown): string {
  if (typeof value === 'string') return `\`'${value}'\``;
  if (Array.isArray(value)) return `\`[${value.map((item) => `'${item}'`).join(', ')}]\``;
  return `\`${String(value)}\``;
}

/** `{ a: 1, b: { c: 2 } }` -> [['a', 1], ['b.c', 2]]. */
export function flattened(object: object, prefix = ''): [string, unknown][] {
  return Object.entries(object).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? flattened(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}
