import { logRetentionRule } from '../logs';
import { databaseNameRule, masterUsernameRule, monitoringIntervalRule, performanceInsightsRetentionRule } from '../rds';
import { describeValue, integerInRange, matches, minNotAboveMax, numberInRange, oneOf, ValidationRule } from '../validation';
import { rdsWindowRules } from '../windows';
import {
  AURORA_STORAGE_TYPES,
  AuroraCapacity,
  AuroraClusterSettings,
  AuroraGlobalDatabaseSettings,
  AuroraReaderAutoscalingSettings,
  DATABASE_INSIGHTS_MODES,
  ENGINE_LIFECYCLE_SUPPORT,
  RDS_CA_CERTIFICATE_IDENTIFIERS,
  ReaderAutoscalingMetric,
} from './aurora-settings';
import { AURORA_DEFAULTS } from './defaults';
import { AURORA_INSTANCE_CLASSES, auroraInstanceClasses, isBurstableInstanceClass, isKnownInstanceClass, SERVERLESS_INSTANCE_CLASS } from './instance-classes';
import { AURORA_READER_AUTOSCALING_DEFAULTS, READER_AUTOSCALING_METRICS } from './reader-autoscaling';

// Every Aurora setting's rule, written once. Rules check the values given (defaults are valid by
// construction, and a test checks that too); components run them on configuration with the setting's full
// path before any stack exists, and the constructors run them on their props.

/** The shortest Performance Insights retention Database Insights' advanced mode accepts (15 months). */
export const ADVANCED_INSIGHTS_MIN_RETENTION_DAYS = 465;

/** An Aurora cluster holds up to 16 instances: one writer and 15 readers, or a secondary's 16 readers. */
export const MAX_INSTANCES_PER_CLUSTER = 16;

/**
 * Rules for a cluster's instances. `allowHeadless` admits 0 instances (a Global Database secondary);
 * a primary or single-Region cluster needs its writer.
 */
export function auroraCapacityRules(
  setting: string,
  capacity: AuroraCapacity,
  options: { readonly allowHeadless: boolean; readonly region?: string },
): ValidationRule[] {
  const rules: ValidationRule[] = [
    integerInRange(`${setting}.instanceCount`, capacity.instanceCount, options.allowHeadless ? 0 : 1, MAX_INSTANCES_PER_CLUSTER),
    instanceClassRule(`${setting}.instanceClass`, capacity.instanceClass),
    ...instancesRules(setting, capacity, options.region),
  ];
  const serverless = capacity.serverlessV2;
  const classes = auroraInstanceClasses(capacity);
  const anyServerless = capacity.instanceClass === SERVERLESS_INSTANCE_CLASS || classes.includes(SERVERLESS_INSTANCE_CLASS);
  if (anyServerless) {
    rules.push({
      condition: serverless !== undefined,
      message: `${setting}.serverlessV2 must be set ({ minCapacity, maxCapacity }) when an instance is "${SERVERLESS_INSTANCE_CLASS}", got nothing`,
    });
  } else if (serverless !== undefined) {
    rules.push({
      condition: false,
      message: `${setting}.serverlessV2 must be left out unless an instance is "${SERVERLESS_INSTANCE_CLASS}" (instanceClass is ${describeValue(capacity.instanceClass)}), got ${describeValue(serverless)}`,
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
  if (capacity.readerAutoscaling !== undefined) {
    rules.push(...readerAutoscalingRules(`${setting}.readerAutoscaling`, capacity.readerAutoscaling, capacity.instanceCount, options.allowHeadless));
  }
  return rules;
}

function instanceClassRule(setting: string, instanceClass: string): ValidationRule {
  return {
    condition: typeof instanceClass === 'string' && isKnownInstanceClass(instanceClass),
    message: `${setting} must be a known Aurora PostgreSQL instance class (${AURORA_INSTANCE_CLASSES.join(', ')}), got ${describeValue(instanceClass)}`,
  };
}

/** An Availability Zone name: the Region's name and a letter (`eu-west-2a`). */
const AVAILABILITY_ZONE = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;

/** Rules for the per-instance settings: no more entries than instances, each value one AWS accepts. */
function instancesRules(setting: string, capacity: AuroraCapacity, region: string | undefined): ValidationRule[] {
  const instances = capacity.instances;
  if (instances === undefined) return [];
  const rules: ValidationRule[] = [
    {
      condition: Array.isArray(instances) && instances.length <= Math.max(0, capacity.instanceCount),
      message: `${setting}.instances must have at most instanceCount (${capacity.instanceCount}) entries, one per instance, got ${Array.isArray(instances) ? instances.length : describeValue(instances)}`,
    },
  ];
  if (!Array.isArray(instances)) return rules;
  instances.forEach((instance, index) => {
    const path = `${setting}.instances[${index}]`;
    rules.push(
      ...given(instance.instanceClass, (value) => instanceClassRule(`${path}.instanceClass`, value)),
      ...given(instance.promotionTier, (value) => integerInRange(`${path}.promotionTier`, value, 0, 15)),
      ...given(instance.availabilityZone, (value) => ({
        condition: typeof value === 'string' && AVAILABILITY_ZONE.test(value) && (region === undefined || value.slice(0, -1) === region),
        message: `${path}.availabilityZone must be an Availability Zone of ${region ?? "the cluster's Region"} (${region ?? '<region>'}a, ${region ?? '<region>'}b, ...), got ${describeValue(value)}`,
      })),
    );
  });
  return rules;
}

/**
 * Rules for reader autoscaling. The readers Terraform makes count towards the bounds: a writer cluster's
 * `instanceCount - 1`, a secondary's `instanceCount` (all its instances read).
 */
function readerAutoscalingRules(setting: string, autoscaling: AuroraReaderAutoscalingSettings, instanceCount: number, secondary: boolean): ValidationRule[] {
  const terraformReaders = secondary ? instanceCount : instanceCount - 1;
  const metric = autoscaling.metric ?? AURORA_READER_AUTOSCALING_DEFAULTS.metric;
  const rules: ValidationRule[] = [
    integerInRange(`${setting}.minReaders`, autoscaling.minReaders, 0, MAX_INSTANCES_PER_CLUSTER - 1),
    integerInRange(`${setting}.maxReaders`, autoscaling.maxReaders, 1, MAX_INSTANCES_PER_CLUSTER - 1),
    minNotAboveMax(`${setting}.minReaders`, autoscaling.minReaders, `${setting}.maxReaders`, autoscaling.maxReaders),
    {
      condition: instanceCount >= 1,
      message: `${setting} must be left out of a headless cluster (instanceCount 0: AWS scales only a cluster with an available instance), got ${describeValue(autoscaling)}`,
    },
    {
      condition: !(autoscaling.maxReaders < terraformReaders),
      message: `${setting}.maxReaders must be at least the ${terraformReaders} readers Terraform makes (instanceCount ${instanceCount}; AWS counts them and removes only the readers it added), got ${describeValue(autoscaling.maxReaders)}`,
    },
    oneOf(`${setting}.metric`, metric, Object.keys(READER_AUTOSCALING_METRICS) as ReaderAutoscalingMetric[]),
  ];
  if (autoscaling.targetValue !== undefined) {
    rules.push(
      metric === 'connections'
        ? integerInRange(`${setting}.targetValue`, autoscaling.targetValue, 1, 262143)
        : numberInRange(`${setting}.targetValue`, autoscaling.targetValue, 1, 100),
    );
  }
  for (const name of ['scaleInCooldownSeconds', 'scaleOutCooldownSeconds'] as const) {
    const value = autoscaling[name];
    if (value !== undefined) rules.push(integerInRange(`${setting}.${name}`, value, 0, 86400));
  }
  return rules;
}

function given<T>(value: T | undefined, rule: (value: T) => ValidationRule): ValidationRule[] {
  return value === undefined ? [] : [rule(value)];
}

/** Rules for a cluster's plain-data settings (version, backups, windows, monitoring, thresholds). */
export function auroraClusterSettingsRules(setting: string, settings: AuroraClusterSettings, capacities: readonly AuroraCapacity[] = []): ValidationRule[] {
  const engineVersion = settings.engineVersion ?? AURORA_DEFAULTS.engineVersion;
  const rules: ValidationRule[] = [
    ...given(settings.databaseName, (value) => databaseNameRule(`${setting}.databaseName`, value)),
    ...given(settings.masterUsername, (value) => masterUsernameRule(`${setting}.masterUsername`, value)),
    ...given(settings.engineVersion, (value) =>
      matches(`${setting}.engineVersion`, value.fullVersion, /^\d+\.\d+$/, 'an Aurora PostgreSQL version <major>.<minor> such as "16.8"'),
    ),
    ...given(settings.backupRetentionDays, (value) => integerInRange(`${setting}.backupRetentionDays`, value, 1, 35)),
    ...given(settings.port, (value) => integerInRange(`${setting}.port`, value, 1150, 65535)),
    ...given(settings.logRetentionDays, (value) => logRetentionRule(`${setting}.logRetentionDays`, value)),
    ...given(settings.monitoringIntervalSeconds, (value) => monitoringIntervalRule(`${setting}.monitoringIntervalSeconds`, value)),
    ...given(settings.managedPasswordRotationDays, (value) => integerInRange(`${setting}.managedPasswordRotationDays`, value, 1, 365)),
    ...rdsWindowRules({
      backup: {
        setting: `${setting}.preferredBackupWindow`,
        window: settings.preferredBackupWindow ?? AURORA_DEFAULTS.preferredBackupWindow,
        label: 'preferredBackupWindow',
      },
      maintenance: { setting: `${setting}.preferredMaintenanceWindow`, window: settings.preferredMaintenanceWindow ?? AURORA_DEFAULTS.preferredMaintenanceWindow },
    }),
  ];
  const performanceInsights = settings.performanceInsights;
  if (performanceInsights?.enabled) {
    rules.push(performanceInsightsRetentionRule(`${setting}.performanceInsights.retentionDays`, performanceInsights.retentionDays));
  }
  rules.push(
    ...given(settings.storageType, (value) => oneOf(`${setting}.storageType`, value, AURORA_STORAGE_TYPES)),
    ...given(settings.caCertificateIdentifier, (value) => oneOf(`${setting}.caCertificateIdentifier`, value, RDS_CA_CERTIFICATE_IDENTIFIERS)),
    ...given(settings.engineLifecycleSupport, (value) => oneOf(`${setting}.engineLifecycleSupport`, value, ENGINE_LIFECYCLE_SUPPORT)),
    ...insightsRules(setting, settings),
  );
  if (capacities.some((capacity) => capacity.serverlessV2?.minCapacity === 0)) {
    rules.push({
      condition: engineVersion.supportsAutoPause,
      message: `${setting}.engineVersion must be 13.15+, 14.12+, 15.7+, 16.3+ or 17+ for Serverless v2 minCapacity 0 (auto-pause), got ${describeValue(engineVersion.fullVersion)}`,
    });
  }
  if (settings.enableDataApi === true) {
    rules.push({
      condition: engineVersion.supportsDataApi,
      message: `${setting}.enableDataApi needs Aurora PostgreSQL 13.11+, 14.8+, 15.3+, 16.1+ or 17.4+ (the versions the RDS Data API supports), got engineVersion ${describeValue(engineVersion.fullVersion)}`,
    });
    for (const capacity of capacities) {
      rules.push({
        condition: !isBurstableInstanceClass(capacity.instanceClass),
        message: `${setting}.enableDataApi needs Serverless v2 or a provisioned class other than T (the RDS Data API does not run on burstable classes), got instanceClass ${describeValue(capacity.instanceClass)}`,
      });
    }
  }
  const thresholds = settings.alarmThresholds ?? {};
  const percent = (name: 'cpuPercent' | 'connectionsPercentOfMax' | 'freeableMemoryPercent' | 'acuUtilizationPercent') =>
    given(thresholds[name], (value) => numberInRange(`${setting}.alarmThresholds.${name}`, value, 1, 100));
  const positive = (name: 'readLatencySeconds' | 'writeLatencySeconds' | 'replicationLagMilliseconds' | 'volumeBytesUsedGib') =>
    given(thresholds[name], (value) => ({
      condition: typeof value === 'number' && value > 0,
      message: `${setting}.alarmThresholds.${name} must be a number above 0, got ${describeValue(value)}`,
    }));
  rules.push(
    ...percent('cpuPercent'),
    ...percent('connectionsPercentOfMax'),
    ...percent('freeableMemoryPercent'),
    ...percent('acuUtilizationPercent'),
    ...positive('readLatencySeconds'),
    ...positive('writeLatencySeconds'),
    ...positive('replicationLagMilliseconds'),
    ...positive('volumeBytesUsedGib'),
  );
  return rules;
}

/** Database Insights: advanced mode needs Performance Insights kept 15 months or more, set on the cluster. */
function insightsRules(setting: string, settings: AuroraClusterSettings): ValidationRule[] {
  const mode = settings.databaseInsightsMode;
  if (mode === undefined) return [];
  const modeRule = oneOf(`${setting}.databaseInsightsMode`, mode, DATABASE_INSIGHTS_MODES);
  if (mode !== 'advanced') return [modeRule];
  const performanceInsights = settings.performanceInsights ?? AURORA_DEFAULTS.performanceInsights;
  return [
    {
      condition: performanceInsights.enabled && performanceInsights.retentionDays >= ADVANCED_INSIGHTS_MIN_RETENTION_DAYS,
      message: `${setting}.performanceInsights must be enabled with retentionDays ${ADVANCED_INSIGHTS_MIN_RETENTION_DAYS} or more (15 months) for databaseInsightsMode "advanced", got ${describeValue(performanceInsights)}`,
    },
    {
      condition: settings.clusterLevelMonitoring !== false,
      message: `${setting}.clusterLevelMonitoring must be true or left out for databaseInsightsMode "advanced" (the mode is set on the cluster with its Performance Insights), got false`,
    },
  ];
}

/** Rules for a single-Region cluster: its settings and its capacity. */
export function auroraRegionalClusterRules(setting: string, settings: AuroraClusterSettings & AuroraCapacity, region?: string): ValidationRule[] {
  return [...auroraCapacityRules(setting, settings, { allowHeadless: false, region }), ...auroraClusterSettingsRules(setting, settings, [settings])];
}

/** Rules for a Global Database's plain-data settings: shared settings, each Region's capacity, the password version. */
export function auroraGlobalDatabaseRules(
  setting: string,
  settings: AuroraGlobalDatabaseSettings,
  regions: { readonly primary?: string; readonly secondary?: string } = {},
): ValidationRule[] {
  const capacities = [settings.primary, ...(settings.secondary ? [settings.secondary] : [])];
  return [
    ...auroraClusterSettingsRules(setting, settings, capacities),
    ...auroraCapacityRules(`${setting}.primary`, settings.primary, { allowHeadless: false, region: regions.primary }),
    ...(settings.secondary ? auroraCapacityRules(`${setting}.secondary`, settings.secondary, { allowHeadless: true, region: regions.secondary }) : []),
    ...given(settings.masterPasswordVersion, (value) => integerInRange(`${setting}.masterPasswordVersion`, value, 1, 1_000_000)),
    ...given(settings.globalWriteForwarding, (value) => ({
      condition: typeof value === 'boolean' && (value === false || settings.secondary !== undefined),
      message:
        typeof value === 'boolean'
          ? `${setting}.globalWriteForwarding must be left out or false without a secondary (it is the secondary that forwards writes), got true`
          : `${setting}.globalWriteForwarding must be true or false, got ${describeValue(value)}`,
    })),
    {
      condition: settings.managedPasswordRotationDays === undefined,
      message: `${setting}.managedPasswordRotationDays must be left out for a Global Database (RDS-managed passwords are not supported there; bump masterPasswordVersion to rotate), got ${describeValue(settings.managedPasswordRotationDays)}`,
    },
  ];
}
