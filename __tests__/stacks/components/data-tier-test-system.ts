import type { EnvironmentConfig } from '../../../stacks/common/environment';
import { awsBackup, BackupConfig, backupResourcesOf } from '../../../stacks/components/aws-backup';
import { cacheReplicationGroup, CacheReplicationGroupConfig } from '../../../stacks/components/cache-replication-group';
import { postgresInstance, PostgresInstanceConfig, PostgresInstanceOptions } from '../../../stacks/components/postgres-instance';
import { RdsEventsConfig, rdsEventSourcesOf, rdsEventSubscriptions } from '../../../stacks/components/rds-event-subscriptions';
import { defineSystem } from '../../../stacks/composition/define-system';

// A system that exists only in tests: an RDS for PostgreSQL instance with a read replica, AWS Backup of it
// copied to a second Region, RDS event subscriptions of the instance and its replica, and a Redis group with
// ElastiCache event notifications. Tests synthesize it, and run Terraform (validate, plan) on the output.

export const TEST_SYSTEM = 'pgtest';

export interface TestSystemEnvironment extends EnvironmentConfig {
  readonly postgres: PostgresInstanceConfig;
  readonly backup?: BackupConfig;
  readonly rdsEvents?: RdsEventsConfig;
  readonly cache?: CacheReplicationGroupConfig;
}

/** skillancer's production shape: r6g.large Multi-AZ, 100-500 GiB, 30 days, 2-year PI, one replica, write-only credentials. */
export const TEST_ENVIRONMENT: TestSystemEnvironment = {
  name: 'prod',
  primaryRegion: 'us-east-1',
  secondaryRegion: 'us-west-2',
  stateBackend: { type: 's3', bucket: 'example-terraform-state', region: 'us-east-1' },
  network: {
    'us-east-1': {
      vpc: { id: 'vpc-0a1b2c3d' },
      privateSubnets: { ids: ['subnet-0aaa', 'subnet-0bbb'] },
      dataSubnets: { ids: ['subnet-0ccc', 'subnet-0ddd'] },
      applicationSecurityGroups: { ids: ['sg-0app'] },
    },
    'us-west-2': {
      vpc: { id: 'vpc-1a1b2c3d' },
      privateSubnets: { ids: ['subnet-1aaa', 'subnet-1bbb'] },
      applicationSecurityGroups: { ids: ['sg-1app'] },
    },
  },
  postgres: {
    instanceClass: 'db.r6g.large',
    storage: { allocatedGib: 100, maxAllocatedGib: 500 },
    multiAz: true,
    backups: { retentionDays: 30, preferredWindow: '03:00-04:00' },
    preferredMaintenanceWindow: 'mon:04:00-mon:05:00',
    performanceInsights: { enabled: true, retentionDays: 731 },
    parameters: { max_connections: '200', shared_buffers: '{DBInstanceClassMemory/32768}', log_statement: 'ddl' },
    credentials: { kind: 'write-only', secretName: 'pgtest/prod/rds/credentials', url: {} },
    readReplicas: { count: 1 },
  },
  backup: { dailyRetentionDays: 35, monthly: { retentionDays: 365 }, vaultLock: { mode: 'governance', minRetentionDays: 1, maxRetentionDays: 400 } },
  rdsEvents: {},
  cache: { nodeType: 'cache.r6g.large', nodeCount: 3, eventNotifications: {} },
};

/** The test system with one environment (and, for the component tests, options of the PostgreSQL component). */
export function testSystem(environment: TestSystemEnvironment = TEST_ENVIRONMENT, postgresOptions: PostgresInstanceOptions = {}) {
  return defineSystem<TestSystemEnvironment>({
    name: TEST_SYSTEM,
    environments: { [environment.name]: environment },
    components(env) {
      const postgres = postgresInstance(env.postgres, postgresOptions);
      return [
        postgres,
        ...(env.backup ? [awsBackup({ resources: () => backupResourcesOf.postgresInstance(postgres), config: env.backup })] : []),
        ...(env.rdsEvents ? [rdsEventSubscriptions({ sources: () => rdsEventSourcesOf.postgresInstance(postgres), config: env.rdsEvents })] : []),
        ...(env.cache ? [cacheReplicationGroup(env.cache)] : []),
      ];
    },
  });
}
