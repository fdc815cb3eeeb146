/**
 * AWS Backup Vault Lock: recovery points in the vault cannot be deleted (or kept) outside the retention range.
 * Governance mode can be removed by principals with the right IAM permissions; compliance mode becomes
 * immutable after `changeableForDays`: nobody, not the account root nor AWS, can remove it or delete the
 * vault before every recovery point has expired.
 */
export interface BackupVaultLockSettings {
  /** `governance` (removable with IAM permissions) or `compliance` (immutable after the grace period). */
  readonly mode: 'governance' | 'compliance';
  /** The shortest retention a recovery point may have, 1-36500 days. */
  readonly minRetentionDays: number;
  /**
   * The longest retention a recovery point may have, 1-36500 days.
   * @default - no maximum
   */
  readonly maxRetentionDays?: number;
  /**
   * Compliance mode only: days during which the lock can still be changed or removed, at least 3.
   * @default 3
   */
  readonly changeableForDays?: number;
}

/** The monthly backup kept for the long term. */
export interface MonthlyBackupSettings {
  /** Days each monthly backup (and its copy) is kept, 1-36500. */
  readonly retentionDays: number;
  /**
   * When it runs: an AWS Backup cron expression, UTC.
   * @default 'cron(0 7 1 * ? *)' (07:00 UTC on the 1st)
   */
  readonly schedule?: string;
}

/** The plain-data settings of a system's AWS Backup plan: what environments configure. */
export interface BackupSettings {
  /**
   * Days each daily backup (and its copy) is kept, 1-36500.
   * @default 35
   */
  readonly dailyRetentionDays?: number;
  /**
   * When the daily backup runs: an AWS Backup cron expression, UTC.
   * @default 'cron(0 5 * * ? *)' (05:00 UTC, after the databases' own 02:00-03:00 backup window)
   */
  readonly dailySchedule?: string;
  /**
   * A monthly backup kept longer (the long-term, on-demand-style backups).
   * @default - none
   */
  readonly monthly?: MonthlyBackupSettings;
  /**
   * Vault Lock on every vault of the plan.
   * @default - no lock
   */
  readonly vaultLock?: BackupVaultLockSettings;
}
