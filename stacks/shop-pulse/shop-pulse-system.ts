import { migrationsOnDeploy } from '../components/migrations-on-deploy';
import { postgresInstance } from '../components/postgres-instance';
import { rdsProxy } from '../components/rds-proxy';
import { defineSystem } from '../composition/define-system';
import { SHOP_PULSE_ENVIRONMENTS } from './environments';
import { ShopPulseEnvironment } from './shop-pulse-environment';

/**
 * Shop Pulse's database layer (docs/systems/shop-pulse.md): in a VPC the stack creates (its `network`
 * setting), an RDS for PostgreSQL instance in the data subnets, RDS Proxy in front of it for the Lambda
 * functions, and the multi-tenant schema applied on deploy. The outputs carry the names the application's
 * functions read (`database_proxy_endpoint`, `database_secret_arn`, ...).
 */
export function shopPulseSystem(environments: Readonly<Record<string, ShopPulseEnvironment>>) {
  return defineSystem<ShopPulseEnvironment>({
    name: 'shop-pulse',
    environments,
    components: shopPulseComponents,
  });
}

/** Shop Pulse with its shipped environments. */
export const SHOP_PULSE = shopPulseSystem(SHOP_PULSE_ENVIRONMENTS);

/** The components of one Shop Pulse environment, in build order. */
function shopPulseComponents(environment: ShopPulseEnvironment) {
  const postgres = postgresInstance(environment.postgres, {
    outputs: {
      postgres_endpoint: 'database_endpoint',
      postgres_port: 'database_port',
      postgres_database_name: 'database_name',
      postgres_credentials_secret_arn: 'database_secret_arn',
      postgres_security_group_id: 'database_security_group_id',
      postgres_instance_identifier: 'database_instance_identifier',
      // One instance and no replica: the reader endpoint would repeat database_endpoint.
      postgres_reader_endpoint: false,
      postgres_replica_endpoints: false,
    },
  });
  return [
    postgres,
    rdsProxy({
      database: postgres,
      config: environment.proxy,
      outputs: { rds_proxy_endpoint: 'database_proxy_endpoint', rds_proxy_arn: 'database_proxy_arn' },
    }),
    migrationsOnDeploy({ database: postgres, config: environment.migrations }),
  ];
}
