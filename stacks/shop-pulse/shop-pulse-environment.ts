import type { EnvironmentConfig } from '../common/environment';
import type { MigrationsConfig } from '../components/migrations-on-deploy';
import type { PostgresInstanceConfig } from '../components/postgres-instance';
import type { RdsProxyConfig } from '../components/rds-proxy';

/** Shop Pulse's configuration in one environment: its created VPC (under `network`), the instance, the proxy, the migrations. */
export interface ShopPulseEnvironment extends EnvironmentConfig {
  /** The RDS for PostgreSQL instance in primaryRegion. Every setting and its default: docs/postgres-instance.md. */
  readonly postgres: PostgresInstanceConfig;
  /** RDS Proxy in front of the instance. Every setting and its default: docs/rds-proxy.md. */
  readonly proxy: RdsProxyConfig;
  /**
   * The PostgreSQL migrations (docs/migrations.md); `seedData` loads the development tenants and is refused
   * in production.
   * @default { onDeploy: true }
   */
  readonly migrations?: MigrationsConfig;
}
