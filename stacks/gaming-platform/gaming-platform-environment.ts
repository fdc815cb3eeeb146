import { AuroraCapacity, AuroraGlobalDatabaseSettings } from '../../modules/aurora/aurora-settings';
import { EnvironmentConfig } from '../common/environment';

/** The gaming platform's Aurora Global Database (seed 002, "Aurora Global Database"). */
export interface GamingPlatformAurora extends AuroraGlobalDatabaseSettings {
  /** The primary Region's cluster: one writer plus readers (1-16 instances). */
  readonly primary: AuroraCapacity;
  /**
   * The secondary Region's cluster (0-16 instances, all readers; 0 keeps it headless). Ignored without secondaryRegion.
   * @default - none
   */
  readonly secondary?: AuroraCapacity;
  /** The master password's version: bump it to rotate the password (docs/aurora.md). */
  readonly masterPasswordVersion: number;
}

/** Capacity bounds of a PROVISIONED DynamoDB throughput dimension, driven by target-tracking autoscaling. */
export interface CapacityRange {
  /** The floor autoscaling never goes below. */
  readonly min: number;
  /** The ceiling autoscaling never goes above. */
  readonly max: number;
}

/** DynamoDB capacity: on demand, or provisioned with autoscaling between bounds. */
export type DynamoDbBilling =
  | { readonly mode: 'PAY_PER_REQUEST' }
  | { readonly mode: 'PROVISIONED'; readonly readCapacity: CapacityRange; readonly writeCapacity: CapacityRange };

/** The gaming platform's sizing in one environment (seed 002's Inputs and its per-environment blocks). */
export interface GamingPlatformEnvironment extends EnvironmentConfig {
  /**
   * The Aurora PostgreSQL Global Database: a cluster in primaryRegion, and one in secondaryRegion when the
   * environment has one. Every setting and its default: docs/aurora.md.
   */
  readonly aurora: GamingPlatformAurora;
  readonly dynamodb: {
    /** Capacity mode of every table and index. */
    readonly billing: DynamoDbBilling;
  };
  readonly cache: {
    /** ElastiCache node type. */
    readonly nodeType: string;
    /** Nodes of the Redis replication group: one primary plus replicas. */
    readonly nodeCount: number;
    /** Days of automatic snapshots (0 turns them off). */
    readonly snapshotRetentionDays: number;
  };
  readonly dax: {
    /** DAX node type. */
    readonly nodeType: string;
    /** DAX nodes (1 is not fault-tolerant). */
    readonly replicationFactor: number;
  };
}
