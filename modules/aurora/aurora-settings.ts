import { PerformanceInsightsSettings } from '../rds';
import { AuroraPostgresEngineVersion } from './engine-version';

/** Serverless v2 scaling of a cluster whose instances are `db.serverless`. */
export interface AuroraServerlessV2Scaling {
  /**
   * The capacity instances never scale below, in ACU (0.5 steps); 0 lets idle instances pause.
   * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.setting-capacity.html
   */
  readonly minCapacity: number;
  /** The capacity instances never scale above, in ACU (1-256, 0.5 steps). */
  readonly maxCapacity: number;
  /**
   * Seconds without connections before an instance at 0 ACU pauses (300-86400); only with `minCapacity: 0`.
   * @default - AWS's default, 300
   */
  readonly secondsUntilAutoPause?: number;
}

/** What reader autoscaling tracks: the readers' average CPU, or their average connections. */
export type ReaderAutoscalingMetric = 'cpu' | 'connections';

/**
 * Aurora Auto Scaling of a cluster's readers (Application Auto Scaling, `rds:cluster:ReadReplicaCount`).
 * The bounds count every reader of the cluster, those Terraform makes (`instanceCount` minus the writer)
 * included; AWS adds readers above them and removes only the readers it added.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Integrating.AutoScaling.html
 */
export interface AuroraReaderAutoscalingSettings {
  /** The fewest readers the cluster keeps (0-15). */
  readonly minReaders: number;
  /** The most readers the cluster may have (1-15, at least the readers Terraform makes). */
  readonly maxReaders: number;
  /**
   * The metric tracked.
   * @default 'cpu'
   */
  readonly metric?: ReaderAutoscalingMetric;
  /**
   * The value the metric is kept at: a CPU percentage (1-100) or connections per reader.
   * @default - 70 (CPU %), or 700 connections
   */
  readonly targetValue?: number;
  /**
   * Seconds after a scale-in before another (0-86400).
   * @default 300
   */
  readonly scaleInCooldownSeconds?: number;
  /**
   * Seconds after a scale-out before another (0-86400).
   * @default 300
   */
  readonly scaleOutCooldownSeconds?: number;
}

/** What one instance changes from the cluster's capacity (instance `n` of the list is the cluster's instance `n`). */
export interface AuroraInstanceSettings {
  /**
   * The instance's class, e.g. a provisioned writer with `db.serverless` readers.
   * @default - the capacity's instanceClass
   */
  readonly instanceClass?: string;
  /**
   * The failover priority, 0 (first promoted) to 15.
   * @default 0 (the provider's default)
   */
  readonly promotionTier?: number;
  /**
   * The Availability Zone, in the cluster's Region (`eu-west-2a`).
   * @default - one AWS chooses among the subnet group's
   */
  readonly availabilityZone?: string;
}

/** How many instances a cluster runs and of which class. */
export interface AuroraCapacity {
  /** Instances in the cluster: a writer plus readers (a secondary's are all readers; 0 keeps it headless). */
  readonly instanceCount: number;
  /** The instance class (`db.r6g.large`), or `db.serverless` for Serverless v2. */
  readonly instanceClass: string;
  /**
   * Per-instance settings: entry `n - 1` applies to instance `n` (the first instance is the writer of a
   * primary or single-Region cluster); at most `instanceCount` entries, `{}` for an instance that keeps the defaults.
   * @default - every instance of `instanceClass`, promotion tier 0, an AZ AWS chooses
   */
  readonly instances?: readonly AuroraInstanceSettings[];
  /**
   * Serverless v2 scaling; required when any instance is `db.serverless`, refused otherwise.
   * @default - none (provisioned instances)
   */
  readonly serverlessV2?: AuroraServerlessV2Scaling;
  /**
   * Readers added and removed by Aurora Auto Scaling on top of the instances Terraform makes.
   * @default - none: the cluster has `instanceCount` instances
   */
  readonly readerAutoscaling?: AuroraReaderAutoscalingSettings;
}

/** Performance Insights: off, or on with a retention AWS accepts. */
export type AuroraPerformanceInsights = PerformanceInsightsSettings;

/** Cluster storage: Aurora Standard (`aurora`, I/O billed per request) or I/O-Optimized (`aurora-iopt1`, no I/O charges). */
export const AURORA_STORAGE_TYPES = ['aurora', 'aurora-iopt1'] as const;
export type AuroraStorageType = (typeof AURORA_STORAGE_TYPES)[number];

/** CloudWatch Database Insights: `standard` (free, Performance Insights' own retention) or `advanced` (fleet view, lock and plan analysis). */
export const DATABASE_INSIGHTS_MODES = ['standard', 'advanced'] as const;
export type DatabaseInsightsMode = (typeof DATABASE_INSIGHTS_MODES)[number];

/** The CAs an instance's server certificate may be signed by (the expired rds-ca-2019 is not offered). */
export const RDS_CA_CERTIFICATE_IDENTIFIERS = ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'] as const;
export type RdsCaCertificateIdentifier = (typeof RDS_CA_CERTIFICATE_IDENTIFIERS)[number];

/** RDS Extended Support: enrolled (charged after the major version's end of standard support) or not. */
export const ENGINE_LIFECYCLE_SUPPORT = ['open-source-rds-extended-support', 'open-source-rds-extended-support-disabled'] as const;
export type EngineLifecycleSupport = (typeof ENGINE_LIFECYCLE_SUPPORT)[number];

/** Alarm thresholds; each one overrides the default documented in docs/aurora.md. */
export interface AuroraAlarmThresholds {
  /** CPUUtilization above this percentage. @default 80 */
  readonly cpuPercent: number;
  /** DatabaseConnections above this percentage of the instance's default max_connections. @default 80 */
  readonly connectionsPercentOfMax: number;
  /** ReadLatency above this many seconds. @default 0.2 */
  readonly readLatencySeconds: number;
  /** WriteLatency above this many seconds. @default 0.2 */
  readonly writeLatencySeconds: number;
  /** FreeableMemory below this percentage of the instance's memory. @default 10 */
  readonly freeableMemoryPercent: number;
  /** AuroraGlobalDBReplicationLag (secondary clusters) above this many milliseconds. @default 1000 */
  readonly replicationLagMilliseconds: number;
  /** ACUUtilization (Serverless v2 clusters) above this percentage of maxCapacity. @default 90 */
  readonly acuUtilizationPercent: number;
  /**
   * VolumeBytesUsed (the cluster's storage, which grows on its own and is billed per GB-month) above this many
   * GiB: a cost guard, with info severity.
   * @default - no storage alarm
   */
  readonly volumeBytesUsedGib?: number;
}

/**
 * The settings of an Aurora PostgreSQL cluster that are plain data: what environments configure and
 * what validation checks (the module's props add the resources it is placed among).
 */
export interface AuroraClusterSettings {
  /**
   * The database created with the cluster.
   * @default - the system's name with `_` for `-` (`gaming_platform`)
   */
  readonly databaseName?: string;
  /**
   * The master user.
   * @default 'dbadmin'
   */
  readonly masterUsername?: string;
  /**
   * The port the cluster listens on.
   * @default 5432
   */
  readonly port?: number;
  /**
   * The engine version.
   * @default AuroraPostgresEngineVersion.V16_8 (the PostgreSQL 16 LTS minor)
   */
  readonly engineVersion?: AuroraPostgresEngineVersion;
  /**
   * Days of automated backups, the point-in-time restore window.
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * The daily backup window, UTC (`hh24:mi-hh24:mi`, at least 30 minutes).
   * @default '02:00-03:00'
   */
  readonly preferredBackupWindow?: string;
  /**
   * The weekly maintenance window, UTC (`ddd:hh24:mi-ddd:hh24:mi`, at least 30 minutes), apart from the backup window.
   * @default 'sun:04:00-sun:05:00'
   */
  readonly preferredMaintenanceWindow?: string;
  /**
   * Performance Insights on every instance, encrypted with the cluster's key.
   * @default { enabled: true, retentionDays: 7 }
   */
  readonly performanceInsights?: AuroraPerformanceInsights;
  /**
   * Seconds between Enhanced Monitoring samples: 0 (off), 1, 5, 10, 15, 30 or 60.
   * @default 60
   */
  readonly monitoringIntervalSeconds?: number;
  /**
   * Performance Insights and Enhanced Monitoring set on the cluster too (the instances keep the same values,
   * as Database Insights requires), so the cluster, not each instance, owns them.
   * @default - true with databaseInsightsMode 'advanced', false otherwise
   */
  readonly clusterLevelMonitoring?: boolean;
  /**
   * The Database Insights mode; 'advanced' needs Performance Insights kept 465 days or more.
   * @default 'standard'
   */
  readonly databaseInsightsMode?: DatabaseInsightsMode;
  /**
   * The storage configuration: 'aurora' (Standard) or 'aurora-iopt1' (I/O-Optimized); see docs/aurora.md for when it pays.
   * @default 'aurora'
   */
  readonly storageType?: AuroraStorageType;
  /**
   * The CA that signs every instance's server certificate.
   * @default 'rds-ca-rsa2048-g1'
   */
  readonly caCertificateIdentifier?: RdsCaCertificateIdentifier;
  /**
   * RDS Extended Support enrolment, set when the cluster is created or restored (AWS does not change it later).
   * @default 'open-source-rds-extended-support-disabled'
   */
  readonly engineLifecycleSupport?: EngineLifecycleSupport;
  /**
   * Days CloudWatch Logs keeps the exported PostgreSQL log (`/aws/rds/cluster/<id>/postgresql`).
   * @default - the environment policy's logRetentionDays (365 unless the environment sets it)
   */
  readonly logRetentionDays?: number;
  /**
   * IAM database authentication (tokens instead of passwords for users granted `rds_iam`).
   * @default false
   */
  readonly iamDatabaseAuthentication?: boolean;
  /**
   * The RDS Data API (`enable_http_endpoint`): SQL over HTTPS with IAM and the master secret, no connection
   * to manage (ad hoc queries, the Query Editor). Aurora PostgreSQL 13.11+, 14.8+, 15.3+, 16.1+ and 17.4+,
   * on Serverless v2 or provisioned instances other than the burstable T classes.
   * @default false
   * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/data-api.limitations.html
   */
  readonly enableDataApi?: boolean;
  /**
   * Parameters of the cluster parameter group, over DataStack's (`rds.force_ssl`, `shared_preload_libraries`,
   * `log_min_duration_statement`).
   * @default - DataStack's parameters only
   */
  readonly clusterParameters?: Readonly<Record<string, string>>;
  /**
   * Parameters of the instances' parameter group.
   * @default - none (the family's defaults)
   */
  readonly instanceParameters?: Readonly<Record<string, string>>;
  /**
   * Days between rotations of the RDS-managed master password; single-Region clusters only (a Global
   * Database's password is rotated by bumping masterPasswordVersion).
   * @default 7 (RDS's own schedule, made explicit)
   */
  readonly managedPasswordRotationDays?: number;
  /**
   * Alarm thresholds overriding the defaults.
   * @default - the defaults of `AuroraAlarmThresholds`
   */
  readonly alarmThresholds?: Partial<AuroraAlarmThresholds>;
}

/** The plain-data settings of a Global Database: shared settings plus each Region's capacity. */
export interface AuroraGlobalDatabaseSettings extends AuroraClusterSettings {
  /** The primary Region's cluster. */
  readonly primary: AuroraCapacity;
  /**
   * The secondary Region's cluster (0 instances keeps it headless).
   * @default - no secondary
   */
  readonly secondary?: AuroraCapacity;
  /**
   * The master password's version; bump it to rotate the password (see docs/aurora.md).
   * @default 1
   */
  readonly masterPasswordVersion?: number;
  /**
   * Write forwarding on the secondary: it accepts writes and forwards them to the primary, so applications in
   * its Region need no second connection (see docs/aurora.md for consistency and cost).
   * @default false
   */
  readonly globalWriteForwarding?: boolean;
}
