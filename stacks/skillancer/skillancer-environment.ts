import type { EnvironmentConfig } from '../common/environment';
import type { CacheReplicationGroupConfig } from '../components/cache-replication-group';
import type { MigrationsConfig } from '../components/migrations-on-deploy';
import type { PostgresInstanceConfig } from '../components/postgres-instance';
import type { RdsEventsConfig } from '../components/rds-event-subscriptions';

/** skillancer's configuration in one environment: its Region, network, the PostgreSQL instance and the Redis group. */
export interface SkillancerEnvironment extends EnvironmentConfig {
  /** The RDS for PostgreSQL instance and its read replicas (docs/postgres-instance.md). */
  readonly postgres: PostgresInstanceConfig;
  /** The ElastiCache Redis replication group, cluster mode disabled (docs/cache.md). */
  readonly cache: CacheReplicationGroupConfig;
  /** RDS event subscriptions of the instance and its replicas (docs/events.md). */
  readonly rdsEvents: RdsEventsConfig;
  /**
   * The database roles migration (docs/migrations.md).
   * @default { onDeploy: true }
   */
  readonly migrations?: MigrationsConfig;
}
