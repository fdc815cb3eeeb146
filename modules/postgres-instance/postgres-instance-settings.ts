import { ConnectionUrl, PerformanceInsightsSettings } from '../rds';
import { PostgresEngineVersion } from './engine-version';
import { PostgresStorage } from './storage';

/** The PostgreSQL logs RDS exports to CloudWatch Logs. */
export const POSTGRES_LOG_EXPORTS = ['postgresql', 'upgrade'] as const;
export type PostgresLogExport = (typeof POSTGRES_LOG_EXPORTS)[number];

/** Automated backups: how many days, when, and the explicit opt-out of having none. */
export interface PostgresBackups {
  /**
   * Days of automated backups, the point-in-time restore window: 1-35, or 0 (no automated backups, no
   * point-in-time restore, no read replicas) together with `acknowledgeNoBackups: true`.
   * @default 7
   */
  readonly retentionDays?: number;
  /**
   * The daily backup window, UTC (`hh24:mi-hh24:mi`, at least 30 minutes); not used with 0 days.
   * @default '02:00-03:00'
   */
  readonly preferredWindow?: string;
  /**
   * Says that `retentionDays: 0` is meant: without it, 0 is refused. Production still warns.
   * @default false
   */
  readonly acknowledgeNoBackups?: boolean;
}

/** RDS generates the master password, keeps it in a secret it manages and rotates it. */
export interface ManagedCredentials {
  readonly kind: 'managed';
  /**
   * Days between rotations, 1-365.
   * @default 7 (RDS's own schedule, made explicit)
   */
  readonly rotationDays?: number;
}

/**
 * Terraform generates the master password as an ephemeral value and writes it only through write-only
 * arguments: to the instance (`password_wo`) and to a KMS-encrypted secret of its own with the connection
 * details (engine, username, password, host, port, dbname, dbInstanceIdentifier, and optionally a ready `url`).
 */
export interface WriteOnlyCredentialsSettings {
  readonly kind: 'write-only';
  /**
   * The password's version: bump it to write a new password to the instance and the secret in one apply.
   * @default 1
   */
  readonly version?: number;
  /**
   * The secret's name (skillancer's applications read `skillancer/<env>/rds/credentials`).
   * @default '<instance identifier>/master'
   */
  readonly secretName?: string;
  /**
   * A ready connection URL under the secret's `url` key, the password URL-encoded.
   * @default - no `url` key
   */
  readonly url?: ConnectionUrl;
}

export type PostgresCredentials = ManagedCredentials | WriteOnlyCredentialsSettings;

/** Read replicas in the instance's own Region. */
export interface PostgresReadReplicas {
  /** How many, 0-5. */
  readonly count: number;
  /**
   * Their class.
   * @default - the primary's class
   */
  readonly instanceClass?: string;
  /**
   * Their Performance Insights.
   * @default - the primary's
   */
  readonly performanceInsights?: PerformanceInsightsSettings;
  /**
   * Their Enhanced Monitoring interval (0, 1, 5, 10, 15, 30 or 60 seconds).
   * @default - the primary's
   */
  readonly monitoringIntervalSeconds?: number;
}

/** Alarm thresholds; each one overrides the default documented in docs/postgres-instance.md. */
export interface PostgresInstanceAlarmThresholds {
  /** CPUUtilization above this percentage, 3 periods of 5 minutes. @default 80 */
  readonly cpuPercent: number;
  /** FreeStorageSpace below this percentage of the allocated storage, 1 period. @default 20 */
  readonly freeStoragePercent: number;
  /** DatabaseConnections above this percentage of max_connections, 2 periods. @default 80 */
  readonly connectionsPercentOfMax: number;
  /**
   * DatabaseConnections above this many instead of a percentage of max_connections.
   * @default - none: connectionsPercentOfMax applies
   */
  readonly connections?: number;
  /** FreeableMemory below this many MiB, 2 periods. @default 256 */
  readonly freeableMemoryMiB: number;
  /** ReadLatency above this many milliseconds, 3 periods. @default 20 */
  readonly readLatencyMs: number;
  /** WriteLatency above this many milliseconds, 3 periods. @default 50 */
  readonly writeLatencyMs: number;
  /** ReplicaLag (replicas only) above this many seconds, 3 periods. @default 60 */
  readonly replicaLagSeconds: number;
}

/**
 * The settings of an RDS for PostgreSQL instance that are plain data: what environments configure and what
 * validation checks (the module's props add the Region it is built in).
 */
export interface PostgresInstanceSettings {
  /** The instance class (`db.r6g.large`): one of `POSTGRES_INSTANCE_CLASSES`. */
  readonly instanceClass: string;
  /** gp3 storage: allocated and autoscaling sizes, optional IOPS and throughput. */
  readonly storage: PostgresStorage;
  /**
   * The engine version.
   * @default PostgresEngineVersion.V16_11
   */
  readonly engineVersion?: PostgresEngineVersion;
  /**
   * A standby in a second Availability Zone with automatic failover.
   * @default - the environment policy's `production` (on in prod, off elsewhere)
   */
  readonly multiAz?: boolean;
  /**
   * The database created with the instance.
   * @default - the system's name with `_` for `-` (`shop_pulse`)
   */
  readonly databaseName?: string;
  /**
   * The master user.
   * @default 'dbadmin'
   */
  readonly masterUsername?: string;
  /**
   * The port the instance listens on.
   * @default 5432
   */
  readonly port?: number;
  /**
   * Automated backups.
   * @default { retentionDays: 7, preferredWindow: '02:00-03:00' }
   */
  readonly backups?: PostgresBackups;
  /**
   * The weekly maintenance window, UTC (`ddd:hh24:mi-ddd:hh24:mi`, at least 30 minutes), apart from the backup window.
   * @default 'sun:04:00-sun:05:00'
   */
  readonly preferredMaintenanceWindow?: string;
  /**
   * Performance Insights, encrypted with the instance's key.
   * @default { enabled: true, retentionDays: 7 }
   */
  readonly performanceInsights?: PerformanceInsightsSettings;
  /**
   * Seconds between Enhanced Monitoring samples: 0 (off), 1, 5, 10, 15, 30 or 60.
   * @default 60
   */
  readonly monitoringIntervalSeconds?: number;
  /**
   * Logs exported to CloudWatch Logs (`/aws/rds/instance/<id>/<log>`).
   * @default ['postgresql', 'upgrade']
   */
  readonly logExports?: readonly PostgresLogExport[];
  /**
   * Days CloudWatch Logs keeps the exported logs.
   * @default - the environment policy's logRetentionDays (365 unless the environment sets it)
   */
  readonly logRetentionDays?: number;
  /**
   * IAM database authentication (tokens instead of passwords for users granted `rds_iam`).
   * @default false
   */
  readonly iamDatabaseAuthentication?: boolean;
  /**
   * Parameters over DataStack's (`rds.force_ssl=1`, `shared_preload_libraries=pg_stat_statements`,
   * `log_min_duration_statement=1000`); static ones are applied at the next reboot.
   * @default - DataStack's parameters only
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * How the master password is kept.
   * @default { kind: 'managed', rotationDays: 7 }
   */
  readonly credentials?: PostgresCredentials;
  /**
   * Read replicas in the same Region (they need automated backups and write-only credentials).
   * @default - none
   */
  readonly readReplicas?: PostgresReadReplicas;
  /**
   * Alarm thresholds overriding the defaults.
   * @default - the defaults of `PostgresInstanceAlarmThresholds`
   */
  readonly alarmThresholds?: Partial<PostgresInstanceAlarmThresholds>;
}
