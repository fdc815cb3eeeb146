import { EnvironmentPolicy } from '../context';
import { logRetentionRule } from '../logs';
import { monitoringIntervalRule, performanceInsightsRetentionRule, PerformanceInsightsSettings, databaseNameRule, masterUsernameRule } from '../rds';
import { SECRET_NAME_LIMIT } from '../secrets';
import { describeValue, integerInRange, matches, nameRule, numberInRange, oneOf, ValidationRule } from '../validation';
import { rdsWindowRules } from '../windows';
import { defaultMultiAz, POSTGRES_INSTANCE_DEFAULTS } from './defaults';
import { isKnownPostgresInstanceClass, POSTGRES_INSTANCE_CLASSES, postgresInstanceMemoryGib } from './instance-classes';
import { ParameterMemoryBound, postgresParametersRules } from './parameters';
import { POSTGRES_LOG_EXPORTS, PostgresInstanceAlarmThresholds, PostgresInstanceSettings } from './postgres-instance-settings';
import { postgresStorageRules } from './storage';

// Every rule of an RDS for PostgreSQL instance, written once. Rules check the values given (defaults are
// valid by construction; a test checks that too): components run them on configuration with the setting's
// full path before any stack exists, the constructor runs them on its props under `postgres`.

/** Read replicas DataStack builds in the instance's Region (each a full instance with its own alarms). */
export const MAX_READ_REPLICAS = 5;


function given<T>(value: T | undefined, rule: (value: T) => ValidationRule | ValidationRule[]): ValidationRule[] {
  if (value === undefined) return [];
  const result = rule(value);
  return Array.isArray(result) ? result : [result];
}

function classRule(setting: string, instanceClass: string): ValidationRule {
  return {
    condition: isKnownPostgresInstanceClass(instanceClass),
    message: `${setting} must be a known RDS for PostgreSQL instance class (${POSTGRES_INSTANCE_CLASSES.join(', ')}), got ${describeValue(instanceClass)}`,
  };
}

function performanceInsightsRules(setting: string, performanceInsights: PerformanceInsightsSettings): ValidationRule[] {
  return performanceInsights.enabled ? [performanceInsightsRetentionRule(`${setting}.retentionDays`, performanceInsights.retentionDays)] : [];
}

function backupRules(setting: string, settings: PostgresInstanceSettings): ValidationRule[] {
  const backups = settings.backups ?? {};
  const retentionDays = backups.retentionDays ?? POSTGRES_INSTANCE_DEFAULTS.backupRetentionDays;
  const acknowledged = backups.acknowledgeNoBackups === true;
  const rules: ValidationRule[] = [
    {
      condition: Number.isInteger(retentionDays) && retentionDays >= 1 && retentionDays <= 35 ? true : retentionDays === 0 && acknowledged,
      message:
        retentionDays === 0
          ? `${setting}.backups.retentionDays must be 1-35, or 0 together with ${setting}.backups.acknowledgeNoBackups: true (0 means no automated backups, no point-in-time restore and no read replicas), got 0`
          : `${setting}.backups.retentionDays must be an integer 1-35 (or 0 with acknowledgeNoBackups: true), got ${describeValue(retentionDays)}`,
    },
  ];
  if (backups.acknowledgeNoBackups !== undefined) {
    rules.push({
      condition: backups.acknowledgeNoBackups === false || retentionDays === 0,
      message: `${setting}.backups.acknowledgeNoBackups must be left out unless retentionDays is 0 (retentionDays is ${describeValue(retentionDays)}), got ${describeValue(backups.acknowledgeNoBackups)}`,
    });
  }
  rules.push(
    ...rdsWindowRules({
      backup:
        retentionDays === 0
          ? undefined
          : { setting: `${setting}.backups.preferredWindow`, window: backups.preferredWindow ?? POSTGRES_INSTANCE_DEFAULTS.preferredBackupWindow, label: 'backups.preferredWindow' },
      maintenance: {
        setting: `${setting}.preferredMaintenanceWindow`,
        window: settings.preferredMaintenanceWindow ?? POSTGRES_INSTANCE_DEFAULTS.preferredMaintenanceWindow,
      },
    }),
  );
  return rules;
}

function credentialsRules(setting: string, settings: PostgresInstanceSettings): ValidationRule[] {
  const credentials = settings.credentials;
  if (credentials === undefined) return [];
  const kindRule = oneOf(`${setting}.credentials.kind`, credentials.kind, ['managed', 'write-only'] as const);
  if (!kindRule.condition) return [kindRule];
  if (credentials.kind === 'managed') {
    return given(credentials.rotationDays, (value) => integerInRange(`${setting}.credentials.rotationDays`, value, 1, 365));
  }
  return [
    ...given(credentials.version, (value) => integerInRange(`${setting}.credentials.version`, value, 1, 1_000_000)),
    ...given(credentials.secretName, (value) =>
      nameRule(`${setting}.credentials.secretName`, value, SECRET_NAME_LIMIT),
    ),
    ...given(credentials.url?.query, (value) =>
      matches(`${setting}.credentials.url.query`, value, /^[^?#\s]*$/, 'a query string without "?", "#" or spaces (for example "sslmode=verify-full")'),
    ),
  ];
}

function replicaRules(setting: string, settings: PostgresInstanceSettings): ValidationRule[] {
  const replicas = settings.readReplicas;
  if (replicas === undefined) return [];
  const rules: ValidationRule[] = [integerInRange(`${setting}.readReplicas.count`, replicas.count, 0, MAX_READ_REPLICAS)];
  if (replicas.count > 0) {
    const retentionDays = settings.backups?.retentionDays ?? POSTGRES_INSTANCE_DEFAULTS.backupRetentionDays;
    rules.push(
      {
        condition: retentionDays !== 0,
        message: `${setting}.readReplicas.count must be 0 when backups.retentionDays is 0 (RDS needs automated backups on the source of a read replica), got ${describeValue(replicas.count)}`,
      },
      {
        condition: settings.credentials?.kind === 'write-only',
        message: `${setting}.credentials.kind must be "write-only" with read replicas (RDS cannot create a read replica of an instance whose master password it manages in Secrets Manager), got ${describeValue(settings.credentials?.kind ?? 'managed')}`,
      },
    );
  }
  rules.push(
    ...given(replicas.instanceClass, (value) => classRule(`${setting}.readReplicas.instanceClass`, value)),
    ...given(replicas.performanceInsights, (value) => performanceInsightsRules(`${setting}.readReplicas.performanceInsights`, value)),
    ...given(replicas.monitoringIntervalSeconds, (value) => monitoringIntervalRule(`${setting}.readReplicas.monitoringIntervalSeconds`, value)),
  );
  return rules;
}

/** Latency thresholds in milliseconds: under 1 ms is below what RDS storage answers in, so almost surely seconds. */
const LATENCY_MS = { min: 1, max: 60_000 } as const;
/** Replica lag in seconds: over an hour is a replica to rebuild, not to alarm on, and almost surely milliseconds. */
const REPLICA_LAG_SECONDS = { min: 1, max: 3_600 } as const;

function alarmThresholdRules(setting: string, thresholds: Partial<PostgresInstanceAlarmThresholds>): ValidationRule[] {
  const path = (name: string) => `${setting}.alarmThresholds.${name}`;
  const inUnit = (name: 'readLatencyMs' | 'writeLatencyMs' | 'replicaLagSeconds', range: { min: number; max: number }, unit: string, hint: string) =>
    given(thresholds[name], (value) => ({
      condition: typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max,
      message: `${path(name)} must be a number of ${unit} ${range.min}-${range.max} (${hint}), got ${describeValue(value)}`,
    }));
  return [
    ...given(thresholds.cpuPercent, (value) => numberInRange(path('cpuPercent'), value, 1, 100)),
    ...given(thresholds.freeStoragePercent, (value) => numberInRange(path('freeStoragePercent'), value, 1, 100)),
    ...given(thresholds.connectionsPercentOfMax, (value) => numberInRange(path('connectionsPercentOfMax'), value, 1, 100)),
    ...given(thresholds.connections, (value) => integerInRange(path('connections'), value, 1, 262143)),
    ...given(thresholds.freeableMemoryMiB, (value) => integerInRange(path('freeableMemoryMiB'), value, 1, 1024 * 1024)),
    ...inUnit('readLatencyMs', LATENCY_MS, 'milliseconds', 'CloudWatch reports seconds: 0.02 s is 20'),
    ...inUnit('writeLatencyMs', LATENCY_MS, 'milliseconds', 'CloudWatch reports seconds: 0.05 s is 50'),
    ...inUnit('replicaLagSeconds', REPLICA_LAG_SECONDS, 'seconds', 'not milliseconds: 60000 ms is 60'),
  ];
}

/** The memory the shared parameter group must fit: the smallest of the primary's and the replicas' classes. */
function parameterMemoryBound(settings: PostgresInstanceSettings): ParameterMemoryBound | undefined {
  const classes = [settings.instanceClass, ...((settings.readReplicas?.count ?? 0) > 0 && settings.readReplicas?.instanceClass ? [settings.readReplicas.instanceClass] : [])];
  if (!classes.every(isKnownPostgresInstanceClass)) return undefined;
  return classes
    .map((instanceClass) => ({ instanceClass, memoryGib: postgresInstanceMemoryGib(instanceClass) }))
    .reduce((smallest, candidate) => (candidate.memoryGib < smallest.memoryGib ? candidate : smallest));
}

/** Rules for an instance's plain-data settings. */
export function postgresInstanceSettingsRules(setting: string, settings: PostgresInstanceSettings): ValidationRule[] {
  const bound = parameterMemoryBound(settings);
  const logExports = settings.logExports;
  return [
    classRule(`${setting}.instanceClass`, settings.instanceClass),
    ...postgresStorageRules(`${setting}.storage`, settings.storage),
    ...given(settings.engineVersion, (value) =>
      matches(`${setting}.engineVersion`, value.fullVersion, /^\d+\.\d+$/, 'an RDS for PostgreSQL version <major>.<minor> such as "16.11"'),
    ),
    ...given(settings.databaseName, (value) => databaseNameRule(`${setting}.databaseName`, value)),
    ...given(settings.masterUsername, (value) => masterUsernameRule(`${setting}.masterUsername`, value)),
    ...given(settings.port, (value) => integerInRange(`${setting}.port`, value, 1150, 65535)),
    ...backupRules(setting, settings),
    ...given(settings.performanceInsights, (value) => performanceInsightsRules(`${setting}.performanceInsights`, value)),
    ...given(settings.monitoringIntervalSeconds, (value) => monitoringIntervalRule(`${setting}.monitoringIntervalSeconds`, value)),
    ...given(logExports, (value) => ({
      condition: Array.isArray(value) && value.every((log, index) => (POSTGRES_LOG_EXPORTS as readonly string[]).includes(log) && value.indexOf(log) === index),
      message: `${setting}.logExports must list each of ${POSTGRES_LOG_EXPORTS.map((item) => describeValue(item)).join(', ')} at most once, got ${describeValue(value)}`,
    })),
    ...given(settings.logRetentionDays, (value) => logRetentionRule(`${setting}.logRetentionDays`, value)),
    ...credentialsRules(setting, settings),
    ...replicaRules(setting, settings),
    ...alarmThresholdRules(setting, settings.alarmThresholds ?? {}),
    ...(bound === undefined ? [] : postgresParametersRules(`${setting}.parameters`, settings.parameters, bound)),
  ];
}

/**
 * Rules that need the environment's policy: read replicas only beside a Multi-AZ primary (Multi-AZ resolved
 * as the instance resolves it). A replica is the copy promoted when the primary is lost; beside a single-AZ
 * primary, one Availability Zone failure stops the writer while a reader survives, and creating the replica
 * suspends a single-AZ primary's I/O while RDS snapshots it.
 */
export function postgresInstancePolicyRules(setting: string, settings: PostgresInstanceSettings, policy: EnvironmentPolicy): ValidationRule[] {
  const count = settings.readReplicas?.count ?? 0;
  if (!(typeof count === 'number' && count > 0)) return [];
  const multiAz = settings.multiAz ?? defaultMultiAz(policy);
  const why = settings.multiAz === undefined ? "multiAz is not set and the environment's policy is not production" : 'multiAz is false';
  return [
    {
      condition: multiAz === true,
      message: `${setting}.readReplicas.count must be 0 unless the primary is Multi-AZ (${why}; set multiAz: true for a read replica), got ${describeValue(count)}`,
    },
  ];
}
