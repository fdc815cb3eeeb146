import { postgresMaxConnections } from '../rds';
import type { AuroraCapacity } from './aurora-settings';

/**
 * The DB instance classes Aurora PostgreSQL runs on, with their memory, so that alarm thresholds
 * relative to the class (connections, freeable memory) can be computed at synthesis.
 *
 * A closed list: a typo (`db.r6g.larg`) fails validation instead of at apply time. Add a class here
 * when AWS adds one.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html
 */
export const SERVERLESS_INSTANCE_CLASS = 'db.serverless';

const SIZES_GIB: Record<string, number> = {
  large: 16, xlarge: 32, '2xlarge': 64, '4xlarge': 128, '8xlarge': 256, '12xlarge': 384, '16xlarge': 512, '24xlarge': 768, '32xlarge': 1024,
};

function family(prefix: string, sizes: readonly string[], memoryFactor = 1): Record<string, number> {
  return Object.fromEntries(sizes.map((size) => [`${prefix}.${size}`, SIZES_GIB[size] * memoryFactor]));
}

/** Memory (GiB) of each provisioned instance class Aurora PostgreSQL supports. */
export const AURORA_INSTANCE_CLASS_MEMORY_GIB: Readonly<Record<string, number>> = {
  'db.t3.medium': 4,
  'db.t3.large': 8,
  'db.t4g.medium': 4,
  'db.t4g.large': 8,
  ...family('db.r5', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge']),
  ...family('db.r6g', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge']),
  ...family('db.r6i', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge']),
  ...family('db.r7g', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge']),
  ...family('db.r7i', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge']),
  ...family('db.r8g', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge']),
  // Memory-intensive x2g: 16 GiB per vCPU, twice the r classes.
  ...family('db.x2g', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'], 2),
};

/** Every class the module accepts, Serverless v2 included. */
export const AURORA_INSTANCE_CLASSES: readonly string[] = [SERVERLESS_INSTANCE_CLASS, ...Object.keys(AURORA_INSTANCE_CLASS_MEMORY_GIB)];

export function isKnownInstanceClass(instanceClass: string): boolean {
  return AURORA_INSTANCE_CLASSES.includes(instanceClass);
}

/** Burstable classes: fine for development, not for production load. */
export function isBurstableInstanceClass(instanceClass: string): boolean {
  return /^db\.t\d/.test(instanceClass);
}

/** A Serverless v2 ACU is 2 GiB of memory. */
export const GIB_PER_ACU = 2;

/**
 * Memory (GiB) an instance has at most: the class's memory, or for Serverless v2 its maximum capacity's.
 */
export function instanceMemoryGib(instanceClass: string, serverlessMaxCapacity?: number): number {
  if (instanceClass === SERVERLESS_INSTANCE_CLASS) {
    if (serverlessMaxCapacity === undefined) throw new Error('A db.serverless instance needs its maximum capacity');
    return serverlessMaxCapacity * GIB_PER_ACU;
  }
  const memory = AURORA_INSTANCE_CLASS_MEMORY_GIB[instanceClass];
  if (memory === undefined) throw new Error(`Unknown Aurora instance class ${instanceClass}`);
  return memory;
}

/**
 * The default `max_connections` of an Aurora PostgreSQL instance: LEAST({DBInstanceClassMemory/9531392}, 5000),
 * with memory counted as AWS's own table does (GiB x 10^9 bytes).
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Managing.html#AuroraPostgreSQL.Managing.MaxConnections
 */
export function defaultMaxConnections(instanceClass: string, serverlessMaxCapacity?: number): number {
  return postgresMaxConnections(instanceMemoryGib(instanceClass, serverlessMaxCapacity));
}

/** The class of each instance Terraform makes, 1 to instanceCount: its own setting, or the capacity's. */
export function auroraInstanceClasses(capacity: AuroraCapacity): string[] {
  const count = Number.isInteger(capacity.instanceCount) ? Math.max(0, capacity.instanceCount) : 0;
  return Array.from({ length: count }, (_unused, index) => capacity.instances?.[index]?.instanceClass ?? capacity.instanceClass);
}
