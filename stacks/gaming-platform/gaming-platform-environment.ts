import { AuroraCapacity, AuroraGlobalDatabaseSettings } from '../../modules/aurora/aurora-settings';
import type { CacheReplicationGroupSettings } from '../../modules/cache/cache-settings';
import type { CacheNodeType } from '../../modules/cache/node-types';
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

/** The gaming platform's ElastiCache Redis (seed 002, "ElastiCache Redis"). */
export interface GamingPlatformCache extends CacheReplicationGroupSettings {
  /** Node type of every node (seed 002: cache.r7g.large, cache.r7g.xlarge in production). */
  readonly nodeType: CacheNodeType;
  /** Nodes: one primary plus 0-5 replicas (seed 002: 1 in dev, 3 in production). */
  readonly nodeCount: number;
  /** Days of automatic snapshots, 0-35 (0 turns them off). */
  readonly snapshotRetentionDays: number;
  /**
   * A Global Datastore with a read-only member in secondaryRegion, for cross-Region recovery (seed 004).
   * @default - none
   */
  readonly globalDatastore?: {
    /**
     * Nodes of the member, 1-6.
     * @default - nodeCount
     */
    readonly nodeCount?: number;
  };
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
  /**
   * The ElastiCache Redis replication group in primaryRegion (cluster mode disabled). Every setting and its
   * default: docs/cache.md.
   */
  readonly cache: GamingPlatformCache;
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
