import { CacheEngineVersion } from '../../modules/cache';
import { PostgresEngineVersion } from '../../modules/postgres-instance';
import { NetworkPlacementConfig } from '../common/environment';
import type { CacheReplicationGroupConfig } from '../components/cache-replication-group';
import type { PostgresInstanceConfig } from '../components/postgres-instance';
import type { RdsEventsConfig } from '../components/rds-event-subscriptions';
import { STATE_BUCKET } from '../state-backend/state-bucket-config';
import { SkillancerEnvironment } from './skillancer-environment';

// skillancer's environments, sized from its requirements (docs/systems/skillancer.md): dev db.t3.micro
// single-AZ with one Redis node, staging db.t3.medium Multi-AZ with two, prod db.r6g.large Multi-AZ with a
// read replica and three. One Region, us-east-1, in the VPC each environment already has.

const SYSTEM = 'skillancer';
const REGION = 'us-east-1';

/**
 * The network, looked up by tags: the environment's VPC, its database subnets (`Tier=database`, no route to
 * the internet: the instance and Redis), its private subnets (`Tier=private`: the migrations function) and the
 * ECS services' security group (`Tier=application`), the only source the data stores admit.
 */
function taggedNetwork(environment: string): NetworkPlacementConfig {
  return {
    vpc: { tags: { Project: SYSTEM, Environment: environment } },
    dataSubnets: { tags: { Tier: 'database' } },
    privateSubnets: { tags: { Tier: 'private' } },
    applicationSecurityGroups: { tags: { Tier: 'application' } },
  };
}

function s3State() {
  return { type: 's3', bucket: STATE_BUCKET.name, region: STATE_BUCKET.region } as const;
}

/**
 * The production parameters, with their units corrected: shared_buffers, effective_cache_size and wal_buffers
 * count 8 kB pages while DBInstanceClassMemory is in bytes, so the formulas divide by 8192 more than a
 * byte fraction would (docs/systems/skillancer.md, "Parameters").
 */
export const PRODUCTION_PARAMETERS: Readonly<Record<string, string>> = {
  shared_buffers: '{DBInstanceClassMemory/32768}', // 25 % of memory
  effective_cache_size: '{DBInstanceClassMemory*3/32768}', // 75 % of memory
  work_mem: '65536', // 64 MiB per sort or hash
  maintenance_work_mem: '524288', // 512 MiB
  checkpoint_completion_target: '0.9',
  wal_buffers: '2048', // 16 MiB
  random_page_cost: '1.1',
  effective_io_concurrency: '200',
  max_connections: '200',
};

/** What every environment's instance shares: engine, names, windows, credentials, IAM logins for the roles. */
function postgres(environment: string): Pick<
  PostgresInstanceConfig,
  'engineVersion' | 'databaseName' | 'masterUsername' | 'preferredMaintenanceWindow' | 'credentials' | 'iamDatabaseAuthentication' | 'monitoringIntervalSeconds'
> {
  return {
    engineVersion: PostgresEngineVersion.V16_11,
    databaseName: 'skillancer',
    masterUsername: 'skillancer_admin',
    preferredMaintenanceWindow: 'mon:04:00-mon:05:00',
    // The applications read host, port, dbname, username and password (and a ready URL) from this secret.
    credentials: { kind: 'write-only', secretName: `${SYSTEM}/${environment}/rds/credentials`, url: {} },
    // The application and analytics users log in with IAM tokens (migrations/skillancer).
    iamDatabaseAuthentication: true,
    monitoringIntervalSeconds: 60,
  };
}

/** Every environment's backups: the daily window, 03:00-04:00 UTC. */
const BACKUP_WINDOW = '03:00-04:00';

/** What every environment's Redis shares: engine, windows, TLS, AUTH in the secret the services read, the parameters. */
function cache(environment: string): Omit<CacheReplicationGroupConfig, 'nodeType' | 'nodeCount' | 'snapshotRetentionDays'> {
  return {
    engineVersion: CacheEngineVersion.REDIS_7_1,
    snapshotWindow: '04:00-05:00',
    maintenanceWindow: 'sun:05:00-sun:06:00',
    transitEncryptionMode: 'required',
    authentication: { kind: 'auth-token', secretName: `${SYSTEM}/${environment}/redis/auth-token`, url: true },
    parameters: { 'maxmemory-policy': 'volatile-lru', timeout: '300', 'tcp-keepalive': '300' },
    notifyKeyspaceEvents: 'AKE',
    // Failovers, node replacements and failed snapshots, to an unencrypted topic of their own.
    eventNotifications: {},
  };
}

/** The instance events the requirements name: outages and failovers to the critical topic, maintenance and recovery to warning. */
const RDS_EVENTS: RdsEventsConfig = {
  instanceCategories: { critical: ['availability', 'deletion', 'failover', 'failure'], warning: ['maintenance', 'recovery'] },
};

export const SKILLANCER_ENVIRONMENTS: Readonly<Record<string, SkillancerEnvironment>> = {
  dev: {
    name: 'dev',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: taggedNetwork('dev') },
    // Dev data is disposable: no deletion protection (the dev default) and no final snapshot.
    policy: { finalSnapshot: false },
    postgres: {
      ...postgres('dev'),
      instanceClass: 'db.t3.micro',
      storage: { allocatedGib: 20, maxAllocatedGib: 50 },
      multiAz: false,
      backups: { retentionDays: 1, preferredWindow: BACKUP_WINDOW },
      performanceInsights: { enabled: true, retentionDays: 7 },
      parameters: { log_statement: 'ddl' },
    },
    cache: { ...cache('dev'), nodeType: 'cache.t3.micro', nodeCount: 1, snapshotRetentionDays: 1 },
    rdsEvents: RDS_EVENTS,
  },
  staging: {
    name: 'staging',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: taggedNetwork('staging') },
    postgres: {
      ...postgres('staging'),
      instanceClass: 'db.t3.medium',
      storage: { allocatedGib: 50, maxAllocatedGib: 200 },
      multiAz: true,
      backups: { retentionDays: 7, preferredWindow: BACKUP_WINDOW },
      performanceInsights: { enabled: true, retentionDays: 7 },
      parameters: { log_statement: 'ddl' },
    },
    cache: { ...cache('staging'), nodeType: 'cache.t3.small', nodeCount: 2, snapshotRetentionDays: 7 },
    rdsEvents: RDS_EVENTS,
  },
  prod: {
    name: 'prod',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: taggedNetwork('prod') },
    postgres: {
      ...postgres('prod'),
      instanceClass: 'db.r6g.large',
      storage: { allocatedGib: 100, maxAllocatedGib: 500 },
      multiAz: true,
      backups: { retentionDays: 30, preferredWindow: BACKUP_WINDOW },
      // Two years (731 days) of Performance Insights, on the replica too.
      performanceInsights: { enabled: true, retentionDays: 731 },
      parameters: { log_statement: 'ddl', ...PRODUCTION_PARAMETERS },
      readReplicas: { count: 1, instanceClass: 'db.r6g.large' },
    },
    cache: { ...cache('prod'), nodeType: 'cache.r6g.large', nodeCount: 3, snapshotRetentionDays: 30 },
    rdsEvents: RDS_EVENTS,
  },
};
