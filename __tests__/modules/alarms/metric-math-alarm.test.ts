import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { AlarmTopics, createMetricMathAlarm, MetricMathAlarmSpec } from '../../../modules/alarms';
import { ResourceNaming } from '../../../modules/naming';

const TOPICS = { critical: 'arn:aws:sns:eu-west-2:111122223333:c', warning: 'arn:aws:sns:eu-west-2:111122223333:w', info: 'arn:aws:sns:eu-west-2:111122223333:i' };

/** Two metrics of a proxy and their ratio. */
const SPEC: MetricMathAlarmSpec = {
  name: 'borrowed',
  description: 'borrowed above 80 %',
  metrics: [
    { id: 'borrowed', namespace: 'AWS/RDS', metricName: 'DatabaseConnectionsCurrentlyBorrowed', dimensions: { ProxyName: 'p' }, statistic: 'Maximum' },
    { id: 'allowed', namespace: 'AWS/RDS', metricName: 'MaxDatabaseConnectionsAllowed', dimensions: { ProxyName: 'p' }, statistic: 'Maximum' },
  ],
  expression: '100 * borrowed / allowed',
  expressionLabel: 'Borrowed %',
  threshold: 80,
  comparison: 'GreaterThanThreshold',
  severity: 'warning',
};

function synthAlarm(spec: MetricMathAlarmSpec): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const topics = new AlarmTopics(stack, 'Topics', { provider, region: 'eu-west-2', naming: new ResourceNaming('s', 'dev'), existingTopicArns: TOPICS });
  createMetricMathAlarm(stack, 'Alarm', { provider, alarmNamePrefix: 's-dev-proxy', topics, spec });
  return Object.values(JSON.parse(Testing.synth(stack)).resource.aws_cloudwatch_metric_alarm)[0];
}

describe('metric-math alarms', () => {
  const alarm = synthAlarm(SPEC);

  test('GIVEN two metrics and an expression WHEN synthesized THEN the expression is the one returned query and the metrics are read, not returned', () => {
    expect(alarm.metric_query.map((query: any) => [query.id, query.expression, query.return_data, query.metric?.metric_name])).toEqual([
      ['value', '100 * borrowed / allowed', true, undefined],
      ['borrowed', undefined, false, 'DatabaseConnectionsCurrentlyBorrowed'],
      ['allowed', undefined, false, 'MaxDatabaseConnectionsAllowed'],
    ]);
  });

  test('WHEN synthesized THEN the alarm has no metric of its own (CloudWatch refuses both at once)', () => {
    expect([alarm.metric_name, alarm.namespace, alarm.statistic, alarm.period]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('GIVEN no period WHEN synthesized THEN each metric is read over 300 s with its statistic', () => {
    expect(alarm.metric_query.slice(1).map((query: any) => [query.metric.period, query.metric.stat, query.metric.dimensions])).toEqual([
      [300, 'Maximum', { ProxyName: 'p' }],
      [300, 'Maximum', { ProxyName: 'p' }],
    ]);
  });

  test('GIVEN a period of 60 s WHEN synthesized THEN each metric is read over 60 s', () => {
    expect(synthAlarm({ ...SPEC, periodSeconds: 60 }).metric_query.slice(1).map((query: any) => query.metric.period)).toEqual([60, 60]);
  });

  test('GIVEN no evaluation periods and no missing-data treatment WHEN synthesized THEN 2 periods, missing data kept missing', () => {
    expect([alarm.evaluation_periods, alarm.treat_missing_data]).toEqual([2, 'missing']);
  });

  test('WHEN synthesized THEN it is named by its prefix and notifies its severity topic on alarm and on OK', () => {
    expect([alarm.alarm_name, alarm.alarm_actions, alarm.ok_actions, alarm.threshold, alarm.comparison_operator]).toEqual([
      's-dev-proxy-borrowed',
      [TOPICS.warning],
      [TOPICS.warning],
      80,
      'GreaterThanThreshold',
    ]);
  });

  test.each([
    ['an id starting with a capital', 'Borrowed'],
    ['the expression id', 'value'],
  ])('GIVEN %s WHEN created THEN it refuses the spec', (_what, id) => {
    const spec = { ...SPEC, metrics: [{ ...SPEC.metrics[0], id }, SPEC.metrics[1]] };
    expect(() => synthAlarm(spec)).toThrow(`borrowed: metric ids must start with a lowercase letter, be unique and not be "value", got ${id}`);
  });

  test('GIVEN two metrics with one id WHEN created THEN it refuses the spec', () => {
    expect(() => synthAlarm({ ...SPEC, metrics: [SPEC.metrics[0], { ...SPEC.metrics[1], id: 'borrowed' }] })).toThrow('got borrowed');
  });
});
