import { AuroraPostgresEngineVersion } from '../../modules/aurora';
import { CacheEngineVersion } from '../../modules/cache';
import { CreatedNetworkConfig } from '../common/environment';
import { AuroraClusterConfig } from '../components/aurora-cluster';
import { CacheReplicationGroupConfig } from '../components/cache-replication-group';
import { RdsProxyConfig } from '../components/rds-proxy';
import { STATE_BUCKET } from '../state-backend/state-bucket-config';
import { TriviaNftEnvironment } from './trivia-nft-environment';

// The trivia game's environments, sized from its requirements (docs/systems/trivia-nft.md): staging and
// production only, in us-east-1, each in a VPC of its own. The two differ in Aurora's minimum capacity and
// in how long logs are kept; everything else is the same, so staging rehearses what production runs.

const REGION = 'us-east-1';

/**
 * A VPC over three Availability Zones: public subnets with one NAT gateway, private subnets with egress
 * (the migrations function), isolated data subnets (Aurora, the proxy, Redis). The application security
 * group is what the game's Lambda functions carry, hence its output name.
 */
function createdNetwork(): CreatedNetworkConfig {
  return {
    create: { cidr: '10.0.0.0/16', availabilityZoneCount: 3, natGateways: 1 },
    outputs: { application_security_group_id: 'lambda_security_group_id' },
  };
}

function s3State() {
  return { type: 's3', bucket: STATE_BUCKET.name, region: STATE_BUCKET.region } as const;
}

/**
 * Aurora Serverless v2, a writer and a reader in another zone, scaling up to 16 ACU. No auto-pause: it
 * needs a minimum of 0 ACU, and the proxy's open connections would keep the instances awake anyway.
 */
function aurora(minCapacity: number): AuroraClusterConfig {
  return {
    engineVersion: AuroraPostgresEngineVersion.V16_8,
    instanceClass: 'db.serverless',
    instanceCount: 2,
    serverlessV2: { minCapacity, maxCapacity: 16 },
    databaseName: 'trivianft',
    masterUsername: 'trivia_admin',
    backupRetentionDays: 35,
    preferredBackupWindow: '03:00-04:00',
    preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
    performanceInsights: { enabled: true, retentionDays: 7 },
    managedPasswordRotationDays: 7,
    // Statements slower than a second (DataStack's log_min_duration_statement) plus who connects and leaves.
    clusterParameters: {
      log_connections: '1',
      log_disconnections: '1',
      'rds.force_autovacuum_logging_level': 'warning',
    },
  };
}

/** The proxy's pool: every connection the database allows, half of them kept idle, a 30 s statement limit. */
const PROXY: RdsProxyConfig = {
  requireTls: true,
  connectionPool: {
    maxConnectionsPercent: 100,
    maxIdleConnectionsPercent: 50,
    connectionBorrowTimeoutSeconds: 120,
    initQuery: 'SET SESSION statement_timeout = 30000',
  },
};

/** Redis in cluster mode: 2 shards of a primary and 2 replicas (6 x cache.r7g.large), TLS and AUTH. */
const CACHE: CacheReplicationGroupConfig = {
  engineVersion: CacheEngineVersion.REDIS_7_1,
  nodeType: 'cache.r7g.large',
  shards: 2,
  replicasPerShard: 2,
  multiAz: true,
  automaticFailover: true,
  transitEncryptionMode: 'required',
  authentication: { kind: 'auth-token' },
  snapshotRetentionDays: 7,
};

export const TRIVIA_NFT_ENVIRONMENTS: Readonly<Record<string, TriviaNftEnvironment>> = {
  staging: {
    name: 'staging',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: createdNetwork() },
    // Staging keeps its logs a month; production keeps the policy's year.
    policy: { logRetentionDays: 30 },
    aurora: aurora(0.5),
    proxy: PROXY,
    cache: CACHE,
  },
  prod: {
    name: 'prod',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: createdNetwork() },
    aurora: aurora(2),
    proxy: PROXY,
    cache: CACHE,
  },
};
