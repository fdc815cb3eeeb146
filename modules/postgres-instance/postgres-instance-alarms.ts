import { MetricAlarmSpec } from '../alarms';
import { PostgresInstanceAlarmThresholds } from './postgres-instance-settings';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** What an instance's thresholds are relative to. */
export interface PostgresInstanceCapacity {
  /** max_connections: the `max_connections` parameter when it is a number, else the class's default. */
  readonly maxConnections: number;
  /** The allocated storage in GiB. */
  readonly allocatedGib: number;
}

/** The connections threshold: the absolute override, or a share of max_connections. */
export function connectionsThreshold(capacity: PostgresInstanceCapacity, thresholds: PostgresInstanceAlarmThresholds): number {
  return thresholds.connections ?? Math.floor((capacity.maxConnections * thresholds.connectionsPercentOfMax) / 100);
}

/**
 * The alarms of one instance (namespace AWS/RDS, dimension DBInstanceIdentifier, 5-minute periods): CPU,
 * free storage against the allocated size, connections against max_connections, freeable memory, read and
 * write latency, and on a replica its lag behind the primary.
 */
export function postgresInstanceAlarmSpecs(
  instanceIdentifier: string,
  capacity: PostgresInstanceCapacity,
  thresholds: PostgresInstanceAlarmThresholds,
  role: 'primary' | 'replica',
): MetricAlarmSpec[] {
  const base = { namespace: 'AWS/RDS', dimensions: { DBInstanceIdentifier: instanceIdentifier }, periodSeconds: 300 } as const;
  const connections = connectionsThreshold(capacity, thresholds);
  const connectionsText =
    thresholds.connections === undefined ? `${thresholds.connectionsPercentOfMax}% of max_connections (${capacity.maxConnections})` : `${connections}`;
  const specs: MetricAlarmSpec[] = [
    {
      ...base,
      name: 'cpu',
      description: `${instanceIdentifier}: CPU above ${thresholds.cpuPercent}%`,
      metricName: 'CPUUtilization',
      statistic: 'Average',
      evaluationPeriods: 3,
      threshold: thresholds.cpuPercent,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'free-storage',
      description: `${instanceIdentifier}: free storage below ${thresholds.freeStoragePercent}% of ${capacity.allocatedGib} GiB`,
      metricName: 'FreeStorageSpace',
      statistic: 'Average',
      evaluationPeriods: 1,
      threshold: Math.floor((capacity.allocatedGib * GIB * thresholds.freeStoragePercent) / 100),
      comparison: 'LessThanThreshold',
      severity: 'critical',
    },
    {
      ...base,
      name: 'connections',
      description: `${instanceIdentifier}: connections above ${connectionsText}`,
      metricName: 'DatabaseConnections',
      statistic: 'Maximum',
      evaluationPeriods: 2,
      threshold: connections,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
    },
    {
      ...base,
      name: 'freeable-memory',
      description: `${instanceIdentifier}: freeable memory below ${thresholds.freeableMemoryMiB} MiB`,
      metricName: 'FreeableMemory',
      statistic: 'Average',
      evaluationPeriods: 2,
      threshold: thresholds.freeableMemoryMiB * MIB,
      comparison: 'LessThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'read-latency',
      description: `${instanceIdentifier}: read latency above ${thresholds.readLatencyMs} ms`,
      metricName: 'ReadLatency',
      statistic: 'Average',
      evaluationPeriods: 3,
      threshold: thresholds.readLatencyMs / 1000,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'write-latency',
      description: `${instanceIdentifier}: write latency above ${thresholds.writeLatencyMs} ms`,
      metricName: 'WriteLatency',
      statistic: 'Average',
      evaluationPeriods: 3,
      threshold: thresholds.writeLatencyMs / 1000,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
  ];
  if (role === 'replica') {
    specs.push({
      ...base,
      name: 'replica-lag',
      description: `${instanceIdentifier}: replica lag above ${thresholds.replicaLagSeconds} s`,
      metricName: 'ReplicaLag',
      statistic: 'Average',
      evaluationPeriods: 3,
      threshold: thresholds.replicaLagSeconds,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    });
  }
  return specs;
}
