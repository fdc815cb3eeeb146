import { describeValue, ValidationRule } from '../validation';
import { parseBackupWindow, parseMaintenanceWindow, windowMinutes, windowsOverlap } from './maintenance-windows';

/** RDS refuses windows shorter than this. */
export const MINIMUM_RDS_WINDOW_MINUTES = 30;

/** A window as configured: its setting path and its text. */
export interface ConfiguredWindow {
  /** The full setting path (`aurora.preferredBackupWindow`). */
  readonly setting: string;
  readonly window: string;
}

/**
 * The checks RDS makes of a database's windows, for Aurora clusters and RDS instances alike: a daily
 * backup window and a weekly maintenance window, each at least 30 minutes, sharing no minute on any day.
 * `backup` is left out when the database takes no automated backups (it then has no backup window).
 * `backupLabel` names the backup window in the overlap message (`preferredBackupWindow`).
 */
export function rdsWindowRules(windows: {
  readonly backup?: ConfiguredWindow & { readonly label: string };
  readonly maintenance: ConfiguredWindow;
}): ValidationRule[] {
  const { backup, maintenance } = windows;
  const maintenanceWindow = parseMaintenanceWindow(maintenance.window);
  const rules: ValidationRule[] = [];
  const backupWindow = backup === undefined ? undefined : parseBackupWindow(backup.window);
  if (backup !== undefined) {
    rules.push({
      condition: backupWindow !== undefined && windowMinutes(backupWindow) >= MINIMUM_RDS_WINDOW_MINUTES,
      message: `${backup.setting} must be hh24:mi-hh24:mi (UTC) lasting at least ${MINIMUM_RDS_WINDOW_MINUTES} minutes, got ${describeValue(backup.window)}`,
    });
  }
  rules.push({
    condition: maintenanceWindow !== undefined && windowMinutes(maintenanceWindow) >= MINIMUM_RDS_WINDOW_MINUTES,
    message: `${maintenance.setting} must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon-sun) lasting at least ${MINIMUM_RDS_WINDOW_MINUTES} minutes, got ${describeValue(maintenance.window)}`,
  });
  if (backup !== undefined && backupWindow !== undefined && maintenanceWindow !== undefined) {
    rules.push({
      condition: !windowsOverlap(backupWindow, maintenanceWindow),
      message: `${maintenance.setting} must not overlap ${backup.label} (${backup.window} daily), got ${describeValue(maintenance.window)}`,
    });
  }
  return rules;
}
