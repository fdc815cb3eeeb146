import { auroraCluster } from '../components/aurora-cluster';
import { auroraGlobalDatabase } from '../components/aurora-global-database';
import { awsBackup, backupResourcesOf } from '../components/aws-backup';
import { cacheReplicationGroup } from '../components/cache-replication-group';
import { daxCluster } from '../components/dax';
import { dynamoDbTables } from '../components/dynamodb-tables';
import { migrationsOnDeploy } from '../components/migrations-on-deploy';
import { rdsEventSourcesOf, rdsEventSubscriptions } from '../components/rds-event-subscriptions';
import { defineSystem } from '../composition/define-system';
import { GAMING_PLATFORM_TABLES } from './dynamodb-tables';
import { GAMING_PLATFORM_ENVIRONMENTS } from './environments';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

/**
 * The gaming platform's database layer (docs/systems/gaming-platform.md): an Aurora PostgreSQL Global
 * Database with its migrations applied on deploy, DynamoDB global tables with DAX in front of them, and an
 * ElastiCache Redis replication group. Aurora sits in the data subnets; Redis and DAX in the private
 * subnets, where the platform's requirements place them. Staging and prod add AWS Backup of the tables and
 * the Aurora primary with a copy in the secondary Region, and RDS event subscriptions of the clusters.
 */
export function gamingPlatformSystem(environments: Readonly<Record<string, GamingPlatformEnvironment>>) {
  return defineSystem<GamingPlatformEnvironment>({
    name: 'gaming-platform',
    environments,
    components: gamingPlatformComponents,
  });
}

/** The gaming platform with its shipped environments. */
export const GAMING_PLATFORM = gamingPlatformSystem(GAMING_PLATFORM_ENVIRONMENTS);

/** A restored cluster's outputs, apart from the Global Database's: `restore_cluster_endpoint`, ... */
const RESTORE_OUTPUTS = {
  aurora_cluster_endpoint: 'restore_cluster_endpoint',
  aurora_reader_endpoint: 'restore_cluster_reader_endpoint',
  aurora_cluster_port: 'restore_cluster_port',
  aurora_database_name: 'restore_cluster_database_name',
  aurora_cluster_identifier: 'restore_cluster_identifier',
  aurora_cluster_arn: 'restore_cluster_arn',
  aurora_master_secret_arn: 'restore_master_secret_arn',
};

/** The components of one gaming-platform environment, in build order. */
function gamingPlatformComponents(environment: GamingPlatformEnvironment) {
  const aurora = auroraGlobalDatabase(environment.aurora);
  const tables = dynamoDbTables({ tables: GAMING_PLATFORM_TABLES, config: environment.dynamodb });
  return [
    aurora,
    migrationsOnDeploy({ database: aurora, config: environment.migrations }),
    tables,
    daxCluster({ tables, config: { ...environment.dax, subnetTier: 'private' } }),
    cacheReplicationGroup({ ...environment.cache, subnetTier: 'private' }),
    ...(environment.backup === undefined
      ? []
      : [
          awsBackup({
            resources: () => [...backupResourcesOf.dynamoDbTables(tables), ...backupResourcesOf.auroraGlobalDatabase(aurora)],
            config: environment.backup,
          }),
        ]),
    ...(environment.auroraRestore === undefined
      ? []
      : [auroraCluster(environment.auroraRestore, { setting: 'auroraRestore', id: 'AuroraRestore', component: 'aurora-restore', outputs: RESTORE_OUTPUTS })]),
    ...(environment.rdsEvents === undefined
      ? []
      : [rdsEventSubscriptions({ sources: () => rdsEventSourcesOf.auroraGlobalDatabase(aurora), config: environment.rdsEvents })]),
  ];
}
