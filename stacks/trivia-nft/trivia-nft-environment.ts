import type { EnvironmentConfig } from '../common/environment';
import type { AuroraClusterConfig } from '../components/aurora-cluster';
import type { CacheReplicationGroupConfig } from '../components/cache-replication-group';
import type { MigrationsConfig } from '../components/migrations-on-deploy';
import type { RdsProxyConfig } from '../components/rds-proxy';

/** The trivia game's configuration in one environment: its Region, its created VPC and the size of every store. */
export interface TriviaNftEnvironment extends EnvironmentConfig {
  /**
   * The Aurora PostgreSQL cluster (Serverless v2) in primaryRegion. Every setting and its default: docs/aurora.md.
   */
  readonly aurora: AuroraClusterConfig;
  /**
   * RDS Proxy in front of the cluster (docs/rds-proxy.md).
   * @default - every setting at its default (RDS_PROXY_DEFAULTS)
   */
  readonly proxy?: RdsProxyConfig;
  /** The ElastiCache Redis replication group, cluster mode enabled, in primaryRegion (docs/cache.md). */
  readonly cache: CacheReplicationGroupConfig;
  /**
   * The PostgreSQL migrations (docs/migrations.md).
   * @default { onDeploy: true }
   */
  readonly migrations?: MigrationsConfig;
}
