import { MetricAlarmSpec, MetricMathAlarmSpec } from '../alarms';
import { RdsProxyAlarmThresholds } from './rds-proxy-settings';

/** The CloudWatch namespace RDS Proxy publishes in; every metric is read by its ProxyName dimension. */
const NAMESPACE = 'AWS/RDS';

/** QueryDatabaseResponseLatency is published in microseconds. */
const MICROSECONDS_PER_MILLISECOND = 1000;

/**
 * The proxy's alarms on single metrics: the proxy failing to open database connections (critical: clients
 * get errors), clients failing authentication (warning: a wrong secret or a probe), and slow answers from
 * the database (warning). The failure counts publish only when something fails, so no data is no failure.
 */
export function rdsProxyAlarmSpecs(proxyName: string, thresholds: RdsProxyAlarmThresholds): MetricAlarmSpec[] {
  const dimensions = { ProxyName: proxyName };
  return [
    {
      name: 'database-connections-setup-failed',
      description: `${proxyName}: the proxy failed to open connections to the database (credentials, security groups, or the database down)`,
      namespace: NAMESPACE,
      metricName: 'DatabaseConnectionsSetupFailed',
      dimensions,
      statistic: 'Sum',
      evaluationPeriods: 1,
      threshold: 0,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
      treatMissingData: 'notBreaching',
    },
    {
      name: 'client-connections-setup-failed-auth',
      description: `${proxyName}: clients failed to authenticate to the proxy (wrong password or IAM token, or TLS refused)`,
      namespace: NAMESPACE,
      metricName: 'ClientConnectionsSetupFailedAuth',
      dimensions,
      statistic: 'Sum',
      evaluationPeriods: 1,
      threshold: 0,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
      treatMissingData: 'notBreaching',
    },
    {
      name: 'query-database-response-latency',
      description: `${proxyName}: the database answers queries through the proxy in more than ${thresholds.queryDatabaseResponseLatencyMilliseconds} ms on average`,
      namespace: NAMESPACE,
      metricName: 'QueryDatabaseResponseLatency',
      dimensions,
      statistic: 'Average',
      evaluationPeriods: 3,
      threshold: thresholds.queryDatabaseResponseLatencyMilliseconds * MICROSECONDS_PER_MILLISECOND,
      comparison: 'GreaterThanThreshold',
      severity: 'warning',
    },
  ];
}

/**
 * The pool running out: connections borrowed by clients as a percentage of the connections the proxy may
 * open (both read as their maximum over the period), so the threshold follows the database's size.
 */
export function rdsProxyPoolAlarmSpec(proxyName: string, thresholds: RdsProxyAlarmThresholds): MetricMathAlarmSpec {
  const dimensions = { ProxyName: proxyName };
  return {
    name: 'borrowed-connections',
    description: `${proxyName}: more than ${thresholds.borrowedConnectionsPercent}% of the connections the proxy may open are borrowed (clients will wait, then be refused)`,
    metrics: [
      { id: 'borrowed', namespace: NAMESPACE, metricName: 'DatabaseConnectionsCurrentlyBorrowed', dimensions, statistic: 'Maximum' },
      { id: 'allowed', namespace: NAMESPACE, metricName: 'MaxDatabaseConnectionsAllowed', dimensions, statistic: 'Maximum' },
    ],
    expression: '100 * borrowed / allowed',
    expressionLabel: 'Borrowed connections (% of MaxDatabaseConnectionsAllowed)',
    evaluationPeriods: 2,
    threshold: thresholds.borrowedConnectionsPercent,
    comparison: 'GreaterThanThreshold',
    severity: 'warning',
  };
}
