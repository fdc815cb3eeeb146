import { PRODUCTION_PARAMETERS } from '../../../stacks/skillancer/environments';
import { configurationProblems, environmentWith, SkillancerEnvironmentName } from './skillancer-fixture';

// What the app refuses in skillancer's configuration, before any stack exists: each case changes one shipped
// environment and expects exactly one message naming the setting path, the value and what is accepted.

type Change = (environment: any) => Record<string, unknown>;

const postgres = (change: Record<string, unknown>): Change => (environment) => ({ postgres: { ...environment.postgres, ...change } });
const parameter = (name: string, value: string): Change => (environment) => ({ postgres: { ...environment.postgres, parameters: { ...environment.postgres.parameters, [name]: value } } });
const postgresAlarm = (name: string, value: number): Change => postgres({ alarmThresholds: { [name]: value } });
const cache = (change: Record<string, unknown>): Change => (environment) => ({ cache: { ...environment.cache, ...change } });

const PATH = (env: string) => `skillancer.environments.${env}`;

describe('skillancer: configuration checks', () => {
  test('GIVEN the production parameters WHEN read THEN they are the corrected ones, not the formulas in bytes', () => {
    expect(PRODUCTION_PARAMETERS.shared_buffers).toBe('{DBInstanceClassMemory/32768}');
    expect(PRODUCTION_PARAMETERS.effective_cache_size).toBe('{DBInstanceClassMemory*3/32768}');
    expect(PRODUCTION_PARAMETERS.wal_buffers).toBe('2048');
  });

  test.each<[string, SkillancerEnvironmentName, Change, string]>([
    [
      'shared_buffers as a byte fraction of memory (8192 times too large)',
      'prod',
      parameter('shared_buffers', '{DBInstanceClassMemory/4}'),
      `${PATH('prod')}.postgres.parameters.shared_buffers must ask for at most the instance's memory (16 GiB on db.r6g.large); it counts in 8kB units while DBInstanceClassMemory is in bytes, so {DBInstanceClassMemory/4} asks for 2048 times the memory (divide by 8192 more, e.g. {DBInstanceClassMemory/32768} for 25 %), got "{DBInstanceClassMemory/4}"`,
    ],
    [
      'effective_cache_size as a byte fraction of memory',
      'prod',
      parameter('effective_cache_size', '{DBInstanceClassMemory*3/4}'),
      `${PATH('prod')}.postgres.parameters.effective_cache_size must ask for at most the instance's memory (16 GiB on db.r6g.large); it counts in 8kB units while DBInstanceClassMemory is in bytes, so {DBInstanceClassMemory*3/4} asks for 6144 times the memory (divide by 8192 more, e.g. {DBInstanceClassMemory/32768} for 25 %), got "{DBInstanceClassMemory*3/4}"`,
    ],
    [
      'wal_buffers above PostgreSQL\'s range',
      'prod',
      parameter('wal_buffers', '300000'),
      `${PATH('prod')}.postgres.parameters.wal_buffers must be an integer -1-262143 (8kB) or a {DBInstanceClassMemory...} formula, got "300000"`,
    ],
    [
      'work_mem with a unit suffix',
      'prod',
      parameter('work_mem', '64MB'),
      `${PATH('prod')}.postgres.parameters.work_mem must be an integer 64-2147483647 (kB) or a {DBInstanceClassMemory...} formula, got "64MB"`,
    ],
    [
      'work_mem larger than a db.t3.micro',
      'dev',
      parameter('work_mem', '2097152'),
      `${PATH('dev')}.postgres.parameters.work_mem must ask for at most the instance's memory (1 GiB on db.t3.micro); 2097152 x kB is 2 GiB, got "2097152"`,
    ],
    ['max_connections of 0', 'prod', parameter('max_connections', '0'), `${PATH('prod')}.postgres.parameters.max_connections must be an integer 1-262143, got "0"`],
    ['checkpoint_completion_target above 1', 'prod', parameter('checkpoint_completion_target', '9'), `${PATH('prod')}.postgres.parameters.checkpoint_completion_target must be a number 0-1, got "9"`],
    [
      'a read replica in dev, whose instance is single-AZ',
      'dev',
      postgres({ readReplicas: { count: 1 } }),
      `${PATH('dev')}.postgres.readReplicas.count must be 0 unless the primary is Multi-AZ (multiAz is false; set multiAz: true for a read replica), got 1`,
    ],
    [
      'prod turned single-AZ with its replica',
      'prod',
      postgres({ multiAz: false }),
      `${PATH('prod')}.postgres.readReplicas.count must be 0 unless the primary is Multi-AZ (multiAz is false; set multiAz: true for a read replica), got 1`,
    ],
    [
      'read latency in seconds, as CloudWatch reports it',
      'prod',
      postgresAlarm('readLatencyMs', 0.02),
      `${PATH('prod')}.postgres.alarmThresholds.readLatencyMs must be a number of milliseconds 1-60000 (CloudWatch reports seconds: 0.02 s is 20), got 0.02`,
    ],
    [
      'a negative write latency',
      'staging',
      postgresAlarm('writeLatencyMs', -50),
      `${PATH('staging')}.postgres.alarmThresholds.writeLatencyMs must be a number of milliseconds 1-60000 (CloudWatch reports seconds: 0.05 s is 50), got -50`,
    ],
    [
      'replica lag in milliseconds',
      'prod',
      postgresAlarm('replicaLagSeconds', 60000),
      `${PATH('prod')}.postgres.alarmThresholds.replicaLagSeconds must be a number of seconds 1-3600 (not milliseconds: 60000 ms is 60), got 60000`,
    ],
    ['freeable memory in bytes', 'prod', postgresAlarm('freeableMemoryMiB', 268435456), `${PATH('prod')}.postgres.alarmThresholds.freeableMemoryMiB must be an integer 1-1048576, got 268435456`],
    ['CPU as a fraction', 'prod', postgresAlarm('cpuPercent', 0.8), `${PATH('prod')}.postgres.alarmThresholds.cpuPercent must be 1-100, got 0.8`],
    ['free storage in bytes', 'prod', postgresAlarm('freeStoragePercent', 21474836480), `${PATH('prod')}.postgres.alarmThresholds.freeStoragePercent must be 1-100, got 21474836480`],
    ['a negative connections threshold', 'prod', postgresAlarm('connections', -160), `${PATH('prod')}.postgres.alarmThresholds.connections must be an integer 1-262143, got -160`],
    [
      'Performance Insights kept 730 days instead of 731',
      'prod',
      postgres({ performanceInsights: { enabled: true, retentionDays: 730 } }),
      `${PATH('prod')}.postgres.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 730`,
    ],
    [
      'backups kept 0 days without the opt-out',
      'dev',
      postgres({ backups: { retentionDays: 0 } }),
      `${PATH('dev')}.postgres.backups.retentionDays must be 1-35, or 0 together with ${PATH('dev')}.postgres.backups.acknowledgeNoBackups: true (0 means no automated backups, no point-in-time restore and no read replicas), got 0`,
    ],
    [
      'the maintenance window inside the backup window',
      'staging',
      postgres({ preferredMaintenanceWindow: 'mon:03:30-mon:04:30' }),
      `${PATH('staging')}.postgres.preferredMaintenanceWindow must not overlap backups.preferredWindow (03:00-04:00 daily), got "mon:03:30-mon:04:30"`,
    ],
    [
      'a storage maximum below the allocated size',
      'prod',
      postgres({ storage: { allocatedGib: 100, maxAllocatedGib: 50 } }),
      `${PATH('prod')}.postgres.storage.maxAllocatedGib must be at least ${PATH('prod')}.postgres.storage.allocatedGib (100) for storage autoscaling, got 50`,
    ],
    [
      'a credentials secret name with a space',
      'prod',
      postgres({ credentials: { kind: 'write-only', secretName: 'skillancer prod' } }),
      `${PATH('prod')}.postgres.credentials.secretName must be a Secrets Manager secret name: 1-512 ASCII letters, digits and \'/_+=.@-\', got "skillancer prod" (15 characters)`,
    ],
    [
      'Redis Multi-AZ with one node in dev',
      'dev',
      cache({ multiAz: true }),
      `${PATH('dev')}.cache.multiAz must be false with no replica (nodeCount 1): Multi-AZ needs 2 or more nodes per shard, got true`,
    ],
    ['seven Redis nodes', 'prod', cache({ nodeCount: 7 }), `${PATH('prod')}.cache.nodeCount must be an integer 1-6, got 7`],
    ['Redis snapshots kept 36 days', 'prod', cache({ snapshotRetentionDays: 36 }), `${PATH('prod')}.cache.snapshotRetentionDays must be an integer 0-35, got 36`],
    ['a negative eviction threshold', 'prod', cache({ alarmThresholds: { evictionsPer5Minutes: -1000 } }), `${PATH('prod')}.cache.alarmThresholds.evictionsPer5Minutes must be a number above 0, got -1000`],
    ['a Redis memory threshold as a fraction', 'prod', cache({ alarmThresholds: { memoryPercent: 0.8 } }), `${PATH('prod')}.cache.alarmThresholds.memoryPercent must be 1-100, got 0.8`],
    ['an unknown keyspace event flag', 'prod', cache({ notifyKeyspaceEvents: 'AKEQ' }), `${PATH('prod')}.cache.notifyKeyspaceEvents must be notify-keyspace-events flags (K E g $ l s h z x e t m d n A), e.g. "Ex", got "AKEQ"`],
    [
      'an AUTH secret name with a space',
      'prod',
      cache({ authentication: { kind: 'auth-token', secretName: 'skillancer prod redis' } }),
      `${PATH('prod')}.cache.authentication.secretName must be a Secrets Manager secret name: 1-512 ASCII letters, digits and \'/_+=.@-\', got "skillancer prod redis" (21 characters)`,
    ],
    [
      'an RDS event category that does not exist',
      'prod',
      () => ({ rdsEvents: { instanceCategories: { critical: ['availability', 'outage'] } } }),
      `${PATH('prod')}.rdsEvents.instanceCategories.critical must list db-instance event categories ("availability", "backup", "configuration change", "creation", "deletion", "failover", "failure", "low storage", "maintenance", "notification", "read replica", "recovery", "restoration", "security patching"), got ["availability","outage"]`,
    ],
  ])('GIVEN %s (%s) WHEN the app checks it THEN it is refused with its message', (_case, env, change, message) => {
    expect(configurationProblems(environmentWith(env, change))).toEqual([expect.stringContaining(message)]);
  });
});
