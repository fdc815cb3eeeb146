// Reading argument values as Terraform would: booleans and numbers may be synthesized as strings,
// and any string holding `${...}` is an expression whose value is known only at plan time.

/** True when the value holds a Terraform expression (`${...}`) anywhere. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** `true` or `"true"`; an expression is not known to be true. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** `false` or `"false"`. */
export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** A number written as a number or as a numeric string; undefined for anything else. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !isExpression(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A literal string (not an expression); undefined otherwise. */
export function asLiteralString(value: unknown): string | undefined {
  return typeof value === 'string' && !isExpression(value) ? value : undefined;
}

/** A list of strings; a single string (an expression yielding a list, say) becomes a one-element list. */
export function asStringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** True when the argument is absent, null, an empty string or an empty list. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Calls `visit` for every leaf value under `value`, with the argument path that leads to it
 * (`environment.variables.DB_HOST`). The path array is reused between calls: copy it to keep it.
 */
export function walkArguments(value: unknown, visit: (path: readonly string[], leaf: unknown) => void, path: string[] = []): void {
  if (Array.isArray(value)) {
    for (const item of value) walkArguments(item, visit, path);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (key === '//') continue;
      path.push(key);
      walkArguments((value as Record<string, unknown>)[key], visit, path);
      path.pop();
    }
  } else {
    visit(path, value);
  }
}
