import { AuroraPostgresEngineVersion } from '../../modules/aurora';
import { CacheEngineVersion } from '../../modules/cache';
import { NetworkPlacementConfig } from '../common/environment';
import { STATE_BUCKET } from '../state-backend/state-bucket-config';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

// The gaming platform's environments, sized from its requirements (docs/systems/gaming-platform.md): the
// development/staging and production sizes. Primary Region eu-west-2, secondary eu-west-1. Dev has no AWS
// Backup and no RDS event subscriptions: it has one Region to copy nothing to, and its data is disposable.

const SYSTEM = 'gaming-platform';

/**
 * The network, looked up by tags: the VPC tagged for the system and environment, its isolated subnets
 * (`Tier=isolated`: Aurora), its private subnets (`Tier=private`: Redis, DAX, the migrations function), and
 * the application security groups (`Tier=application`). Replace with `{ ids: [...] }` where an account does
 * not tag its network.
 */
function taggedNetwork(environment: string): NetworkPlacementConfig {
  return {
    vpc: { tags: { Project: SYSTEM, Environment: environment } },
    dataSubnets: { tags: { Tier: 'isolated' } },
    privateSubnets: { tags: { Tier: 'private' } },
    applicationSecurityGroups: { tags: { Tier: 'application' } },
  };
}

function s3State() {
  return { type: 's3', bucket: STATE_BUCKET.name, region: STATE_BUCKET.region } as const;
}

/** What every environment's Aurora shares: the system's engine, names and windows. */
const AURORA_COMMON = {
  engineVersion: AuroraPostgresEngineVersion.V16_8,
  masterUsername: 'gameadmin',
  databaseName: 'gaming',
  preferredBackupWindow: '02:00-03:00',
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
} as const;

/**
 * Contributor Insights on the leaderboard and its byScore index in every environment: a hot leaderboard (one
 * event's board) concentrates reads and writes on one partition key, and the insights name it.
 */
const TABLE_SETTINGS = {
  leaderboard: { contributorInsights: true, indexes: { byScore: { contributorInsights: true } } },
} as const;

/** The platform keeps Redis 7.x everywhere. */
const CACHE_ENGINE = CacheEngineVersion.REDIS_7_1;

export const GAMING_PLATFORM_ENVIRONMENTS: Readonly<Record<string, GamingPlatformEnvironment>> = {
  dev: {
    name: 'dev',
    primaryRegion: 'eu-west-2',
    stateBackend: s3State(),
    network: { 'eu-west-2': taggedNetwork('dev') },
    aurora: {
      ...AURORA_COMMON,
      primary: { instanceCount: 1, instanceClass: 'db.r6g.large' },
      backupRetentionDays: 7,
      performanceInsights: { enabled: false },
      masterPasswordVersion: 1,
    },
    dynamodb: {
      billing: { mode: 'PAY_PER_REQUEST' },
      // A runaway test or load script in dev is throttled instead of billed: every table and index is capped.
      onDemandThroughput: { maxReadRequestUnits: 1000, maxWriteRequestUnits: 500 },
      tableSettings: TABLE_SETTINGS,
    },
    cache: {
      engineVersion: CACHE_ENGINE,
      nodeType: 'cache.r7g.large',
      nodeCount: 1,
      snapshotRetentionDays: 5,
      logRetentionDays: 7,
    },
    dax: { nodeType: 'dax.r4.large', replicationFactor: 1 },
  },
  staging: {
    name: 'staging',
    primaryRegion: 'eu-west-2',
    secondaryRegion: 'eu-west-1',
    stateBackend: s3State(),
    network: { 'eu-west-2': taggedNetwork('staging'), 'eu-west-1': taggedNetwork('staging') },
    aurora: {
      ...AURORA_COMMON,
      primary: { instanceCount: 1, instanceClass: 'db.r6g.large' },
      secondary: { instanceCount: 1, instanceClass: 'db.r6g.large' },
      backupRetentionDays: 7,
      performanceInsights: { enabled: false },
      masterPasswordVersion: 1,
    },
    dynamodb: { billing: { mode: 'PAY_PER_REQUEST' }, tableSettings: TABLE_SETTINGS },
    cache: {
      engineVersion: CACHE_ENGINE,
      nodeType: 'cache.r7g.large',
      nodeCount: 1,
      snapshotRetentionDays: 5,
      logRetentionDays: 30,
    },
    dax: { nodeType: 'dax.r4.large', replicationFactor: 1 },
    // Staging restores what prod would: daily backups of the tables and the Aurora primary, copied to eu-west-1.
    backup: { dailyRetentionDays: 35 },
    rdsEvents: {},
  },
  prod: {
    name: 'prod',
    primaryRegion: 'eu-west-2',
    secondaryRegion: 'eu-west-1',
    stateBackend: s3State(),
    network: { 'eu-west-2': taggedNetwork('prod'), 'eu-west-1': taggedNetwork('prod') },
    aurora: {
      ...AURORA_COMMON,
      // Game events bring read spikes: up to 4 more readers in the writer's Region, added at 70 % reader CPU.
      primary: { instanceCount: 3, instanceClass: 'db.r6g.xlarge', readerAutoscaling: { minReaders: 2, maxReaders: 6, metric: 'cpu', targetValue: 70 } },
      secondary: { instanceCount: 2, instanceClass: 'db.r6g.xlarge' },
      backupRetentionDays: 14,
      // Writes from every game and their replication to eu-west-1 keep I/O a large share of the bill (docs/aurora.md).
      storageType: 'aurora-iopt1',
      performanceInsights: { enabled: true, retentionDays: 31 },
      masterPasswordVersion: 1,
    },
    dynamodb: { billing: { mode: 'PAY_PER_REQUEST' }, tableSettings: TABLE_SETTINGS },
    cache: {
      engineVersion: CACHE_ENGINE,
      nodeType: 'cache.r7g.xlarge',
      nodeCount: 3,
      snapshotRetentionDays: 7,
      logRetentionDays: 90,
    },
    dax: { nodeType: 'dax.r4.xlarge', replicationFactor: 3 },
    // Daily backups kept 35 days and a monthly one kept a year (long-term retention), both copied to eu-west-1.
    backup: { dailyRetentionDays: 35, monthly: { retentionDays: 365 } },
    rdsEvents: {},
  },
};
