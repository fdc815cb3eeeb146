import type { EnvironmentConfig } from '../common/environment';
import type { AuroraClusterConfig } from '../components/aurora-cluster';
import type { AuroraGlobalDatabaseConfig } from '../components/aurora-global-database';
import type { BackupConfig } from '../components/aws-backup';
import type { CacheReplicationGroupConfig } from '../components/cache-replication-group';
import type { DaxConfig } from '../components/dax';
import type { DynamoDbTablesConfig } from '../components/dynamodb-tables';
import type { MigrationsConfig } from '../components/migrations-on-deploy';
import type { RdsEventsConfig } from '../components/rds-event-subscriptions';

/** The gaming platform's configuration in one environment: its Regions, network and the size of every store. */
export interface GamingPlatformEnvironment extends EnvironmentConfig {
  /**
   * The Aurora PostgreSQL Global Database: a cluster in primaryRegion, and one in secondaryRegion when the
   * environment has one. Every setting and its default: docs/aurora.md.
   */
  readonly aurora: AuroraGlobalDatabaseConfig;
  /**
   * A restored Aurora cluster beside the Global Database, in primaryRegion: `restore` names the snapshot or the
   * point in time (docs/aurora.md, "Restores as code"). Its names use the component `aurora-restore`, its
   * outputs start with `restore_`.
   * @default - none
   */
  readonly auroraRestore?: AuroraClusterConfig;
  /** The DynamoDB tables (docs/dynamodb.md). */
  readonly dynamodb: DynamoDbTablesConfig;
  /** The ElastiCache Redis replication group in primaryRegion. Every setting and its default: docs/cache.md. */
  readonly cache: CacheReplicationGroupConfig;
  /** The DAX cluster in the primary Region (docs/dynamodb.md). */
  readonly dax: DaxConfig;
  /**
   * The PostgreSQL migrations (docs/migrations.md).
   * @default { onDeploy: true }
   */
  readonly migrations?: MigrationsConfig;
  /**
   * AWS Backup of the DynamoDB tables and the Aurora primary cluster, copied to the secondary Region
   * (docs/backup.md).
   * @default - none
   */
  readonly backup?: BackupConfig;
  /**
   * RDS event subscriptions of the Global Database's member clusters, to each Region's critical and warning
   * topics (docs/events.md).
   * @default - none
   */
  readonly rdsEvents?: RdsEventsConfig;
}
