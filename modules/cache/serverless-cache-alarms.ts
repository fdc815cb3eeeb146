import { MetricAlarmSpec } from '../alarms';

/** ElastiCache counts a serverless cache's data-storage limit in GB of 10^9 bytes. */
const BYTES_PER_GB = 1e9;

/** What a serverless cache's alarms are measured against: its usage limits. */
export interface ServerlessCacheAlarmLimits {
  readonly maxDataStorageGb: number;
  readonly maxEcpuPerSecond: number;
}

/**
 * The alarms of a serverless cache (namespace AWS/ElastiCache, dimension clusterId = the cache's name):
 * data stored and ECPU consumed nearing the usage limits (at the limits the cache evicts and throttles), and
 * commands throttled at all.
 */
export function serverlessCacheAlarmSpecs(cacheName: string, limits: ServerlessCacheAlarmLimits, usagePercent: number): MetricAlarmSpec[] {
  const base = { namespace: 'AWS/ElastiCache', dimensions: { clusterId: cacheName } } as const;
  return [
    {
      ...base,
      name: 'data-stored',
      description: `${cacheName}: data stored above ${usagePercent}% of the ${limits.maxDataStorageGb} GB limit (at the limit the cache evicts)`,
      metricName: 'BytesUsedForCache',
      statistic: 'Maximum',
      threshold: Math.floor((limits.maxDataStorageGb * BYTES_PER_GB * usagePercent) / 100),
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      // ECPU per minute against the per-second limit: 60 s of it.
      ...base,
      name: 'ecpu',
      description: `${cacheName}: ECPU above ${usagePercent}% of the ${limits.maxEcpuPerSecond} ECPU/s limit for 5 minutes (at the limit commands are throttled)`,
      metricName: 'ElastiCacheProcessingUnits',
      statistic: 'Sum',
      periodSeconds: 60,
      evaluationPeriods: 5,
      threshold: Math.floor((limits.maxEcpuPerSecond * 60 * usagePercent) / 100),
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'throttled-commands',
      description: `${cacheName}: commands throttled (the cache met its ECPU limit or scaled too slowly)`,
      metricName: 'ThrottledCmds',
      statistic: 'Sum',
      evaluationPeriods: 1,
      threshold: 0,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
      treatMissingData: 'notBreaching',
    },
  ];
}
