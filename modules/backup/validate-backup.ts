import { awsRegionRule } from '../regions';
import { describeValue, integerInRange, matches, ValidationRule } from '../validation';
import { BackupSettings } from './backup-settings';
import { BACKUP_DEFAULTS, MAX_BACKUP_RETENTION_DAYS, MIN_VAULT_LOCK_CHANGEABLE_DAYS } from './defaults';

// Every rule of a backup plan, written once: the component runs them on configuration with the setting's
// full path before any stack exists; the construct runs them on its props under `backup`.

/** An AWS Backup schedule: `cron(...)` with six fields (UTC unless a time zone is set). */
const CRON_EXPRESSION = /^cron\(\s*\S+(\s+\S+){5}\s*\)$/;

function given<T>(value: T | undefined, rules: (value: T) => ValidationRule[]): ValidationRule[] {
  return value === undefined ? [] : rules(value);
}

function scheduleRule(setting: string, value: string): ValidationRule {
  return matches(setting, value, CRON_EXPRESSION, 'an AWS Backup cron expression with six fields, such as "cron(0 5 * * ? *)"');
}

/** Where the plan runs and where it copies to. */
export interface BackupRegions {
  /** The Region of the plan, its vault and the protected resources. */
  readonly planRegion: string;
  /**
   * The Region copies go to.
   * @default - no copy
   */
  readonly copyRegion?: string;
}

/** The checks of a copy Region: a Region DataStack knows, and not the plan's own. */
export function backupCopyRegionRules(setting: string, regions: BackupRegions): ValidationRule[] {
  if (regions.copyRegion === undefined) return [];
  return [
    awsRegionRule(setting, regions.copyRegion),
    {
      condition: regions.copyRegion !== regions.planRegion,
      message: `${setting} must be a Region other than the plan's own (${regions.planRegion}): a copy in the same Region does not survive a Regional outage, got ${describeValue(regions.copyRegion)}`,
    },
  ];
}

/** The checks of a plan's plain-data settings. */
export function backupSettingsRules(setting: string, settings: BackupSettings): ValidationRule[] {
  const daily = settings.dailyRetentionDays ?? BACKUP_DEFAULTS.dailyRetentionDays;
  const rules: ValidationRule[] = [
    ...given(settings.dailyRetentionDays, (value) => [integerInRange(`${setting}.dailyRetentionDays`, value, 1, MAX_BACKUP_RETENTION_DAYS)]),
    ...given(settings.dailySchedule, (value) => [scheduleRule(`${setting}.dailySchedule`, value)]),
    ...given(settings.monthly, (monthly) => [
      integerInRange(`${setting}.monthly.retentionDays`, monthly.retentionDays, 1, MAX_BACKUP_RETENTION_DAYS),
      ...given(monthly.schedule, (value) => [scheduleRule(`${setting}.monthly.schedule`, value)]),
    ]),
  ];
  const lock = settings.vaultLock;
  if (lock !== undefined) {
    const lockSetting = `${setting}.vaultLock`;
    rules.push(
      {
        condition: lock.mode === 'governance' || lock.mode === 'compliance',
        message: `${lockSetting}.mode must be one of "governance", "compliance", got ${describeValue(lock.mode)}`,
      },
      integerInRange(`${lockSetting}.minRetentionDays`, lock.minRetentionDays, 1, MAX_BACKUP_RETENTION_DAYS),
      ...given(lock.maxRetentionDays, (value) => [
        integerInRange(`${lockSetting}.maxRetentionDays`, value, 1, MAX_BACKUP_RETENTION_DAYS),
        {
          condition: !(value < lock.minRetentionDays),
          message: `${lockSetting}.maxRetentionDays must be at least minRetentionDays (${lock.minRetentionDays}), got ${describeValue(value)}`,
        },
      ]),
      ...given(lock.changeableForDays, (value) =>
        lock.mode === 'compliance'
          ? [integerInRange(`${lockSetting}.changeableForDays`, value, MIN_VAULT_LOCK_CHANGEABLE_DAYS, MAX_BACKUP_RETENTION_DAYS)]
          : [{ condition: false, message: `${lockSetting}.changeableForDays must be left out in governance mode (it sets compliance mode's grace period), got ${describeValue(value)}` }],
      ),
    );
    // A locked vault refuses recovery points whose retention is outside its range: every rule must fit in it
    // (checked once the range itself is sound).
    if (lock.maxRetentionDays !== undefined && lock.maxRetentionDays < lock.minRetentionDays) return rules;
    const range = `${lock.minRetentionDays}-${lock.maxRetentionDays ?? MAX_BACKUP_RETENTION_DAYS}`;
    const fits = (days: number) => days >= lock.minRetentionDays && (lock.maxRetentionDays === undefined || days <= lock.maxRetentionDays);
    rules.push({
      condition: fits(daily),
      message: `${setting}.dailyRetentionDays must be within ${lockSetting}'s ${range} days (a locked vault refuses recovery points kept shorter or longer), got ${describeValue(daily)}`,
    });
    if (settings.monthly !== undefined) {
      rules.push({
        condition: fits(settings.monthly.retentionDays),
        message: `${setting}.monthly.retentionDays must be within ${lockSetting}'s ${range} days (a locked vault refuses recovery points kept shorter or longer), got ${describeValue(settings.monthly.retentionDays)}`,
      });
    }
  }
  return rules;
}
