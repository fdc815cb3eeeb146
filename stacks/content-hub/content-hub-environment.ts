import type { EnvironmentConfig } from '../common/environment';
import type { AuroraClusterConfig } from '../components/aurora-cluster';
import type { MigrationsConfig } from '../components/migrations-on-deploy';
import type { RdsProxyConfig } from '../components/rds-proxy';
import type { ServerlessCacheConfig } from '../components/serverless-cache';

/** The content hub's configuration in one environment: its VPC, database, proxy and cache. */
export interface ContentHubEnvironment extends EnvironmentConfig {
  /** The Aurora PostgreSQL Serverless v2 cluster with the RDS Data API (docs/aurora.md). */
  readonly aurora: AuroraClusterConfig;
  /**
   * RDS Proxy in front of the cluster (docs/rds-proxy.md).
   * @default - every setting at its default: TLS required, 1800 s idle client timeout
   */
  readonly proxy?: RdsProxyConfig;
  /** The Valkey serverless cache (docs/cache.md). */
  readonly cache: ServerlessCacheConfig;
  /**
   * The PostgreSQL migrations, pgvector included (docs/migrations.md).
   * @default { onDeploy: true }
   */
  readonly migrations?: MigrationsConfig;
}
