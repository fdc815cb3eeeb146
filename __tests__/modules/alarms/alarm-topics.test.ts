import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Testing, TerraformStack } from 'cdktf';
import { AlarmTopics } from '../../../modules/alarms/alarm-topics';
import { createMetricAlarm } from '../../../modules/alarms/metric-alarm';
import { ResourceNaming } from '../../../modules/naming/resource-naming';
import { environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

function synthTopics(existingTopicArns?: any): { text: string; json: any } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const topics = new AlarmTopics(stack, 'Topics', { provider, region: 'eu-west-2', naming: new ResourceNaming('gaming-platform', 'prod'), existingTopicArns });
  createMetricAlarm(stack, 'Cpu', {
    provider,
    alarmNamePrefix: 'gaming-platform-prod',
    topics,
    spec: {
      name: 'aurora-cpu',
      description: 'CPU above 80 %',
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      dimensions: { DBClusterIdentifier: 'c' },
      threshold: 80,
      comparison: 'GreaterThanThreshold',
      severity: 'critical',
    },
  });
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text) };
}

describe('alarm topics and metric alarms', () => {
  test('GIVEN no existing topics WHEN synthesized THEN one KMS-encrypted topic per severity exists', () => {
    const { json } = synthTopics();
    const topics = Object.values(json.resource.aws_sns_topic) as any[];
    expect(topics.map((topic) => topic.name).sort()).toEqual([
      'gaming-platform-prod-alarms-critical-eu-west-2',
      'gaming-platform-prod-alarms-info-eu-west-2',
      'gaming-platform-prod-alarms-warning-eu-west-2',
    ]);
    for (const topic of topics) expect(topic.kms_master_key_id).toMatch(/^\$\{aws_kms_key\.Topics_Key_\w+\.arn\}$/);
  });

  test('GIVEN created topics WHEN synthesized THEN CloudWatch may use their key to publish', () => {
    const { json } = synthTopics();
    const [policy] = Object.values(json.data.aws_iam_policy_document) as any[];
    expect(policy.statement[1]).toMatchObject({
      principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    });
  });

  test('GIVEN existing topic ARNs WHEN synthesized THEN no topic or key is created and alarms notify the given topic', () => {
    const critical = 'arn:aws:sns:eu-west-2:111122223333:critical';
    const { text, json } = synthTopics({ critical, warning: 'arn:w', info: 'arn:i' });
    expect(json.resource.aws_sns_topic).toBeUndefined();
    expect(json.resource.aws_kms_key).toBeUndefined();
    expect(text).toHaveResourceWithProperties(CloudwatchMetricAlarm, { alarm_actions: [critical], ok_actions: [critical] });
  });

  test('GIVEN an alarm spec WHEN synthesized THEN its defaults are Average over 300 s, 2 periods, missing data left as is', () => {
    expect(synthTopics().text).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: 'gaming-platform-prod-aurora-cpu',
      statistic: 'Average',
      period: 300,
      evaluation_periods: 2,
      threshold: 80,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'missing',
    });
  });

  test('GIVEN a two-Region gaming-platform stack WHEN synthesized THEN each Region has its own topics through its own provider', () => {
    const { text, stack } = synthGamingPlatform(environmentWith({}));
    expect(text).toHaveResourceWithProperties(SnsTopic, { name: 'gaming-platform-prod-alarms-critical-eu-west-1', provider: 'aws.eu_west_1' });
    expect(text).toHaveResourceWithProperties(SnsTopic, { name: 'gaming-platform-prod-alarms-critical-eu-west-2', provider: 'aws.eu_west_2' });
    expect(() => stack.alarmTopicsFor('us-east-1')).toThrow('No alarm topics for Region us-east-1');
  });
});
