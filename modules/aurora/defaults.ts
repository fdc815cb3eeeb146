import { RDS_CA_CERT_IDENTIFIER } from '../rds';
import {
  AuroraAlarmThresholds,
  AuroraClusterSettings,
  AuroraPerformanceInsights,
  AuroraStorageType,
  DatabaseInsightsMode,
  EngineLifecycleSupport,
  RdsCaCertificateIdentifier,
} from './aurora-settings';
import { AuroraPostgresEngineVersion, DEFAULT_ENGINE_VERSION } from './engine-version';

// Defaults in one place: docs/aurora.md quotes this table (a test compares the two), and every
// constructor and rule resolves settings through `resolveAuroraClusterSettings`.

export const AURORA_DEFAULTS = {
  engineVersion: DEFAULT_ENGINE_VERSION,
  port: 5432,
  masterUsername: 'dbadmin',
  backupRetentionDays: 7,
  preferredBackupWindow: '02:00-03:00',
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
  performanceInsights: { enabled: true, retentionDays: 7 } as AuroraPerformanceInsights,
  monitoringIntervalSeconds: 60,
  databaseInsightsMode: 'standard' as DatabaseInsightsMode,
  storageType: 'aurora' as AuroraStorageType,
  caCertificateIdentifier: RDS_CA_CERT_IDENTIFIER as RdsCaCertificateIdentifier,
  engineLifecycleSupport: 'open-source-rds-extended-support-disabled' as EngineLifecycleSupport,
  iamDatabaseAuthentication: false,
  enableDataApi: false,
  managedPasswordRotationDays: 7,
  masterPasswordVersion: 1,
  globalWriteForwarding: false,
} as const;

export const DEFAULT_ALARM_THRESHOLDS: AuroraAlarmThresholds = {
  cpuPercent: 80,
  connectionsPercentOfMax: 80,
  readLatencySeconds: 0.2,
  writeLatencySeconds: 0.2,
  freeableMemoryPercent: 10,
  replicationLagMilliseconds: 1000,
  acuUtilizationPercent: 90,
};

/** A cluster's settings with every default applied. */
export interface ResolvedAuroraClusterSettings {
  readonly engineVersion: AuroraPostgresEngineVersion;
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly port: number;
  readonly backupRetentionDays: number;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly performanceInsights: AuroraPerformanceInsights;
  readonly monitoringIntervalSeconds: number;
  readonly clusterLevelMonitoring: boolean;
  readonly databaseInsightsMode: DatabaseInsightsMode;
  readonly storageType: AuroraStorageType;
  readonly caCertificateIdentifier: RdsCaCertificateIdentifier;
  readonly engineLifecycleSupport: EngineLifecycleSupport;
  readonly logRetentionDays: number;
  readonly iamDatabaseAuthentication: boolean;
  readonly enableDataApi: boolean;
  readonly managedPasswordRotationDays: number;
  readonly alarmThresholds: AuroraAlarmThresholds;
}

/** The database name a system gets by default: `gaming-platform` -> `gaming_platform`. */
export function defaultDatabaseName(system: string): string {
  return system.replace(/[^A-Za-z0-9]/g, '_');
}

/** Advanced Database Insights is configured on the cluster, so the cluster carries Performance Insights and monitoring. */
export function defaultClusterLevelMonitoring(mode: DatabaseInsightsMode): boolean {
  return mode === 'advanced';
}

/**
 * Applies the defaults, once. `system` names the default database; `logRetentionDays` is the environment
 * policy's, the default of the exported PostgreSQL log's retention.
 */
export function resolveAuroraClusterSettings(
  settings: AuroraClusterSettings,
  environment: { readonly system: string; readonly logRetentionDays: number },
): ResolvedAuroraClusterSettings {
  const databaseInsightsMode = settings.databaseInsightsMode ?? AURORA_DEFAULTS.databaseInsightsMode;
  return {
    engineVersion: settings.engineVersion ?? AURORA_DEFAULTS.engineVersion,
    databaseName: settings.databaseName ?? defaultDatabaseName(environment.system),
    masterUsername: settings.masterUsername ?? AURORA_DEFAULTS.masterUsername,
    port: settings.port ?? AURORA_DEFAULTS.port,
    backupRetentionDays: settings.backupRetentionDays ?? AURORA_DEFAULTS.backupRetentionDays,
    preferredBackupWindow: settings.preferredBackupWindow ?? AURORA_DEFAULTS.preferredBackupWindow,
    preferredMaintenanceWindow: settings.preferredMaintenanceWindow ?? AURORA_DEFAULTS.preferredMaintenanceWindow,
    performanceInsights: settings.performanceInsights ?? AURORA_DEFAULTS.performanceInsights,
    monitoringIntervalSeconds: settings.monitoringIntervalSeconds ?? AURORA_DEFAULTS.monitoringIntervalSeconds,
    clusterLevelMonitoring: settings.clusterLevelMonitoring ?? defaultClusterLevelMonitoring(databaseInsightsMode),
    databaseInsightsMode,
    storageType: settings.storageType ?? AURORA_DEFAULTS.storageType,
    caCertificateIdentifier: settings.caCertificateIdentifier ?? AURORA_DEFAULTS.caCertificateIdentifier,
    engineLifecycleSupport: settings.engineLifecycleSupport ?? AURORA_DEFAULTS.engineLifecycleSupport,
    logRetentionDays: settings.logRetentionDays ?? environment.logRetentionDays,
    iamDatabaseAuthentication: settings.iamDatabaseAuthentication ?? AURORA_DEFAULTS.iamDatabaseAuthentication,
    enableDataApi: settings.enableDataApi ?? AURORA_DEFAULTS.enableDataApi,
    managedPasswordRotationDays: settings.managedPasswordRotationDays ?? AURORA_DEFAULTS.managedPasswordRotationDays,
    alarmThresholds: { ...DEFAULT_ALARM_THRESHOLDS, ...settings.alarmThresholds },
  };
}
