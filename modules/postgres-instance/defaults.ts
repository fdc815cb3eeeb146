import { EnvironmentPolicy } from '../context';
import { PerformanceInsightsSettings } from '../rds';
import { DEFAULT_POSTGRES_ENGINE_VERSION, PostgresEngineVersion } from './engine-version';
import { mergedPostgresParameters } from './parameters';
import {
  PostgresCredentials,
  PostgresInstanceAlarmThresholds,
  PostgresInstanceSettings,
  PostgresLogExport,
  POSTGRES_LOG_EXPORTS,
} from './postgres-instance-settings';
import { PostgresStorage } from './storage';

// Defaults in one place: docs/postgres-instance.md quotes this table (a test compares the two), and the
// constructor and the rules resolve settings through `resolvePostgresInstanceSettings`.

export const POSTGRES_INSTANCE_DEFAULTS = {
  engineVersion: DEFAULT_POSTGRES_ENGINE_VERSION,
  port: 5432,
  masterUsername: 'dbadmin',
  backupRetentionDays: 7,
  preferredBackupWindow: '02:00-03:00',
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
  performanceInsights: { enabled: true, retentionDays: 7 } as PerformanceInsightsSettings,
  monitoringIntervalSeconds: 60,
  logExports: POSTGRES_LOG_EXPORTS as readonly PostgresLogExport[],
  iamDatabaseAuthentication: false,
  credentials: { kind: 'managed', rotationDays: 7 } as PostgresCredentials,
  managedPasswordRotationDays: 7,
  passwordVersion: 1,
  readReplicaCount: 0,
} as const;

/** The defaults of skillancer's alarm table (the connections threshold relative to each class's maximum). */
export const DEFAULT_POSTGRES_INSTANCE_ALARM_THRESHOLDS: PostgresInstanceAlarmThresholds = {
  cpuPercent: 80,
  freeStoragePercent: 20,
  connectionsPercentOfMax: 80,
  freeableMemoryMiB: 256,
  readLatencyMs: 20,
  writeLatencyMs: 50,
  replicaLagSeconds: 60,
};

/** Multi-AZ unless configured: on where the environment is production. */
export function defaultMultiAz(policy: EnvironmentPolicy): boolean {
  return policy.production;
}

/** The database name a system gets by default: `shop-pulse` -> `shop_pulse`. */
export function defaultPostgresDatabaseName(system: string): string {
  return system.replace(/[^A-Za-z0-9]/g, '_');
}

/** The read replicas with their own settings resolved. */
export interface ResolvedReadReplicas {
  readonly count: number;
  readonly instanceClass: string;
  readonly performanceInsights: PerformanceInsightsSettings;
  readonly monitoringIntervalSeconds: number;
}

/** An instance's settings with every default applied. */
export interface ResolvedPostgresInstanceSettings {
  readonly engineVersion: PostgresEngineVersion;
  readonly instanceClass: string;
  readonly storage: PostgresStorage;
  readonly multiAz: boolean;
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly port: number;
  readonly backupRetentionDays: number;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly performanceInsights: PerformanceInsightsSettings;
  readonly monitoringIntervalSeconds: number;
  readonly logExports: readonly PostgresLogExport[];
  readonly logRetentionDays: number;
  readonly iamDatabaseAuthentication: boolean;
  readonly parameters: Readonly<Record<string, string>>;
  readonly credentials: PostgresCredentials;
  readonly readReplicas: ResolvedReadReplicas;
  readonly alarmThresholds: PostgresInstanceAlarmThresholds;
}

/** Applies the defaults, once. `system` names the default database; the policy gives Multi-AZ and log retention. */
export function resolvePostgresInstanceSettings(
  settings: PostgresInstanceSettings,
  environment: { readonly system: string; readonly policy: EnvironmentPolicy },
): ResolvedPostgresInstanceSettings {
  const performanceInsights = settings.performanceInsights ?? POSTGRES_INSTANCE_DEFAULTS.performanceInsights;
  const monitoringIntervalSeconds = settings.monitoringIntervalSeconds ?? POSTGRES_INSTANCE_DEFAULTS.monitoringIntervalSeconds;
  const replicas = settings.readReplicas;
  return {
    engineVersion: settings.engineVersion ?? POSTGRES_INSTANCE_DEFAULTS.engineVersion,
    instanceClass: settings.instanceClass,
    storage: settings.storage,
    multiAz: settings.multiAz ?? defaultMultiAz(environment.policy),
    databaseName: settings.databaseName ?? defaultPostgresDatabaseName(environment.system),
    masterUsername: settings.masterUsername ?? POSTGRES_INSTANCE_DEFAULTS.masterUsername,
    port: settings.port ?? POSTGRES_INSTANCE_DEFAULTS.port,
    backupRetentionDays: settings.backups?.retentionDays ?? POSTGRES_INSTANCE_DEFAULTS.backupRetentionDays,
    preferredBackupWindow: settings.backups?.preferredWindow ?? POSTGRES_INSTANCE_DEFAULTS.preferredBackupWindow,
    preferredMaintenanceWindow: settings.preferredMaintenanceWindow ?? POSTGRES_INSTANCE_DEFAULTS.preferredMaintenanceWindow,
    performanceInsights,
    monitoringIntervalSeconds,
    logExports: settings.logExports ?? POSTGRES_INSTANCE_DEFAULTS.logExports,
    logRetentionDays: settings.logRetentionDays ?? environment.policy.logRetentionDays,
    iamDatabaseAuthentication: settings.iamDatabaseAuthentication ?? POSTGRES_INSTANCE_DEFAULTS.iamDatabaseAuthentication,
    parameters: mergedPostgresParameters(settings.parameters),
    credentials: settings.credentials ?? POSTGRES_INSTANCE_DEFAULTS.credentials,
    readReplicas: {
      count: replicas?.count ?? POSTGRES_INSTANCE_DEFAULTS.readReplicaCount,
      instanceClass: replicas?.instanceClass ?? settings.instanceClass,
      performanceInsights: replicas?.performanceInsights ?? performanceInsights,
      monitoringIntervalSeconds: replicas?.monitoringIntervalSeconds ?? monitoringIntervalSeconds,
    },
    alarmThresholds: { ...DEFAULT_POSTGRES_INSTANCE_ALARM_THRESHOLDS, ...settings.alarmThresholds },
  };
}
