import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { AlarmSeverity, AlarmTopics } from './alarm-topics';

/** One CloudWatch alarm on one metric, as modules describe them. */
export interface MetricAlarmSpec {
  /** Suffix of the alarm's name, e.g. `aurora-eu-west-2-cpu`. */
  readonly name: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  /** @default 'Average' */
  readonly statistic?: 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';
  /** Seconds per datapoint. @default 300 */
  readonly periodSeconds?: number;
  /** Datapoints breaching in a row before the alarm fires. @default 2 */
  readonly evaluationPeriods?: number;
  readonly threshold: number;
  readonly comparison: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  /** Who hears about it. */
  readonly severity: AlarmSeverity;
  /** @default 'missing' (no data neither fires nor clears the alarm) */
  readonly treatMissingData?: 'missing' | 'notBreaching' | 'breaching' | 'ignore';
}

/**
 * Creates a CloudWatch alarm that notifies its severity's topic when it fires and when it clears.
 */
export function createMetricAlarm(
  scope: Construct,
  id: string,
  props: { readonly provider: AwsProvider; readonly alarmNamePrefix: string; readonly topics: AlarmTopics; readonly spec: MetricAlarmSpec },
): CloudwatchMetricAlarm {
  const { spec, provider } = props;
  const topic = props.topics.topicArn(spec.severity);
  return new CloudwatchMetricAlarm(scope, id, {
    provider,
    alarmName: `${props.alarmNamePrefix}-${spec.name}`,
    alarmDescription: spec.description,
    namespace: spec.namespace,
    metricName: spec.metricName,
    dimensions: { ...spec.dimensions },
    statistic: spec.statistic ?? 'Average',
    period: spec.periodSeconds ?? 300,
    evaluationPeriods: spec.evaluationPeriods ?? 2,
    threshold: spec.threshold,
    comparisonOperator: spec.comparison,
    treatMissingData: spec.treatMissingData ?? 'missing',
    alarmActions: [topic],
    okActions: [topic],
  });
}

/** The id of a metric-math alarm's expression among its queries. */
const MATH_EXPRESSION_ID = 'value';

/** One metric a metric-math alarm reads, under an id its expression uses (`m1`). */
export interface AlarmMetricInput {
  /** The id in the expression: a lowercase letter first (`borrowed`, `m1`). */
  readonly id: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';
}

/** One CloudWatch alarm on an expression over metrics (a ratio of two metrics, say). */
export interface MetricMathAlarmSpec extends Omit<MetricAlarmSpec, 'namespace' | 'metricName' | 'dimensions' | 'statistic'> {
  /** The metrics the expression reads. */
  readonly metrics: readonly AlarmMetricInput[];
  /** A CloudWatch metric-math expression over the metrics' ids (`100 * borrowed / allowed`). */
  readonly expression: string;
  /** What the expression's value is (shown on the alarm's graph). */
  readonly expressionLabel: string;
}

/**
 * Creates a CloudWatch alarm on a metric-math expression that notifies its severity's topic when it fires
 * and when it clears. The metrics are read, not returned; the expression is the alarm's value.
 */
export function createMetricMathAlarm(
  scope: Construct,
  id: string,
  props: { readonly provider: AwsProvider; readonly alarmNamePrefix: string; readonly topics: AlarmTopics; readonly spec: MetricMathAlarmSpec },
): CloudwatchMetricAlarm {
  const { spec, provider } = props;
  // CloudWatch wants query ids that start with a lowercase letter; `value` is the expression's own.
  const badIds = spec.metrics.map((metric) => metric.id).filter((metricId, index, ids) => !/^[a-z][a-zA-Z0-9_]*$/.test(metricId) || metricId === MATH_EXPRESSION_ID || ids.indexOf(metricId) !== index);
  if (badIds.length > 0) {
    throw new Error(`${spec.name}: metric ids must start with a lowercase letter, be unique and not be "${MATH_EXPRESSION_ID}", got ${badIds.join(', ')}`);
  }
  const topic = props.topics.topicArn(spec.severity);
  const period = spec.periodSeconds ?? 300;
  return new CloudwatchMetricAlarm(scope, id, {
    provider,
    alarmName: `${props.alarmNamePrefix}-${spec.name}`,
    alarmDescription: spec.description,
    metricQuery: [
      { id: MATH_EXPRESSION_ID, expression: spec.expression, label: spec.expressionLabel, returnData: true },
      ...spec.metrics.map((metric) => ({
        id: metric.id,
        returnData: false,
        metric: { namespace: metric.namespace, metricName: metric.metricName, dimensions: { ...metric.dimensions }, stat: metric.statistic, period },
      })),
    ],
    evaluationPeriods: spec.evaluationPeriods ?? 2,
    threshold: spec.threshold,
    comparisonOperator: spec.comparison,
    treatMissingData: spec.treatMissingData ?? 'missing',
    alarmActions: [topic],
    okActions: [topic],
  });
}
