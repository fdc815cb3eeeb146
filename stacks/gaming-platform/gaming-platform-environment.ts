import { EnvironmentConfig } from '../common/environment';

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
  /**
   * The PostgreSQL migrations (docs/migrations.md).
   * @default - { onDeploy: true }
   */
  readonly migrations?: {
    /** Run migrations/gaming-platform on the primary cluster's writer at every deploy that changes them. */
    readonly onDeploy: boolean;
  };
}
