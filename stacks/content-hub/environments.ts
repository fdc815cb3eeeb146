import { AuroraPostgresEngineVersion } from '../../modules/aurora';
import { CreatedNetworkConfig } from '../common/environment';
import { STATE_BUCKET } from '../state-backend/state-bucket-config';
import { ContentHubEnvironment } from './content-hub-environment';

// The content hub's environments (docs/systems/content-hub.md): one Region, us-east-1; dev is the smallest,
// staging sits between, prod doubles what can fail (a NAT gateway per zone, a failover reader).

const REGION = 'us-east-1';

/**
 * The services the hub's functions reach without a route to the internet: Secrets Manager, SQS, Lambda,
 * CloudWatch, CloudWatch Logs, Cognito, Bedrock runtime, the RDS Data API and SES.
 */
export const CONTENT_HUB_INTERFACE_ENDPOINTS = [
  'secretsmanager', 'sqs', 'lambda', 'monitoring', 'logs', 'cognito-idp', 'bedrock-runtime', 'rds-data', 'email',
] as const;

/**
 * The VPC `10.0.0.0/16` over two zones: public (NAT), private with egress and isolated (data) subnets, a /24
 * each; S3 and DynamoDB gateway endpoints; the interface endpoints in the isolated tier; no bastion.
 */
function network(natGateways: number): Record<string, CreatedNetworkConfig> {
  return {
    [REGION]: {
      create: {
        cidr: '10.0.0.0/16',
        availabilityZoneCount: 2,
        natGateways,
        gatewayEndpoints: ['s3', 'dynamodb'],
        interfaceEndpoints: { services: CONTENT_HUB_INTERFACE_ENDPOINTS, tier: 'data' },
      },
    },
  };
}

function s3State() {
  return { type: 's3', bucket: STATE_BUCKET.name, region: STATE_BUCKET.region } as const;
}

/** What every environment's Aurora shares: engine, names, windows, the Data API, the isolated tier. */
const AURORA_COMMON = {
  engineVersion: AuroraPostgresEngineVersion.V16_8,
  databaseName: 'community_content',
  // Not `postgres`: a default administrator name is half of a guessed credential.
  masterUsername: 'hubadmin',
  instanceClass: 'db.serverless',
  enableDataApi: true,
  preferredBackupWindow: '03:00-04:00',
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
  subnetTier: 'data',
  // Storage grows on its own: tell someone (info) once it passes 50 GiB.
  alarmThresholds: { volumeBytesUsedGib: 50 },
} as const;

/** RDS Proxy as the hub's clients need it: TLS only, idle clients closed after 30 minutes. */
const PROXY = { requireTls: true, idleClientTimeoutSeconds: 1800, subnetTier: 'data' } as const;

export const CONTENT_HUB_ENVIRONMENTS: Readonly<Record<string, ContentHubEnvironment>> = {
  dev: {
    name: 'dev',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: network(1),
    aurora: {
      ...AURORA_COMMON,
      instanceCount: 1,
      serverlessV2: { minCapacity: 0.5, maxCapacity: 1 },
      backupRetentionDays: 7,
      logRetentionDays: 7,
      managedPasswordRotationDays: 7,
    },
    proxy: PROXY,
    cache: { engine: 'valkey', majorEngineVersion: '8', usageLimits: { maxDataStorageGb: 1, maxEcpuPerSecond: 5000 }, subnetTier: 'data' },
  },
  staging: {
    name: 'staging',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: network(1),
    aurora: {
      ...AURORA_COMMON,
      instanceCount: 1,
      serverlessV2: { minCapacity: 0.5, maxCapacity: 2 },
      backupRetentionDays: 14,
      logRetentionDays: 7,
      managedPasswordRotationDays: 60,
    },
    proxy: PROXY,
    cache: { engine: 'valkey', majorEngineVersion: '8', usageLimits: { maxDataStorageGb: 2, maxEcpuPerSecond: 10000 }, subnetTier: 'data' },
  },
  prod: {
    name: 'prod',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: network(2),
    aurora: {
      ...AURORA_COMMON,
      // The writer and a failover reader in the other zone.
      instanceCount: 2,
      serverlessV2: { minCapacity: 1, maxCapacity: 4 },
      backupRetentionDays: 30,
      managedPasswordRotationDays: 30,
    },
    proxy: PROXY,
    cache: { engine: 'valkey', majorEngineVersion: '8', usageLimits: { maxDataStorageGb: 5, maxEcpuPerSecond: 50000 }, subnetTier: 'data' },
  },
};
