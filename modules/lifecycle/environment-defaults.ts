/**
 * `lifecycle { prevent_destroy }` on data-holding resources (clusters, tables, caches and their keys)
 * in prod, so that a destroy plan there fails until someone lifts the flag on purpose.
 */
export function defaultPreventDestroy(environment: string): boolean {
  return environment === 'prod';
}
