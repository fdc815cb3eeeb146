import { MetricAlarmSpec } from '../alarms';

/** Thresholds of the DAX alarms. */
export interface DaxAlarmThresholds {
  /** Average cluster CPU (%) above which DAX is about to throttle. */
  readonly cpuUtilizationPercent: number;
  /** Requests per 5 minutes that DAX rejected as user errors (ErrorRequestCount). */
  readonly errorRequests: number;
}

/**
 * Alarms of a DAX cluster (namespace AWS/DAX, dimension ClusterId, which is the cluster name).
 * DAX publishes request counts only when they are non-zero, so missing data does not breach.
 */
export function daxAlarmSpecs(clusterName: string, thresholds: DaxAlarmThresholds): MetricAlarmSpec[] {
  const common = { namespace: 'AWS/DAX', dimensions: { ClusterId: clusterName } } as const;
  return [
    {
      ...common,
      name: 'cpu-utilization',
      description: `DAX ${clusterName} CPU above ${thresholds.cpuUtilizationPercent}%: DAX throttles requests when its CPU is saturated`,
      metricName: 'CPUUtilization',
      statistic: 'Average',
      threshold: thresholds.cpuUtilizationPercent,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
    {
      ...common,
      name: 'throttled-requests',
      description: `DAX ${clusterName} is throttling requests (ThrottledRequestCount)`,
      metricName: 'ThrottledRequestCount',
      statistic: 'Sum',
      threshold: 0,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
      treatMissingData: 'notBreaching',
    },
    {
      ...common,
      name: 'error-requests',
      description: `DAX ${clusterName} answered more than ${thresholds.errorRequests} requests with an error in 5 minutes (ErrorRequestCount)`,
      metricName: 'ErrorRequestCount',
      statistic: 'Sum',
      threshold: thresholds.errorRequests,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
      treatMissingData: 'notBreaching',
    },
  ];
}
