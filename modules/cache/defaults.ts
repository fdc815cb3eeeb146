import { CacheAlarmThresholds } from './cache-settings';
import { CacheEngineVersion } from './engine-version';
import { CacheNodeType } from './node-types';

// Defaults in one place, so docs/cache.md and the constructors cannot disagree.

export const CACHE_DEFAULTS = {
  engineVersion: CacheEngineVersion.REDIS_7_1,
  nodeType: 'cache.r7g.large' as CacheNodeType,
  nodeCount: 2,
  replicasPerShard: 1,
  port: 6379,
  snapshotRetentionDays: 7,
  snapshotWindow: '04:00-05:00',
  maintenanceWindow: 'sun:05:00-sun:06:00',
  autoMinorVersionUpgrade: false,
  transitEncryptionMode: 'required',
  authTokenLength: 64,
  authTokenVersion: 1,
  authTokenUpdateStrategy: 'ROTATE',
} as const;

/** skillancer's Redis alarm table, the default for every replication group. */
export const DEFAULT_CACHE_ALARM_THRESHOLDS: CacheAlarmThresholds = {
  cpuPercent: 80,
  engineCpuPercent: 80,
  memoryPercent: 80,
  currConnections: 5000,
  evictionsPer5Minutes: 1000,
  cacheHitRatePercent: 80,
  replicationLagSeconds: 1,
};

/**
 * skillancer's Redis parameters, the default for every replication group: evict only keys with a TTL (least recently used first), close idle
 * clients after 5 minutes, and probe dead peers every 5 minutes. notify-keyspace-events only when asked.
 */
export const DEFAULT_CACHE_PARAMETERS: Readonly<Record<string, string>> = {
  'maxmemory-policy': 'volatile-lru',
  timeout: '300',
  'tcp-keepalive': '300',
};
