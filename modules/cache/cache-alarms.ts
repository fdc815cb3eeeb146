import { MetricAlarmSpec } from '../alarms';
import { CacheAlarmThresholds } from './cache-settings';

/**
 * The cache clusters (nodes) of a replication group, whose IDs are the CacheClusterId of its metrics:
 * `<group>-001`... with cluster mode disabled, `<group>-0001-001`... (shard, node) with it enabled.
 */
export function memberClusterIds(replicationGroupId: string, topology: { readonly shards?: number; readonly nodesPerShard: number }): string[] {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const nodes = Array.from({ length: topology.nodesPerShard }, (_unused, index) => pad(index + 1, 3));
  if (topology.shards === undefined) return nodes.map((node) => `${replicationGroupId}-${node}`);
  return Array.from({ length: topology.shards }, (_unused, shard) => nodes.map((node) => `${replicationGroupId}-${pad(shard + 1, 4)}-${node}`)).flat();
}

/**
 * The alarms of one node (namespace AWS/ElastiCache, dimension CacheClusterId), from skillancer's Redis alarm table.
 * ReplicationLag is watched on every node because roles move in a failover; a primary publishes none.
 */
export function cacheNodeAlarmSpecs(cacheClusterId: string, thresholds: CacheAlarmThresholds): MetricAlarmSpec[] {
  const base = { namespace: 'AWS/ElastiCache', dimensions: { CacheClusterId: cacheClusterId } } as const;
  return [
    {
      ...base,
      name: 'cpu',
      description: `${cacheClusterId}: host CPU above ${thresholds.cpuPercent}%`,
      metricName: 'CPUUtilization',
      threshold: thresholds.cpuPercent,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'engine-cpu',
      description: `${cacheClusterId}: engine (main thread) CPU above ${thresholds.engineCpuPercent}%: commands queue behind it`,
      metricName: 'EngineCPUUtilization',
      threshold: thresholds.engineCpuPercent,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
    },
    {
      ...base,
      name: 'memory',
      description: `${cacheClusterId}: memory use above ${thresholds.memoryPercent}% of maxmemory: evictions follow`,
      metricName: 'DatabaseMemoryUsagePercentage',
      threshold: thresholds.memoryPercent,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
    },
    {
      ...base,
      name: 'connections',
      description: `${cacheClusterId}: more than ${thresholds.currConnections} client connections`,
      metricName: 'CurrConnections',
      statistic: 'Maximum',
      threshold: thresholds.currConnections,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'evictions',
      description: `${cacheClusterId}: more than ${thresholds.evictionsPer5Minutes} keys evicted in 5 minutes`,
      metricName: 'Evictions',
      statistic: 'Sum',
      periodSeconds: 300,
      threshold: thresholds.evictionsPer5Minutes,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
      treatMissingData: 'notBreaching',
    },
    {
      ...base,
      name: 'cache-hit-rate',
      description: `${cacheClusterId}: cache hit rate below ${thresholds.cacheHitRatePercent}%`,
      metricName: 'CacheHitRate',
      threshold: thresholds.cacheHitRatePercent,
      comparison: 'LessThanThreshold',
      evaluationPeriods: 3,
      severity: 'info',
      // No reads, no rate: an idle cache is not an inefficient one.
      treatMissingData: 'notBreaching',
    },
    {
      ...base,
      name: 'replication-lag',
      description: `${cacheClusterId}: replication lag above ${thresholds.replicationLagSeconds} s behind the primary`,
      metricName: 'ReplicationLag',
      statistic: 'Maximum',
      periodSeconds: 60,
      evaluationPeriods: 5,
      threshold: thresholds.replicationLagSeconds,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
      treatMissingData: 'notBreaching',
    },
  ];
}
