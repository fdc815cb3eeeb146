import { logRetentionRule } from '../logs';
import { describeValue, integerInRange, matches, minNotAboveMax, numberInRange, oneOf, ValidationRule } from '../validation';
import { AuroraCapacity, AuroraClusterSettings, AuroraGlobalDatabaseSettings } from './aurora-settings';
import { AURORA_DEFAULTS } from './defaults';
import { AURORA_INSTANCE_CLASSES, isKnownInstanceClass, SERVERLESS_INSTANCE_CLASS } from './instance-classes';
import { parseBackupWindow, parseMaintenanceWindow, windowMinutes, windowsOverlap } from './maintenance-windows';

// The ranges AWS accepts, written once: the module runs these rules on its props (setting `aurora`),
// the environment validators on their configuration (setting `<system>.environments.<env>.aurora`).

/** An Aurora cluster holds up to 16 instances: one writer and 15 readers, or a secondary's 16 readers. */
export const MAX_INSTANCES_PER_CLUSTER = 16;

/** Performance Insights keeps 7 days (free tier), a whole number of 31-day months up to 23, or 731 days. */
export function isPerformanceInsightsRetention(days: number): boolean {
  return days === 7 || days === 731 || (Number.isInteger(days) && days % 31 === 0 && days >= 31 && days <= 713);
}

export const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60] as const;

/**
 * Rules for a cluster's instances. `allowHeadless` admits 0 instances (a Global Database secondary);
 * a primary or single-Region cluster needs its writer.
 */
export function auroraCapacityRules(setting: string, capacity: AuroraCapacity, options: { readonly allowHeadless: boolean }): ValidationRule[] {
  const rules: ValidationRule[] = [
    integerInRange(`${setting}.instanceCount`, capacity.instanceCount, options.allowHeadless ? 0 : 1, MAX_INSTANCES_PER_CLUSTER),
    {
      condition: typeof capacity.instanceClass === 'string' && isKnownInstanceClass(capacity.instanceClass),
      message: `${setting}.instanceClass must be a known Aurora PostgreSQL instance class (${AURORA_INSTANCE_CLASSES.join(', ')}), got ${describeValue(capacity.instanceClass)}`,
    },
  ];
  const serverless = capacity.serverlessV2;
  if (capacity.instanceClass === SERVERLESS_INSTANCE_CLASS) {
    rules.push({
      condition: serverless !== undefined,
      message: `${setting}.serverlessV2 must be set ({ minCapacity, maxCapacity }) when instanceClass is "${SERVERLESS_INSTANCE_CLASS}", got nothing`,
    });
  } else if (serverless !== undefined) {
    rules.push({
      condition: false,
      message: `${setting}.serverlessV2 must be left out unless instanceClass is "${SERVERLESS_INSTANCE_CLASS}" (instanceClass is ${describeValue(capacity.instanceClass)}), got ${describeValue(serverless)}`,
    });
  }
  if (serverless !== undefined) {
    rules.push(
      numberInRange(`${setting}.serverlessV2.minCapacity`, serverless.minCapacity, 0, 256, 0.5),
      numberInRange(`${setting}.serverlessV2.maxCapacity`, serverless.maxCapacity, 1, 256, 0.5),
      minNotAboveMax(`${setting}.serverlessV2.minCapacity`, serverless.minCapacity, `${setting}.serverlessV2.maxCapacity`, serverless.maxCapacity),
    );
    if (serverless.secondsUntilAutoPause !== undefined) {
      rules.push(integerInRange(`${setting}.serverlessV2.secondsUntilAutoPause`, serverless.secondsUntilAutoPause, 300, 86400));
      rules.push({
        condition: serverless.minCapacity === 0,
        message: `${setting}.serverlessV2.secondsUntilAutoPause must be left out unless minCapacity is 0 (minCapacity is ${describeValue(serverless.minCapacity)}), got ${describeValue(serverless.secondsUntilAutoPause)}`,
      });
    }
  }
  return rules;
}

/** A PostgreSQL identifier RDS accepts for the database and master user names. */
function identifierRule(setting: string, value: string): ValidationRule {
  return matches(setting, value, /^[A-Za-z][A-Za-z0-9_]{0,62}$/, 'a letter followed by up to 62 letters, digits or underscores');
}

/** Rules for a cluster's plain-data settings (version, backups, windows, monitoring, thresholds). */
export function auroraClusterSettingsRules(setting: string, settings: AuroraClusterSettings, capacities: readonly AuroraCapacity[] = []): ValidationRule[] {
  const engineVersion = settings.engineVersion ?? AURORA_DEFAULTS.engineVersion;
  const backupWindowText = settings.preferredBackupWindow ?? AURORA_DEFAULTS.preferredBackupWindow;
  const maintenanceWindowText = settings.preferredMaintenanceWindow ?? AURORA_DEFAULTS.preferredMaintenanceWindow;
  const backupWindow = parseBackupWindow(backupWindowText);
  const maintenanceWindow = parseMaintenanceWindow(maintenanceWindowText);
  const rules: ValidationRule[] = [
    ...(settings.databaseName === undefined ? [] : [identifierRule(`${setting}.databaseName`, settings.databaseName)]),
    matches(`${setting}.engineVersion`, engineVersion.fullVersion, /^\d+\.\d+$/, 'an Aurora PostgreSQL version <major>.<minor> such as "16.8"'),
    integerInRange(`${setting}.backupRetentionDays`, settings.backupRetentionDays ?? AURORA_DEFAULTS.backupRetentionDays, 1, 35),
    {
      condition: backupWindow !== undefined && windowMinutes(backupWindow) >= 30,
      message: `${setting}.preferredBackupWindow must be hh24:mi-hh24:mi (UTC) lasting at least 30 minutes, got ${describeValue(backupWindowText)}`,
    },
    {
      condition: maintenanceWindow !== undefined && windowMinutes(maintenanceWindow) >= 30,
      message: `${setting}.preferredMaintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon-sun) lasting at least 30 minutes, got ${describeValue(maintenanceWindowText)}`,
    },
    integerInRange(`${setting}.port`, settings.port ?? AURORA_DEFAULTS.port, 1150, 65535),
    identifierRule(`${setting}.masterUsername`, settings.masterUsername ?? AURORA_DEFAULTS.masterUsername),
    logRetentionRule(`${setting}.logRetentionDays`, settings.logRetentionDays ?? AURORA_DEFAULTS.logRetentionDays),
    oneOf(`${setting}.monitoringIntervalSeconds`, settings.monitoringIntervalSeconds ?? AURORA_DEFAULTS.monitoringIntervalSeconds, MONITORING_INTERVALS as readonly number[]),
  ];
  if (backupWindow !== undefined && maintenanceWindow !== undefined) {
    rules.push({
      condition: !windowsOverlap(backupWindow, maintenanceWindow),
      message: `${setting}.preferredMaintenanceWindow must not overlap preferredBackupWindow (${backupWindowText} daily), got ${describeValue(maintenanceWindowText)}`,
    });
  }
  const performanceInsights = settings.performanceInsights ?? AURORA_DEFAULTS.performanceInsights;
  if (performanceInsights.enabled) {
    rules.push({
      condition: isPerformanceInsightsRetention(performanceInsights.retentionDays),
      message: `${setting}.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got ${describeValue(performanceInsights.retentionDays)}`,
    });
  }
  if (capacities.some((capacity) => capacity.serverlessV2?.minCapacity === 0)) {
    rules.push({
      condition: engineVersion.supportsAutoPause,
      message: `${setting}.engineVersion must be 13.15+, 14.12+, 15.7+, 16.3+ or 17+ for Serverless v2 minCapacity 0 (auto-pause), got ${describeValue(engineVersion.fullVersion)}`,
    });
  }
  const thresholds = settings.alarmThresholds ?? {};
  const percent = (name: 'cpuPercent' | 'connectionsPercentOfMax' | 'freeableMemoryPercent') =>
    thresholds[name] === undefined ? [] : [numberInRange(`${setting}.alarmThresholds.${name}`, thresholds[name], 1, 100)];
  const positive = (name: 'readLatencySeconds' | 'writeLatencySeconds' | 'replicationLagMilliseconds') =>
    thresholds[name] === undefined
      ? []
      : [{ condition: typeof thresholds[name] === 'number' && thresholds[name] > 0, message: `${setting}.alarmThresholds.${name} must be a number above 0, got ${describeValue(thresholds[name])}` }];
  rules.push(
    ...percent('cpuPercent'),
    ...percent('connectionsPercentOfMax'),
    ...percent('freeableMemoryPercent'),
    ...positive('readLatencySeconds'),
    ...positive('writeLatencySeconds'),
    ...positive('replicationLagMilliseconds'),
  );
  return rules;
}

/** The master password's version number: a positive integer, bumped to rotate. */
export function masterPasswordVersionRule(setting: string, version: number): ValidationRule {
  return integerInRange(setting, version, 1, 1_000_000);
}

/** Rules for a Global Database's plain-data settings: shared settings, each Region's capacity, the password version. */
export function auroraGlobalDatabaseRules(setting: string, settings: AuroraGlobalDatabaseSettings): ValidationRule[] {
  const capacities = [settings.primary, ...(settings.secondary ? [settings.secondary] : [])];
  return [
    ...auroraClusterSettingsRules(setting, settings, capacities),
    ...auroraCapacityRules(`${setting}.primary`, settings.primary, { allowHeadless: false }),
    ...(settings.secondary ? auroraCapacityRules(`${setting}.secondary`, settings.secondary, { allowHeadless: true }) : []),
    masterPasswordVersionRule(`${setting}.masterPasswordVersion`, settings.masterPasswordVersion ?? 1),
  ];
}
