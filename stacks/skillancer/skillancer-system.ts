import { cacheReplicationGroup } from '../components/cache-replication-group';
import { migrationsOnDeploy } from '../components/migrations-on-deploy';
import { postgresInstance } from '../components/postgres-instance';
import { rdsEventSourcesOf, rdsEventSubscriptions } from '../components/rds-event-subscriptions';
import { defineSystem } from '../composition/define-system';
import { SKILLANCER_ENVIRONMENTS } from './environments';
import { SkillancerEnvironment } from './skillancer-environment';

/** The outputs under the names skillancer's applications and runbooks use (`rds_*` for the instance). */
const RDS_OUTPUT_NAMES = {
  postgres_endpoint: 'rds_endpoint',
  postgres_reader_endpoint: 'rds_reader_endpoint',
  postgres_port: 'rds_port',
  postgres_database_name: 'rds_database_name',
  postgres_credentials_secret_arn: 'rds_credentials_secret_arn',
  postgres_replica_endpoints: 'rds_replica_endpoints',
  postgres_security_group_id: 'rds_security_group_id',
  postgres_instance_identifier: 'rds_instance_identifier',
} as const;

/**
 * skillancer's database layer (docs/systems/skillancer.md): an RDS for PostgreSQL instance (Multi-AZ with a
 * read replica in prod) whose database roles are applied on deploy, RDS event subscriptions of the instance
 * and its replicas, and an ElastiCache Redis replication group with its event notifications, in an existing VPC.
 */
export function skillancerSystem(environments: Readonly<Record<string, SkillancerEnvironment>>) {
  return defineSystem<SkillancerEnvironment>({
    name: 'skillancer',
    environments,
    components(environment) {
      const postgres = postgresInstance(environment.postgres, { outputs: RDS_OUTPUT_NAMES });
      return [
        postgres,
        migrationsOnDeploy({ database: postgres, config: environment.migrations }),
        rdsEventSubscriptions({ sources: () => rdsEventSourcesOf.postgresInstance(postgres), config: environment.rdsEvents }),
        cacheReplicationGroup(environment.cache),
      ];
    },
  });
}

/** skillancer with its shipped environments. */
export const SKILLANCER = skillancerSystem(SKILLANCER_ENVIRONMENTS);
