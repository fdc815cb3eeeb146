import { postgresMaxConnections } from '../rds';

/**
 * The DB instance classes RDS for PostgreSQL runs on, with their memory, so that alarm thresholds relative to
 * the class (connections, freeable memory) and parameter checks can be computed at synthesis.
 *
 * A closed list: a typo (`db.r6g.larg`) fails validation instead of at apply time. Add a class here when
 * AWS adds one.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html
 */

/** Memory (GiB) of the memory-optimized (r) sizes; general-purpose (m) sizes have half. */
const R_SIZES_GIB: Record<string, number> = {
  large: 16, xlarge: 32, '2xlarge': 64, '4xlarge': 128, '8xlarge': 256, '12xlarge': 384, '16xlarge': 512, '24xlarge': 768, '32xlarge': 1024,
};

/** Memory (GiB) of the burstable (t) sizes. */
const T_SIZES_GIB: Record<string, number> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, '2xlarge': 32 };

function family(prefix: string, sizes: Record<string, number>, names: readonly string[], memoryFactor = 1): Record<string, number> {
  return Object.fromEntries(names.map((size) => [`${prefix}.${size}`, sizes[size] * memoryFactor]));
}

const GRAVITON_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const INTEL_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'];
const T_SIZES = Object.keys(T_SIZES_GIB);

/** Memory (GiB) of each instance class DataStack accepts for RDS for PostgreSQL. */
export const POSTGRES_INSTANCE_CLASS_MEMORY_GIB: Readonly<Record<string, number>> = {
  ...family('db.t3', T_SIZES_GIB, T_SIZES),
  ...family('db.t4g', T_SIZES_GIB, T_SIZES),
  ...family('db.m5', R_SIZES_GIB, ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'], 0.5),
  ...family('db.m6g', R_SIZES_GIB, GRAVITON_SIZES, 0.5),
  ...family('db.m6i', R_SIZES_GIB, INTEL_SIZES, 0.5),
  ...family('db.m7g', R_SIZES_GIB, GRAVITON_SIZES, 0.5),
  ...family('db.r5', R_SIZES_GIB, ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge']),
  ...family('db.r6g', R_SIZES_GIB, GRAVITON_SIZES),
  ...family('db.r6i', R_SIZES_GIB, INTEL_SIZES),
  ...family('db.r7g', R_SIZES_GIB, GRAVITON_SIZES),
};

/** Every class the module accepts. */
export const POSTGRES_INSTANCE_CLASSES: readonly string[] = Object.keys(POSTGRES_INSTANCE_CLASS_MEMORY_GIB);

export function isKnownPostgresInstanceClass(instanceClass: string): boolean {
  return typeof instanceClass === 'string' && Object.prototype.hasOwnProperty.call(POSTGRES_INSTANCE_CLASS_MEMORY_GIB, instanceClass);
}

/** Burstable classes: fine for development, not for production load. */
export function isBurstablePostgresInstanceClass(instanceClass: string): boolean {
  return /^db\.t\d/.test(instanceClass);
}

/** Memory (GiB) of a class. */
export function postgresInstanceMemoryGib(instanceClass: string): number {
  const memory = POSTGRES_INSTANCE_CLASS_MEMORY_GIB[instanceClass];
  if (memory === undefined) throw new Error(`Unknown RDS for PostgreSQL instance class ${instanceClass}`);
  return memory;
}

/** RDS's default `max_connections` on a class: LEAST({DBInstanceClassMemory/9531392}, 5000). */
export function postgresInstanceMaxConnections(instanceClass: string): number {
  return postgresMaxConnections(postgresInstanceMemoryGib(instanceClass));
}
