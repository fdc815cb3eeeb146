/** DataStack's PostgreSQL parameters, for Aurora clusters and RDS instances alike; systems override or add to them. */
export const DEFAULT_POSTGRES_PARAMETERS: Readonly<Record<string, string>> = {
  // Refuse unencrypted connections.
  'rds.force_ssl': '1',
  // Per-statement statistics for Performance Insights and tuning.
  shared_preload_libraries: 'pg_stat_statements',
  // Log statements slower than one second (milliseconds).
  log_min_duration_statement: '1000',
};

/** Parameters PostgreSQL reads only at start: RDS refuses `immediate` for them. */
export const STATIC_POSTGRES_PARAMETERS: ReadonlySet<string> = new Set([
  'shared_preload_libraries', 'max_connections', 'max_worker_processes', 'max_locks_per_transaction',
  'max_prepared_transactions', 'rds.logical_replication', 'track_activity_query_size', 'shared_buffers', 'wal_buffers',
]);

/** `parameter` blocks of a parameter group, sorted by name, each applied as PostgreSQL allows. */
export function parameterBlocks(values: Readonly<Record<string, string>>): { name: string; value: string; applyMethod: string }[] {
  return Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value, applyMethod: STATIC_POSTGRES_PARAMETERS.has(name) ? 'pending-reboot' : 'immediate' }));
}
