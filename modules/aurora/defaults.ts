import { AuroraAlarmThresholds, AuroraPerformanceInsights } from './aurora-settings';
import { DEFAULT_ENGINE_VERSION } from './engine-version';

// Defaults in one place, so docs/aurora.md and the constructors cannot disagree.

export const AURORA_DEFAULTS = {
  engineVersion: DEFAULT_ENGINE_VERSION,
  port: 5432,
  masterUsername: 'dbadmin',
  backupRetentionDays: 7,
  preferredBackupWindow: '02:00-03:00',
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
  performanceInsights: { enabled: true, retentionDays: 7 } as AuroraPerformanceInsights,
  monitoringIntervalSeconds: 60,
  logRetentionDays: 365,
  iamDatabaseAuthentication: false,
  managedPasswordRotationDays: 7,
  /** The CA every instance's server certificate is signed by (RSA 2048, valid to 2061). */
  caCertIdentifier: 'rds-ca-rsa2048-g1',
} as const;

export const DEFAULT_ALARM_THRESHOLDS: AuroraAlarmThresholds = {
  cpuPercent: 80,
  connectionsPercentOfMax: 80,
  readLatencySeconds: 0.2,
  writeLatencySeconds: 0.2,
  freeableMemoryPercent: 10,
  replicationLagMilliseconds: 1000,
};

/** DataStack's cluster parameters; systems override or add to them. */
export const DEFAULT_CLUSTER_PARAMETERS: Readonly<Record<string, string>> = {
  // Refuse unencrypted connections.
  'rds.force_ssl': '1',
  // Per-statement statistics for Performance Insights and tuning.
  shared_preload_libraries: 'pg_stat_statements',
  // Log statements slower than one second (milliseconds).
  log_min_duration_statement: '1000',
};

/** Deletion protection unless the environment is dev, where clusters come and go. */
export function defaultDeletionProtection(environment: string): boolean {
  return environment !== 'dev';
}
