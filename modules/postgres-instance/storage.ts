import { describeValue, integerInRange, ValidationRule } from '../validation';

/** gp3 storage of an RDS for PostgreSQL instance. */
export interface PostgresStorage {
  /** Allocated gp3 storage in GiB, 20-65536. */
  readonly allocatedGib: number;
  /**
   * The ceiling of storage autoscaling in GiB (`max_allocated_storage`), at least `allocatedGib`.
   * @default - no storage autoscaling
   */
  readonly maxAllocatedGib?: number;
  /**
   * Provisioned IOPS, 12000-64000; only from 400 GiB (below it gp3 has a fixed baseline).
   * @default - the gp3 baseline: 3000 below 400 GiB, 12000 from 400 GiB
   */
  readonly iops?: number;
  /**
   * Provisioned throughput in MiB/s, 500-4000; only from 400 GiB.
   * @default - the gp3 baseline: 125 MiB/s below 400 GiB, 500 MiB/s from 400 GiB
   */
  readonly throughputMiBps?: number;
}

/** The storage type every instance gets. */
export const POSTGRES_STORAGE_TYPE = 'gp3';

/** RDS for PostgreSQL gp3 volumes: 20 GiB to 64 TiB. */
export const MIN_STORAGE_GIB = 20;
export const MAX_STORAGE_GIB = 65536;

/**
 * From this size RDS stripes gp3 over several volumes: the baseline rises to 12000 IOPS and 500 MiB/s and
 * IOPS and throughput may be provisioned; below it they are fixed at 3000 IOPS and 125 MiB/s.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage
 */
export const GP3_PROVISIONING_THRESHOLD_GIB = 400;
export const GP3_IOPS_RANGE = { min: 12000, max: 64000 } as const;
export const GP3_THROUGHPUT_RANGE_MIBPS = { min: 500, max: 4000 } as const;

/** The checks of an instance's storage, under `<setting>.storage`. */
export function postgresStorageRules(setting: string, storage: PostgresStorage | undefined): ValidationRule[] {
  if (storage === undefined || typeof storage !== 'object') {
    return [{ condition: false, message: `${setting} must be set ({ allocatedGib: ${MIN_STORAGE_GIB}-${MAX_STORAGE_GIB} }), got ${describeValue(storage)}` }];
  }
  const rules: ValidationRule[] = [integerInRange(`${setting}.allocatedGib`, storage.allocatedGib, MIN_STORAGE_GIB, MAX_STORAGE_GIB)];
  if (storage.maxAllocatedGib !== undefined) {
    rules.push(
      integerInRange(`${setting}.maxAllocatedGib`, storage.maxAllocatedGib, MIN_STORAGE_GIB, MAX_STORAGE_GIB),
      {
        condition: !(storage.maxAllocatedGib < storage.allocatedGib),
        message: `${setting}.maxAllocatedGib must be at least ${setting}.allocatedGib (${storage.allocatedGib}) for storage autoscaling, got ${describeValue(storage.maxAllocatedGib)}`,
      },
    );
  }
  const provisionable = storage.allocatedGib >= GP3_PROVISIONING_THRESHOLD_GIB;
  const provisioned = (name: 'iops' | 'throughputMiBps', range: { min: number; max: number }, baseline: string) => {
    const value = storage[name];
    if (value === undefined) return [];
    return provisionable
      ? [integerInRange(`${setting}.${name}`, value, range.min, range.max)]
      : [
          {
            condition: false,
            message: `${setting}.${name} must be left out below ${GP3_PROVISIONING_THRESHOLD_GIB} GiB of gp3 storage (the baseline is a fixed ${baseline}; ${setting}.allocatedGib is ${describeValue(storage.allocatedGib)}), got ${describeValue(value)}`,
          },
        ];
  };
  rules.push(...provisioned('iops', GP3_IOPS_RANGE, '3000 IOPS'), ...provisioned('throughputMiBps', GP3_THROUGHPUT_RANGE_MIBPS, '125 MiB/s'));
  return rules;
}
