import { PostgresEngineVersion } from '../../modules/postgres-instance';
import type { CreatedNetworkConfig } from '../common/environment';
import type { PostgresInstanceConfig } from '../components/postgres-instance';
import type { RdsProxyConfig } from '../components/rds-proxy';
import { STATE_BUCKET } from '../state-backend/state-bucket-config';
import { ShopPulseEnvironment } from './shop-pulse-environment';

// Shop Pulse's environments (docs/systems/shop-pulse.md). Its requirements describe one deployment: prod
// carries those values (db.t3.medium, 100 GiB gp3, single-AZ, no automated backups); dev is the smaller
// instance their cost notes suggest (db.t3.small, 20 GiB) and loads the three development tenants.

const REGION = 'us-east-1';

function s3State() {
  return { type: 's3', bucket: STATE_BUCKET.name, region: STATE_BUCKET.region } as const;
}

/**
 * The VPC the stack creates: 10.0.0.0/16 over two Availability Zones, public, private and isolated (data)
 * subnets, one NAT gateway, an S3 gateway endpoint (no DynamoDB here) and flow logs of all traffic. The
 * application security group is what the Lambda functions carry: its output keeps the requirements' name.
 */
function createdNetwork(): CreatedNetworkConfig {
  return {
    create: {
      cidr: '10.0.0.0/16',
      availabilityZoneCount: 2,
      natGateways: 1,
      gatewayEndpoints: ['s3'],
      flowLogs: { trafficType: 'ALL', maxAggregationIntervalSeconds: 600 },
    },
    outputs: { application_security_group_id: 'lambda_security_group_id' },
  };
}

/**
 * What both instances share. Automated backups are off because the requirements turn them off; that takes
 * the explicit opt-out, production warns, and the final snapshot on delete stays (the environment policy's).
 * Latency alarms at 200 ms: the requirements name the metrics without thresholds, and DataStack's defaults
 * (20/50 ms) are an r-class production database's, not a burstable analytics instance's.
 */
const POSTGRES_COMMON = {
  engineVersion: PostgresEngineVersion.V15_15,
  databaseName: 'shoppulse',
  masterUsername: 'shoppulse_admin',
  multiAz: false,
  backups: { retentionDays: 0, acknowledgeNoBackups: true },
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
  performanceInsights: { enabled: true, retentionDays: 7 },
  monitoringIntervalSeconds: 60,
  logExports: ['postgresql', 'upgrade'],
  credentials: { kind: 'managed', rotationDays: 30 },
  // The migrations create the shop_pulse_app_iam login on RDS: with this on, an application may sign in as
  // that non-owner role with an IAM token instead of a password.
  iamDatabaseAuthentication: true,
} as const satisfies Omit<PostgresInstanceConfig, 'instanceClass' | 'storage'>;

/** The proxy the requirements specify: the whole pool, half of it idle, idle clients closed after 30 minutes, TLS only. */
const PROXY: RdsProxyConfig = {
  requireTls: true,
  idleClientTimeoutSeconds: 1800,
  connectionPool: { maxConnectionsPercent: 100, maxIdleConnectionsPercent: 50, connectionBorrowTimeoutSeconds: 120 },
};

export const SHOP_PULSE_ENVIRONMENTS: Readonly<Record<string, ShopPulseEnvironment>> = {
  dev: {
    name: 'dev',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: createdNetwork() },
    // Development logs are kept a month; production keeps the policy's year.
    policy: { logRetentionDays: 30 },
    postgres: {
      ...POSTGRES_COMMON,
      instanceClass: 'db.t3.small',
      storage: { allocatedGib: 20 },
      // 10 % of the class's 2 GiB.
      alarmThresholds: { freeableMemoryMiB: 205, readLatencyMs: 200, writeLatencyMs: 200 },
    },
    proxy: PROXY,
    // The three development tenants (T001-T003) and their metric visibility rows.
    migrations: { seedData: true },
  },
  prod: {
    name: 'prod',
    primaryRegion: REGION,
    stateBackend: s3State(),
    network: { [REGION]: createdNetwork() },
    postgres: {
      ...POSTGRES_COMMON,
      instanceClass: 'db.t3.medium',
      storage: { allocatedGib: 100 },
      // 10 % of the class's 4 GiB.
      alarmThresholds: { freeableMemoryMiB: 410, readLatencyMs: 200, writeLatencyMs: 200 },
    },
    proxy: PROXY,
    migrations: {},
  },
};
