/** RDS caps PostgreSQL's default max_connections at 5000 whatever the memory. */
export const MAX_CONNECTIONS_CAP = 5000;

/** The divisor of RDS's default: `max_connections = LEAST({DBInstanceClassMemory/9531392}, 5000)`. */
export const MAX_CONNECTIONS_MEMORY_DIVISOR = 9531392;

/**
 * The default `max_connections` RDS gives PostgreSQL (Aurora and RDS instances alike) on an instance with
 * `memoryGib` of memory, counted as AWS's own table does (GiB x 10^9 bytes).
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections
 */
export function postgresMaxConnections(memoryGib: number): number {
  return Math.min(Math.floor((memoryGib * 1e9) / MAX_CONNECTIONS_MEMORY_DIVISOR), MAX_CONNECTIONS_CAP);
}
