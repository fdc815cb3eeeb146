import { AuroraCapacity, AuroraGlobalDatabaseSettings } from '../../modules/aurora/aurora-settings';
import type { DaxSizing } from '../../modules/dax/dax-cluster';
import type { CapacityRange, DynamoDbBilling } from '../../modules/dynamodb/table-billing';
import { EnvironmentConfig } from '../common/environment';

export type { CapacityRange, DynamoDbBilling };

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

/** The gaming platform's sizing in one environment (seed 002's Inputs and its per-environment blocks). */
export interface GamingPlatformEnvironment extends EnvironmentConfig {
  /**
   * The Aurora PostgreSQL Global Database: a cluster in primaryRegion, and one in secondaryRegion when the
   * environment has one. Every setting and its default: docs/aurora.md.
   */
  readonly aurora: GamingPlatformAurora;
  readonly dynamodb: {
    /** Capacity mode of every table and index (PROVISIONED adds target-tracking autoscaling). */
    readonly billing: DynamoDbBilling;
    /**
     * `deletion_protection_enabled` on every table and replica.
     * @default true
     */
    readonly deletionProtection?: boolean;
  };
  readonly cache: {
    /** ElastiCache node type. */
    readonly nodeType: string;
    /** Nodes of the Redis replication group: one primary plus replicas. */
    readonly nodeCount: number;
    /** Days of automatic snapshots (0 turns them off). */
    readonly snapshotRetentionDays: number;
  };
  /** The DAX cluster in the primary Region: node type, nodes (below 3 is not fault-tolerant), cache TTLs. */
  readonly dax: DaxSizing;
  /**
   * The PostgreSQL migrations (docs/migrations.md).
   * @default - { onDeploy: true }
   */
  readonly migrations?: {
    /** Run migrations/gaming-platform on the primary cluster's writer at every deploy that changes them. */
    readonly onDeploy: boolean;
  };
}
