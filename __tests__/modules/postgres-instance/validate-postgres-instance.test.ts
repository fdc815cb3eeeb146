import { Testing } from 'cdktf';
import {
  PostgresInstance,
  PostgresInstanceSettings,
  postgresInstancePolicyRules,
  postgresInstanceSettingsRules,
  POSTGRES_INSTANCE_DEFAULTS,
} from '../../../modules/postgres-instance';
import { ConfigurationError, failedMessages } from '../../../modules/validation';
import { InstanceOverrides } from './postgres-instance-fixture';
import { DEV_POLICY, PROD_POLICY, regionContextStack } from './region-context-fixture';

const BASE: PostgresInstanceSettings = { instanceClass: 'db.r6g.large', storage: { allocatedGib: 100 } };
const WRITE_ONLY = { credentials: { kind: 'write-only' } } as const;

/** The problems the constructor reports for these props, and whether the stack got any resource. */
function construct(overrides: InstanceOverrides): { problems: readonly string[]; resources: number } {
  const { stack, context } = regionContextStack();
  try {
    new PostgresInstance(stack, 'Postgres', { ...BASE, ...overrides, context: context('us-east-1') } as never);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const json = JSON.parse(Testing.synth(stack));
    return { problems: error.problems, resources: Object.keys(json.resource ?? {}).length };
  }
  return { problems: [], resources: -1 };
}

describe('PostgresInstance validation', () => {
  test('GIVEN only a class and storage WHEN checked THEN the defaults are valid', () => {
    expect(failedMessages(postgresInstanceSettingsRules('postgres', BASE))).toEqual([]);
  });

  test('GIVEN every default written out WHEN checked THEN they are valid', () => {
    const explicit: PostgresInstanceSettings = {
      ...BASE,
      engineVersion: POSTGRES_INSTANCE_DEFAULTS.engineVersion,
      port: POSTGRES_INSTANCE_DEFAULTS.port,
      masterUsername: POSTGRES_INSTANCE_DEFAULTS.masterUsername,
      backups: { retentionDays: POSTGRES_INSTANCE_DEFAULTS.backupRetentionDays, preferredWindow: POSTGRES_INSTANCE_DEFAULTS.preferredBackupWindow },
      preferredMaintenanceWindow: POSTGRES_INSTANCE_DEFAULTS.preferredMaintenanceWindow,
      performanceInsights: POSTGRES_INSTANCE_DEFAULTS.performanceInsights,
      monitoringIntervalSeconds: POSTGRES_INSTANCE_DEFAULTS.monitoringIntervalSeconds,
      logExports: POSTGRES_INSTANCE_DEFAULTS.logExports,
      credentials: POSTGRES_INSTANCE_DEFAULTS.credentials,
    };
    expect(failedMessages(postgresInstanceSettingsRules('postgres', explicit))).toEqual([]);
  });

  test('GIVEN skillancer prod (r6g.large, 100-500 GiB, Multi-AZ, 30 days, 731-day PI, one replica, write-only) WHEN checked THEN it is valid', () => {
    const skillancer: PostgresInstanceSettings = {
      instanceClass: 'db.r6g.large',
      storage: { allocatedGib: 100, maxAllocatedGib: 500 },
      multiAz: true,
      backups: { retentionDays: 30, preferredWindow: '03:00-04:00' },
      preferredMaintenanceWindow: 'mon:04:00-mon:05:00',
      performanceInsights: { enabled: true, retentionDays: 731 },
      credentials: { kind: 'write-only', secretName: 'skillancer/prod/rds/credentials', url: {} },
      readReplicas: { count: 1, instanceClass: 'db.r6g.large' },
    };
    expect(failedMessages(postgresInstanceSettingsRules('postgres', skillancer))).toEqual([]);
  });

  test('GIVEN shop-pulse (t3.medium, 100 GiB, no backups with the opt-out) WHEN checked THEN it is valid', () => {
    const shopPulse: PostgresInstanceSettings = { instanceClass: 'db.t3.medium', storage: { allocatedGib: 100 }, multiAz: false, backups: { retentionDays: 0, acknowledgeNoBackups: true } };
    expect(failedMessages(postgresInstanceSettingsRules('postgres', shopPulse))).toEqual([]);
  });

  test.each<[string, InstanceOverrides, string]>([
    ['storage below 20 GiB', { storage: { allocatedGib: 10 } }, 'postgres.storage.allocatedGib must be an integer 20-65536, got 10'],
    ['storage above 64 TiB', { storage: { allocatedGib: 70000 } }, 'postgres.storage.allocatedGib must be an integer 20-65536, got 70000'],
    ['a fractional size', { storage: { allocatedGib: 20.5 } }, 'postgres.storage.allocatedGib must be an integer 20-65536, got 20.5'],
    [
      'a maximum below the allocated size',
      { storage: { allocatedGib: 100, maxAllocatedGib: 50 } },
      'postgres.storage.maxAllocatedGib must be at least postgres.storage.allocatedGib (100) for storage autoscaling, got 50',
    ],
    ['a maximum above 64 TiB', { storage: { allocatedGib: 100, maxAllocatedGib: 70000 } }, 'postgres.storage.maxAllocatedGib must be an integer 20-65536, got 70000'],
    [
      'IOPS below 400 GiB',
      { storage: { allocatedGib: 100, iops: 5000 } },
      'postgres.storage.iops must be left out below 400 GiB of gp3 storage (the baseline is a fixed 3000 IOPS; postgres.storage.allocatedGib is 100), got 5000',
    ],
    [
      'throughput below 400 GiB',
      { storage: { allocatedGib: 100, throughputMiBps: 250 } },
      'postgres.storage.throughputMiBps must be left out below 400 GiB of gp3 storage (the baseline is a fixed 125 MiB/s; postgres.storage.allocatedGib is 100), got 250',
    ],
    ['IOPS below the 400 GiB baseline', { storage: { allocatedGib: 400, iops: 3000 } }, 'postgres.storage.iops must be an integer 12000-64000, got 3000'],
    ['throughput above 4000 MiB/s', { storage: { allocatedGib: 400, throughputMiBps: 5000 } }, 'postgres.storage.throughputMiBps must be an integer 500-4000, got 5000'],
    [
      'a Performance Insights retention AWS rejects',
      { performanceInsights: { enabled: true, retentionDays: 30 } },
      'postgres.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 30',
    ],
    [
      'a replica Performance Insights retention AWS rejects',
      { ...WRITE_ONLY, readReplicas: { count: 1, performanceInsights: { enabled: true, retentionDays: 800 } } },
      'postgres.readReplicas.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 800',
    ],
    ['six replicas', { ...WRITE_ONLY, readReplicas: { count: 6 } }, 'postgres.readReplicas.count must be an integer 0-5, got 6'],
    ['a negative replica count', { readReplicas: { count: -1 } }, 'postgres.readReplicas.count must be an integer 0-5, got -1'],
    [
      'an unknown class',
      { instanceClass: 'db.x9.huge' },
      expect.stringMatching(/^postgres\.instanceClass must be a known RDS for PostgreSQL instance class \(db\.t3\.micro, .*db\.r7g\.16xlarge\), got "db\.x9\.huge"$/),
    ],
    [
      'an Aurora-only class for a replica',
      { ...WRITE_ONLY, readReplicas: { count: 1, instanceClass: 'db.serverless' } },
      expect.stringMatching(/^postgres\.readReplicas\.instanceClass must be a known RDS for PostgreSQL instance class \(.*\), got "db\.serverless"$/),
    ],
    [
      'retention 0 without the opt-out',
      { backups: { retentionDays: 0 } },
      'postgres.backups.retentionDays must be 1-35, or 0 together with postgres.backups.acknowledgeNoBackups: true (0 means no automated backups, no point-in-time restore and no read replicas), got 0',
    ],
    ['retention 36', { backups: { retentionDays: 36 } }, 'postgres.backups.retentionDays must be an integer 1-35 (or 0 with acknowledgeNoBackups: true), got 36'],
    [
      'the opt-out with backups on',
      { backups: { retentionDays: 7, acknowledgeNoBackups: true } },
      'postgres.backups.acknowledgeNoBackups must be left out unless retentionDays is 0 (retentionDays is 7), got true',
    ],
    [
      'replicas without backups',
      { ...WRITE_ONLY, backups: { retentionDays: 0, acknowledgeNoBackups: true }, readReplicas: { count: 1 } },
      'postgres.readReplicas.count must be 0 when backups.retentionDays is 0 (RDS needs automated backups on the source of a read replica), got 1',
    ],
    [
      'replicas with an RDS-managed password',
      { readReplicas: { count: 1 } },
      'postgres.credentials.kind must be "write-only" with read replicas (RDS cannot create a read replica of an instance whose master password it manages in Secrets Manager), got "managed"',
    ],
    [
      'a 20-minute backup window',
      { backups: { preferredWindow: '02:00-02:20' } },
      'postgres.backups.preferredWindow must be hh24:mi-hh24:mi (UTC) lasting at least 30 minutes, got "02:00-02:20"',
    ],
    [
      'a maintenance window inside the backup window',
      { backups: { preferredWindow: '04:00-05:00' }, preferredMaintenanceWindow: 'sun:04:30-sun:05:30' },
      'postgres.preferredMaintenanceWindow must not overlap backups.preferredWindow (04:00-05:00 daily), got "sun:04:30-sun:05:30"',
    ],
    ['a malformed maintenance window', { preferredMaintenanceWindow: 'sunday 4am' }, 'postgres.preferredMaintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon-sun) lasting at least 30 minutes, got "sunday 4am"'],
    ['a major-only engine version', { engineVersion: { fullVersion: '16' } as never }, 'postgres.engineVersion must be an RDS for PostgreSQL version <major>.<minor> such as "16.11", got "16"'],
    ['a database name with a hyphen', { databaseName: 'shop-pulse' }, 'postgres.databaseName must be an RDS PostgreSQL database name: 1-63 letters, digits or underscores, starting with a letter, got "shop-pulse" (10 characters)'],
    ['port 80', { port: 80 }, 'postgres.port must be an integer 1150-65535, got 80'],
    ['monitoring every 45 s', { monitoringIntervalSeconds: 45 }, 'postgres.monitoringIntervalSeconds must be one of 0, 1, 5, 10, 15, 30, 60, got 45'],
    ['an unknown log export', { logExports: ['postgresql', 'audit'] as never }, 'postgres.logExports must list each of "postgresql", "upgrade" at most once, got ["postgresql","audit"]'],
    ['a log retention CloudWatch refuses', { logRetentionDays: 10 }, expect.stringMatching(/^postgres\.logRetentionDays must be one of 1, 3, 5, 7, 14, 30, .*, got 10$/)],
    ['a rotation of 0 days', { credentials: { kind: 'managed', rotationDays: 0 } }, 'postgres.credentials.rotationDays must be an integer 1-365, got 0'],
    ['password version 0', { credentials: { kind: 'write-only', version: 0 } }, 'postgres.credentials.version must be an integer 1-1000000, got 0'],
    [
      'a secret name with a space',
      { credentials: { kind: 'write-only', secretName: 'skillancer prod' } },
      'postgres.credentials.secretName must be a Secrets Manager secret name: 1-512 ASCII letters, digits and \'/_+=.@-\', got "skillancer prod" (15 characters)',
    ],
    [
      'a url query starting with ?',
      { credentials: { kind: 'write-only', url: { query: '?sslmode=require' } } },
      'postgres.credentials.url.query must be a query string without "?", "#" or spaces (for example "sslmode=verify-full"), got "?sslmode=require"',
    ],
    ['an unknown credentials kind', { credentials: { kind: 'vault' } as never }, 'postgres.credentials.kind must be one of "managed", "write-only", got "vault"'],
    ['CPU above 100 %', { alarmThresholds: { cpuPercent: 150 } }, 'postgres.alarmThresholds.cpuPercent must be 1-100, got 150'],
    ['free storage at 0 %', { alarmThresholds: { freeStoragePercent: 0 } }, 'postgres.alarmThresholds.freeStoragePercent must be 1-100, got 0'],
    ['connections as a fraction', { alarmThresholds: { connectionsPercentOfMax: 0.8 } }, 'postgres.alarmThresholds.connectionsPercentOfMax must be 1-100, got 0.8'],
    ['0 connections', { alarmThresholds: { connections: 0 } }, 'postgres.alarmThresholds.connections must be an integer 1-262143, got 0'],
    ['negative freeable memory', { alarmThresholds: { freeableMemoryMiB: -256 } }, 'postgres.alarmThresholds.freeableMemoryMiB must be an integer 1-1048576, got -256'],
    ['a read latency of 0', { alarmThresholds: { readLatencyMs: 0 } }, 'postgres.alarmThresholds.readLatencyMs must be a number of milliseconds 1-60000 (CloudWatch reports seconds: 0.02 s is 20), got 0'],
    ['a read latency in seconds (0.02, as CloudWatch reports it)', { alarmThresholds: { readLatencyMs: 0.02 } }, 'postgres.alarmThresholds.readLatencyMs must be a number of milliseconds 1-60000 (CloudWatch reports seconds: 0.02 s is 20), got 0.02'],
    ['a negative write latency', { alarmThresholds: { writeLatencyMs: -50 } }, 'postgres.alarmThresholds.writeLatencyMs must be a number of milliseconds 1-60000 (CloudWatch reports seconds: 0.05 s is 50), got -50'],
    ['a write latency in seconds (0.05, as CloudWatch reports it)', { alarmThresholds: { writeLatencyMs: 0.05 } }, 'postgres.alarmThresholds.writeLatencyMs must be a number of milliseconds 1-60000 (CloudWatch reports seconds: 0.05 s is 50), got 0.05'],
    ['a negative replica lag', { alarmThresholds: { replicaLagSeconds: -60 } }, 'postgres.alarmThresholds.replicaLagSeconds must be a number of seconds 1-3600 (not milliseconds: 60000 ms is 60), got -60'],
    ['a replica lag in milliseconds', { alarmThresholds: { replicaLagSeconds: 60_000 } }, 'postgres.alarmThresholds.replicaLagSeconds must be a number of seconds 1-3600 (not milliseconds: 60000 ms is 60), got 60000'],
    ['freeable memory in bytes (268435456, as CloudWatch reports it)', { alarmThresholds: { freeableMemoryMiB: 268435456 } }, 'postgres.alarmThresholds.freeableMemoryMiB must be an integer 1-1048576, got 268435456'],
    ['free storage in bytes (21474836480, as CloudWatch reports it)', { alarmThresholds: { freeStoragePercent: 21474836480 } }, 'postgres.alarmThresholds.freeStoragePercent must be 1-100, got 21474836480'],
    [
      'a replica beside a primary that is explicitly single-AZ',
      { ...WRITE_ONLY, multiAz: false, readReplicas: { count: 1 } },
      'postgres.readReplicas.count must be 0 unless the primary is Multi-AZ (multiAz is false; set multiAz: true for a read replica), got 1',
    ],
    [
      'a master user name of 17 characters',
      { masterUsername: 'skillanceradmins' + 'x' },
      'postgres.masterUsername must be an RDS master user name: 1-16 letters, digits or underscores, starting with a letter, got "skillanceradminsx" (17 characters)',
    ],
    [
      'a replica identifier longer than RDS allows while the primary fits',
      { ...WRITE_ONLY, component: 'c'.repeat(30), readReplicas: { count: 1 } },
      `the derived name "skillancer-prod-${'c'.repeat(30)}-us-east-1-replica-1" (66 characters) must be an RDS DB instance identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system, environment or component name (postgres)`,
    ],
    [
      'an identifier longer than RDS allows',
      { component: 'a-very-long-component-name-that-no-instance-identifier-can-hold' },
      'the derived name "skillancer-prod-a-very-long-component-name-that-no-instance-identifier-can-hold-us-east-1" (89 characters) must be an RDS DB instance identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system, environment or component name (postgres)',
    ],
  ])('GIVEN %s WHEN the instance is constructed THEN it fails before any resource exists: %s', (_case, overrides, message) => {
    const { problems, resources } = construct(overrides);
    expect(problems).toEqual([message]);
    expect(resources).toBe(0);
  });
});

describe('PostgresInstance read replicas and Multi-AZ', () => {
  const REPLICA: PostgresInstanceSettings = { ...BASE, ...WRITE_ONLY, readReplicas: { count: 1 } };

  test('GIVEN a replica and multiAz left out in a production environment WHEN checked THEN Multi-AZ is the default and it is valid', () => {
    expect(failedMessages(postgresInstancePolicyRules('postgres', REPLICA, PROD_POLICY))).toEqual([]);
  });

  test('GIVEN a replica and multiAz left out outside production WHEN checked THEN it is refused, naming the default', () => {
    expect(failedMessages(postgresInstancePolicyRules('postgres', REPLICA, DEV_POLICY))).toEqual([
      "postgres.readReplicas.count must be 0 unless the primary is Multi-AZ (multiAz is not set and the environment's policy is not production; set multiAz: true for a read replica), got 1",
    ]);
  });

  test('GIVEN a replica and multiAz true outside production WHEN checked THEN it is valid', () => {
    expect(failedMessages(postgresInstancePolicyRules('postgres', { ...REPLICA, multiAz: true }, DEV_POLICY))).toEqual([]);
  });

  test('GIVEN no replica and a single-AZ primary WHEN checked THEN it is valid', () => {
    expect(failedMessages(postgresInstancePolicyRules('postgres', { ...BASE, multiAz: false, readReplicas: { count: 0 } }, DEV_POLICY))).toEqual([]);
  });

  test('GIVEN a replica under the dev policy WHEN the instance is constructed THEN it fails before any resource exists', () => {
    const { stack, context } = regionContextStack({ policy: DEV_POLICY, environment: 'dev' });
    expect(() => new PostgresInstance(stack, 'Postgres', { ...REPLICA, context: context('us-east-1') })).toThrow(ConfigurationError);
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource ?? {})).toEqual([]);
  });
});
