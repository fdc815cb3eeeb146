import type { DaxSizing } from '../../modules/dax/dax-cluster';
import type { CapacityRange, DynamoDbBilling } from '../../modules/dynamodb/table-billing';
import { EnvironmentConfig } from '../common/environment';

export type { CapacityRange, DynamoDbBilling };

/** The gaming platform's sizing in one environment (seed 002's Inputs and its per-environment blocks). */
export interface GamingPlatformEnvironment extends EnvironmentConfig {
  readonly aurora: {
    /** Instances of the primary cluster: one writer plus readers. */
    readonly primaryInstanceCount: number;
    /** Instance class of the primary cluster. */
    readonly primaryInstanceClass: string;
    /** Instances of the secondary cluster; 0 keeps it headless (storage only). Ignored without a secondary Region. */
    readonly secondaryInstanceCount: number;
    /** Instance class of the secondary cluster. */
    readonly secondaryInstanceClass: string;
    /** Days of automated backups (point-in-time restore window). */
    readonly backupRetentionDays: number;
    /** Performance Insights; its retention must be 7, 731, or a multiple of 31 days. */
    readonly performanceInsights: { readonly enabled: false } | { readonly enabled: true; readonly retentionDays: number };
  };
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
