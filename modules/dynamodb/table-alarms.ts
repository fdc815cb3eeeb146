import { MetricAlarmSpec } from '../alarms';

/**
 * The operations whose SystemErrors a table alarms on. DynamoDB publishes SystemErrors per
 * TableName *and* Operation only, so an alarm on TableName alone would never see data. The default
 * covers the calls the access patterns and writers use; each operation costs one alarm per Region.
 */
export const DEFAULT_SYSTEM_ERROR_OPERATIONS = ['GetItem', 'Query', 'PutItem', 'UpdateItem'] as const;

/**
 * Alarms of one table (or replica) in one Region:
 * - ReadThrottleEvents and WriteThrottleEvents (dimension TableName). ThrottledRequests is published
 *   per TableName and Operation only, so the per-table throttle signal is the two event metrics.
 * - SystemErrors for each operation in `systemErrorOperations`.
 * - SuccessfulRequestLatency (Average, 3 x 5 min) of the same operations above a threshold: published per
 *   TableName and Operation only, like SystemErrors.
 * - ReplicationLatency towards each other Region of the global table (dimensions TableName,
 *   ReceivingRegion), published in the sending Region.
 * DynamoDB publishes throttle and error counts only when they are non-zero: missing data is fine.
 */
export function tableAlarmSpecs(props: {
  readonly tableName: string;
  readonly region: string;
  readonly receivingRegions: readonly string[];
  readonly systemErrorOperations: readonly string[];
  readonly replicationLatencyThresholdMs: number;
  readonly requestLatencyThresholdMs: number;
}): MetricAlarmSpec[] {
  const { tableName, region } = props;
  const throttle = (kind: 'Read' | 'Write'): MetricAlarmSpec => ({
    name: `${region}-${kind.toLowerCase()}-throttle-events`,
    description: `${kind} requests to ${tableName} in ${region} are being throttled (table or GSI); check hot keys and capacity`,
    namespace: 'AWS/DynamoDB',
    metricName: `${kind}ThrottleEvents`,
    dimensions: { TableName: tableName },
    statistic: 'Sum',
    threshold: 0,
    comparison: 'GreaterThanThreshold',
    severity: 'warning',
    treatMissingData: 'notBreaching',
  });
  return [
    throttle('Read'),
    throttle('Write'),
    ...props.systemErrorOperations.map(
      (operation): MetricAlarmSpec => ({
        name: `${region}-system-errors-${operation}`,
        description: `DynamoDB returned HTTP 500 to ${operation} on ${tableName} in ${region}`,
        namespace: 'AWS/DynamoDB',
        metricName: 'SystemErrors',
        dimensions: { TableName: tableName, Operation: operation },
        statistic: 'Sum',
        threshold: 0,
        comparison: 'GreaterThanThreshold',
        severity: 'critical',
        treatMissingData: 'notBreaching',
      }),
    ),
    ...props.systemErrorOperations.map(
      (operation): MetricAlarmSpec => ({
        name: `${region}-latency-${operation}`,
        description: `${operation} on ${tableName} in ${region} takes more than ${props.requestLatencyThresholdMs} ms on average`,
        namespace: 'AWS/DynamoDB',
        metricName: 'SuccessfulRequestLatency',
        dimensions: { TableName: tableName, Operation: operation },
        statistic: 'Average',
        evaluationPeriods: 3,
        threshold: props.requestLatencyThresholdMs,
        comparison: 'GreaterThanThreshold',
        severity: 'warning',
        // No requests, no latency: an idle table is not a slow one.
        treatMissingData: 'notBreaching',
      }),
    ),
    ...props.receivingRegions.map(
      (receivingRegion): MetricAlarmSpec => ({
        name: `${region}-replication-latency-to-${receivingRegion}`,
        description: `Replication of ${tableName} from ${region} to ${receivingRegion} lags by more than ${props.replicationLatencyThresholdMs} ms`,
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
        dimensions: { TableName: tableName, ReceivingRegion: receivingRegion },
        statistic: 'Average',
        evaluationPeriods: 3,
        threshold: props.replicationLatencyThresholdMs,
        comparison: 'GreaterThanThreshold',
        severity: 'warning',
        treatMissingData: 'missing',
      }),
    ),
  ];
}
