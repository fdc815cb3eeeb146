// Defaults in one place: docs/backup.md quotes this table (a test compares the two).

export const BACKUP_DEFAULTS = {
  dailyRetentionDays: 35,
  dailySchedule: 'cron(0 5 * * ? *)',
  monthlySchedule: 'cron(0 7 1 * ? *)',
  vaultLockChangeableForDays: 3,
} as const;

/** AWS Backup keeps a recovery point at most 100 years. */
export const MAX_BACKUP_RETENTION_DAYS = 36500;

/** Compliance-mode Vault Lock needs a grace period of at least 3 days. */
export const MIN_VAULT_LOCK_CHANGEABLE_DAYS = 3;
