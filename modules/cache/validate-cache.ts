import { parseBackupWindow, parseMaintenanceWindow, windowMinutes, windowsOverlap } from '../windows';
import { SECRET_NAME_LIMIT } from '../secrets';
import { describeValue, integerInRange, matches, nameRule, numberInRange, oneOf, ValidationRule } from '../validation';
import { CacheReplicationGroupSettings } from './cache-settings';
import { CACHE_DEFAULTS, DEFAULT_CACHE_PARAMETERS } from './defaults';
import { logRetentionRule } from '../logs';
import { CACHE_NODE_TYPES, DATA_TIERING_MAXMEMORY_POLICIES, isKnownCacheNodeType, usesDataTiering } from './node-types';
import { CacheEngineVersion } from './engine-version';
import { cacheUsersRules } from './cache-users';

// The ranges AWS accepts, written once: the module runs these rules on its props (setting `cache`), the
// environment validators on their configuration (`gaming-platform.environments.<env>.cache`).

/** Nodes in each shard: the primary plus its replicas. */
export function nodesPerShard(settings: CacheReplicationGroupSettings): number {
  return settings.shards === undefined
    ? settings.nodeCount ?? CACHE_DEFAULTS.nodeCount
    : (settings.replicasPerShard ?? CACHE_DEFAULTS.replicasPerShard) + 1;
}

/**
 * The most nodes (primaries and replicas) a cluster-mode-enabled replication group holds.
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Shards.html
 */
export const MAX_CLUSTER_MODE_NODES = 500;


/** Characters of `notify-keyspace-events` (K E g $ l s h z x e t m d n A). */
const KEYSPACE_EVENT_FLAGS = /^[KEg$lshzxetmdnA]+$/;

function topologyRules(setting: string, settings: CacheReplicationGroupSettings): ValidationRule[] {
  const clusterMode = settings.shards !== undefined;
  const rules: ValidationRule[] = [];
  if (clusterMode) {
    rules.push(integerInRange(`${setting}.shards`, settings.shards!, 1, 500));
    rules.push(integerInRange(`${setting}.replicasPerShard`, settings.replicasPerShard ?? CACHE_DEFAULTS.replicasPerShard, 0, 5));
    const replicas = settings.replicasPerShard ?? CACHE_DEFAULTS.replicasPerShard;
    const nodes = settings.shards! * (replicas + 1);
    // Checked once both counts are in their ranges (otherwise their own rules speak): 500 shards of a primary
    // alone, or 83 shards of a primary and 5 replicas. The nodes count, not the shards.
    const countsInRange = Number.isInteger(settings.shards) && settings.shards! >= 1 && settings.shards! <= 500 && Number.isInteger(replicas) && replicas >= 0 && replicas <= 5;
    rules.push({
      condition: !countsInRange || nodes <= MAX_CLUSTER_MODE_NODES,
      message: `${setting}.shards x (replicasPerShard + 1) must be at most ${MAX_CLUSTER_MODE_NODES} nodes (ElastiCache's limit for a cluster-mode group), got ${settings.shards} x ${replicas + 1} = ${nodes}`,
    });
    if (settings.nodeCount !== undefined) {
      rules.push({
        condition: false,
        message: `${setting}.nodeCount must be left out when shards is set (cluster mode enabled: use replicasPerShard), got ${describeValue(settings.nodeCount)}`,
      });
    }
  } else {
    rules.push(integerInRange(`${setting}.nodeCount`, settings.nodeCount ?? CACHE_DEFAULTS.nodeCount, 1, 6));
    if (settings.replicasPerShard !== undefined) {
      rules.push({
        condition: false,
        message: `${setting}.replicasPerShard must be left out unless shards is set (cluster mode disabled: use nodeCount), got ${describeValue(settings.replicasPerShard)}`,
      });
    }
  }
  const single = nodesPerShard(settings) < 2;
  const topology = clusterMode ? `replicasPerShard ${settings.replicasPerShard ?? CACHE_DEFAULTS.replicasPerShard}` : `nodeCount ${nodesPerShard(settings)}`;
  rules.push({
    condition: !(single && settings.multiAz === true),
    message: `${setting}.multiAz must be false with no replica (${topology}): Multi-AZ needs 2 or more nodes per shard, got true`,
  });
  if (clusterMode) {
    rules.push({
      condition: settings.automaticFailover !== false,
      message: `${setting}.automaticFailover must be true with cluster mode enabled (shards ${settings.shards}), got false`,
    });
  } else {
    rules.push({
      condition: !(single && settings.automaticFailover === true),
      message: `${setting}.automaticFailover must be false with no replica (${topology}): failover needs 2 or more nodes, got true`,
    });
  }
  return rules;
}

function windowRules(setting: string, settings: CacheReplicationGroupSettings): ValidationRule[] {
  const snapshotText = settings.snapshotWindow ?? CACHE_DEFAULTS.snapshotWindow;
  const maintenanceText = settings.maintenanceWindow ?? CACHE_DEFAULTS.maintenanceWindow;
  const snapshot = parseBackupWindow(snapshotText);
  const maintenance = parseMaintenanceWindow(maintenanceText);
  const rules: ValidationRule[] = [
    integerInRange(`${setting}.snapshotRetentionDays`, settings.snapshotRetentionDays ?? CACHE_DEFAULTS.snapshotRetentionDays, 0, 35),
    {
      condition: snapshot !== undefined && windowMinutes(snapshot) >= 60,
      message: `${setting}.snapshotWindow must be hh24:mi-hh24:mi (UTC) lasting at least 60 minutes, got ${describeValue(snapshotText)}`,
    },
    {
      condition: maintenance !== undefined && windowMinutes(maintenance) >= 60,
      message: `${setting}.maintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon-sun) lasting at least 60 minutes, got ${describeValue(maintenanceText)}`,
    },
  ];
  if (snapshot !== undefined && maintenance !== undefined) {
    rules.push({
      condition: !windowsOverlap(snapshot, maintenance),
      message: `${setting}.maintenanceWindow must not overlap snapshotWindow (${snapshotText} daily), got ${describeValue(maintenanceText)}`,
    });
  }
  return rules;
}

function authenticationRules(setting: string, settings: CacheReplicationGroupSettings): ValidationRule[] {
  const authentication = settings.authentication ?? { kind: 'auth-token' };
  if (authentication.kind === 'rbac') {
    return [
      {
        condition: Array.isArray(authentication.userGroupIds) && authentication.userGroupIds.length > 0 && authentication.userGroupIds.every((id) => typeof id === 'string' && id.trim() !== ''),
        message: `${setting}.authentication.userGroupIds must list at least one ElastiCache user group ID, got ${describeValue(authentication.userGroupIds)}`,
      },
    ];
  }
  if (authentication.kind === 'users') {
    const engineVersion = settings.engineVersion ?? CACHE_DEFAULTS.engineVersion;
    return cacheUsersRules(`${setting}.authentication.users`, authentication.users, engineVersion.engine, engineVersion.majorVersion);
  }
  if (authentication.kind !== 'auth-token') {
    return [oneOf(`${setting}.authentication.kind`, (authentication as { kind: unknown }).kind, ['auth-token', 'rbac', 'users'])];
  }
  return [
    integerInRange(`${setting}.authentication.length`, authentication.length ?? CACHE_DEFAULTS.authTokenLength, 16, 128),
    integerInRange(`${setting}.authentication.version`, authentication.version ?? CACHE_DEFAULTS.authTokenVersion, 1, 1_000_000),
    oneOf(`${setting}.authentication.updateStrategy`, authentication.updateStrategy ?? CACHE_DEFAULTS.authTokenUpdateStrategy, ['ROTATE', 'SET']),
    ...(authentication.secretName === undefined
      ? []
      : [nameRule(`${setting}.authentication.secretName`, authentication.secretName, SECRET_NAME_LIMIT)]),
    ...(authentication.url === undefined ? [] : [oneOf(`${setting}.authentication.url`, authentication.url, [true, false])]),
  ];
}

function alarmThresholdRules(setting: string, settings: CacheReplicationGroupSettings): ValidationRule[] {
  const thresholds = settings.alarmThresholds ?? {};
  const rules: ValidationRule[] = [];
  for (const name of ['cpuPercent', 'engineCpuPercent', 'memoryPercent', 'cacheHitRatePercent'] as const) {
    if (thresholds[name] !== undefined) rules.push(numberInRange(`${setting}.alarmThresholds.${name}`, thresholds[name]!, 1, 100));
  }
  for (const name of ['currConnections', 'evictionsPer5Minutes', 'replicationLagSeconds'] as const) {
    const value = thresholds[name];
    if (value !== undefined) {
      rules.push({ condition: typeof value === 'number' && value > 0, message: `${setting}.alarmThresholds.${name} must be a number above 0, got ${describeValue(value)}` });
    }
  }
  return rules;
}

/** Redis OSS 6.2 and later, any Valkey: the engines data tiering runs on. */
function supportsDataTiering(engineVersion: CacheEngineVersion): boolean {
  if (engineVersion.engine === 'valkey') return true;
  const match = /^(\d+)\.(\d+)$/.exec(engineVersion.version);
  return match !== null && (Number(match[1]) > 6 || (Number(match[1]) === 6 && Number(match[2]) >= 2));
}

/** The checks r6gd (data tiering) nodes add: an engine that tiers, and an eviction policy it supports. */
function dataTieringRules(setting: string, settings: CacheReplicationGroupSettings, nodeType: string, engineVersion: CacheEngineVersion): ValidationRule[] {
  if (!usesDataTiering(nodeType)) return [];
  const policy = settings.parameters?.['maxmemory-policy'] ?? DEFAULT_CACHE_PARAMETERS['maxmemory-policy'];
  return [
    {
      condition: supportsDataTiering(engineVersion),
      message: `${setting}.engineVersion must be Redis OSS 6.2 or later or Valkey with nodeType ${nodeType} (data tiering), got ${describeValue(engineVersion.toString())}`,
    },
    {
      condition: (DATA_TIERING_MAXMEMORY_POLICIES as readonly string[]).includes(policy),
      message: `${setting}.parameters.maxmemory-policy must be one of ${DATA_TIERING_MAXMEMORY_POLICIES.map((item) => describeValue(item)).join(', ')} with nodeType ${nodeType} (data tiering), got ${describeValue(policy)}`,
    },
  ];
}

const S3_OBJECT_ARN = /^arn:aws(-cn|-us-gov)?:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/;

/** The checks of a restore source: one snapshot name, or S3 object ARNs. */
function restoreRules(setting: string, settings: CacheReplicationGroupSettings): ValidationRule[] {
  const source = settings.restoreFrom as { snapshotName?: unknown; snapshotArns?: unknown } | undefined;
  if (source === undefined) return [];
  if ('snapshotName' in source && !('snapshotArns' in source)) {
    return [matches(`${setting}.restoreFrom.snapshotName`, source.snapshotName as string, /^[a-zA-Z0-9][a-zA-Z0-9:-]*$/, 'the name of an ElastiCache snapshot in the Region (letters, digits, hyphens and colons)')];
  }
  if ('snapshotArns' in source && !('snapshotName' in source)) {
    const arns = source.snapshotArns as readonly string[];
    return [
      {
        condition: Array.isArray(arns) && arns.length > 0 && arns.every((arn) => typeof arn === 'string' && S3_OBJECT_ARN.test(arn)),
        message: `${setting}.restoreFrom.snapshotArns must list S3 object ARNs of RDB files (arn:aws:s3:::<bucket>/<key>), got ${describeValue(arns)}`,
      },
    ];
  }
  return [{ condition: false, message: `${setting}.restoreFrom must be { snapshotName } or { snapshotArns }, got ${describeValue(source)}` }];
}

/** Every check of a replication group's settings, under `setting` (`cache`). */
export function cacheReplicationGroupRules(setting: string, settings: CacheReplicationGroupSettings): ValidationRule[] {
  const engineVersion = settings.engineVersion ?? CACHE_DEFAULTS.engineVersion;
  const nodeType = settings.nodeType ?? CACHE_DEFAULTS.nodeType;
  const rules: ValidationRule[] = [
    matches(`${setting}.engineVersion`, engineVersion.version, /^\d+\.\d+$/, 'a version <major>.<minor> such as "7.1"'),
    oneOf(`${setting}.engineVersion.engine`, engineVersion.engine, ['redis', 'valkey']),
    {
      condition: typeof nodeType === 'string' && isKnownCacheNodeType(nodeType),
      message: `${setting}.nodeType must be a known ElastiCache node type (${CACHE_NODE_TYPES.join(', ')}), got ${describeValue(nodeType)}`,
    },
    ...dataTieringRules(setting, settings, nodeType, engineVersion),
    ...restoreRules(setting, settings),
    ...topologyRules(setting, settings),
    ...windowRules(setting, settings),
    ...authenticationRules(setting, settings),
    integerInRange(`${setting}.port`, settings.port ?? CACHE_DEFAULTS.port, 1024, 65535),
    oneOf(`${setting}.transitEncryptionMode`, settings.transitEncryptionMode ?? CACHE_DEFAULTS.transitEncryptionMode, ['required', 'preferred']),
    ...alarmThresholdRules(setting, settings),
  ];
  if (settings.logRetentionDays !== undefined) rules.push(logRetentionRule(`${setting}.logRetentionDays`, settings.logRetentionDays));
  if (settings.notifyKeyspaceEvents !== undefined) {
    rules.push(matches(`${setting}.notifyKeyspaceEvents`, settings.notifyKeyspaceEvents, KEYSPACE_EVENT_FLAGS, 'notify-keyspace-events flags (K E g $ l s h z x e t m d n A), e.g. "Ex"'));
  }
  return rules;
}
