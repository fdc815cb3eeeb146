import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { AlarmTopics } from '../alarms';
import { createMetricAlarm, MetricAlarmSpec } from '../alarms';
import { AuroraAlarmThresholds } from './aurora-settings';

const GIB = 1024 ** 3;

/** What an instance's thresholds are relative to. */
export interface AuroraInstanceCapacity {
  /** The instance's default max_connections (see `defaultMaxConnections`). */
  readonly maxConnections: number;
  /** The instance's memory in GiB (the maximum for Serverless v2). */
  readonly memoryGib: number;
}

/** The alarms of one instance: CPU, connections against its class's maximum, latencies, freeable memory. */
export function auroraInstanceAlarmSpecs(instanceIdentifier: string, capacity: AuroraInstanceCapacity, thresholds: AuroraAlarmThresholds): MetricAlarmSpec[] {
  const dimensions = { DBInstanceIdentifier: instanceIdentifier };
  const base = { namespace: 'AWS/RDS', dimensions } as const;
  const connections = Math.floor((capacity.maxConnections * thresholds.connectionsPercentOfMax) / 100);
  const freeableBytes = Math.floor((capacity.memoryGib * GIB * thresholds.freeableMemoryPercent) / 100);
  return [
    {
      ...base,
      name: 'cpu',
      description: `${instanceIdentifier}: CPU above ${thresholds.cpuPercent}%`,
      metricName: 'CPUUtilization',
      threshold: thresholds.cpuPercent,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'connections',
      description: `${instanceIdentifier}: connections above ${thresholds.connectionsPercentOfMax}% of max_connections (${capacity.maxConnections})`,
      metricName: 'DatabaseConnections',
      statistic: 'Maximum',
      threshold: connections,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
    },
    {
      ...base,
      name: 'read-latency',
      description: `${instanceIdentifier}: read latency above ${thresholds.readLatencySeconds * 1000} ms`,
      metricName: 'ReadLatency',
      threshold: thresholds.readLatencySeconds,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'write-latency',
      description: `${instanceIdentifier}: write latency above ${thresholds.writeLatencySeconds * 1000} ms`,
      metricName: 'WriteLatency',
      threshold: thresholds.writeLatencySeconds,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...base,
      name: 'freeable-memory',
      description: `${instanceIdentifier}: freeable memory below ${thresholds.freeableMemoryPercent}% of ${capacity.memoryGib} GiB`,
      metricName: 'FreeableMemory',
      threshold: freeableBytes,
      comparison: 'LessThanThreshold',
      severity: 'warning',
    },
  ];
}

/** The replication lag of a Global Database secondary cluster behind its primary (no data on the primary). */
export function auroraReplicationLagAlarmSpec(clusterIdentifier: string, thresholds: AuroraAlarmThresholds): MetricAlarmSpec {
  return {
    name: 'replication-lag',
    description: `${clusterIdentifier}: Global Database replication lag above ${thresholds.replicationLagMilliseconds} ms`,
    namespace: 'AWS/RDS',
    metricName: 'AuroraGlobalDBReplicationLag',
    dimensions: { DBClusterIdentifier: clusterIdentifier },
    statistic: 'Maximum',
    periodSeconds: 60,
    evaluationPeriods: 5,
    threshold: thresholds.replicationLagMilliseconds,
    comparison: 'GreaterThanThreshold',
    severity: 'critical',
  };
}

/** The cluster's storage above a size (`volumeBytesUsedGib`): Aurora storage grows on its own, and so does its bill. */
export function auroraVolumeBytesUsedAlarmSpec(clusterIdentifier: string, volumeBytesUsedGib: number): MetricAlarmSpec {
  return {
    name: 'volume-bytes-used',
    description: `${clusterIdentifier}: cluster storage above ${volumeBytesUsedGib} GiB`,
    namespace: 'AWS/RDS',
    metricName: 'VolumeBytesUsed',
    dimensions: { DBClusterIdentifier: clusterIdentifier },
    statistic: 'Maximum',
    // AWS publishes VolumeBytesUsed about once an hour.
    periodSeconds: 3600,
    evaluationPeriods: 1,
    threshold: volumeBytesUsedGib * GIB,
    comparison: 'GreaterThanThreshold',
    severity: 'info',
  };
}

/**
 * A Serverless v2 cluster running near its maximum capacity: ACUUtilization is the capacity used as a
 * percentage of maxCapacity; on the cluster's dimension it is the instances' average, so it fires when the
 * cluster as a whole needs a higher maximum (or tuning), not on one busy instance.
 */
export function auroraAcuUtilizationAlarmSpec(clusterIdentifier: string, thresholds: AuroraAlarmThresholds): MetricAlarmSpec {
  return {
    name: 'acu-utilization',
    description: `${clusterIdentifier}: Serverless v2 capacity above ${thresholds.acuUtilizationPercent}% of the maximum`,
    namespace: 'AWS/RDS',
    metricName: 'ACUUtilization',
    dimensions: { DBClusterIdentifier: clusterIdentifier },
    evaluationPeriods: 3,
    threshold: thresholds.acuUtilizationPercent,
    comparison: 'GreaterThanThreshold',
    severity: 'warning',
  };
}

/** Creates alarms from specs in one Region, named `<alarmNamePrefix>-<spec name>`. */
export class AuroraAlarms extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: { readonly provider: AwsProvider; readonly topics: AlarmTopics; readonly alarmNamePrefix: string; readonly specs: readonly MetricAlarmSpec[] },
  ) {
    super(scope, id);
    for (const spec of props.specs) {
      const constructId = spec.name.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase());
      createMetricAlarm(this, constructId, { provider: props.provider, alarmNamePrefix: props.alarmNamePrefix, topics: props.topics, spec });
    }
  }
}
