import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Testing, TerraformStack } from 'cdktf';
import { AlarmTopics, AlarmTopicsProps, createMetricAlarm } from '../../../modules/alarms';
import { ResourceNaming } from '../../../modules/naming';
import { ConfigurationError } from '../../../modules/validation';
import { environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

type TopicsOverrides = Partial<Pick<AlarmTopicsProps, 'existingTopicArns' | 'subscriptions'>>;

function synthTopics(overrides: TopicsOverrides = {}): { text: string; json: any } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const topics = new AlarmTopics(stack, 'Topics', { provider, region: 'eu-west-2', naming: new ResourceNaming('gaming-platform', 'prod'), ...overrides });
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
  test('GIVEN no existing topics WHEN synthesized THEN one KMS-encrypted topic per severity exists, with no subscription', () => {
    const { json } = synthTopics();
    const topics = Object.values(json.resource.aws_sns_topic) as any[];
    expect(topics.map((topic) => topic.name).sort()).toEqual([
      'gaming-platform-prod-alarms-critical-eu-west-2',
      'gaming-platform-prod-alarms-info-eu-west-2',
      'gaming-platform-prod-alarms-warning-eu-west-2',
    ]);
    for (const topic of topics) expect(topic.kms_master_key_id).toMatch(/^\$\{aws_kms_key\.Topics_Key_\w+\.arn\}$/);
    expect(json.resource.aws_sns_topic_subscription).toBeUndefined();
  });

  test('GIVEN created topics WHEN synthesized THEN CloudWatch alarms and RDS event subscriptions may use their key to publish', () => {
    const { json } = synthTopics();
    const [policy] = Object.values(json.data.aws_iam_policy_document) as any[];
    expect(policy.statement.slice(1)).toEqual([
      expect.objectContaining({ principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      expect.objectContaining({ principals: [{ type: 'Service', identifiers: ['events.rds.amazonaws.com'] }], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    ]);
  });

  test('GIVEN existing topic ARNs per severity WHEN synthesized THEN no topic or key is created and alarms notify the given topic', () => {
    const critical = 'arn:aws:sns:eu-west-2:111122223333:critical';
    const { text, json } = synthTopics({ existingTopicArns: { critical, warning: 'arn:aws:sns:eu-west-2:111122223333:w', info: 'arn:aws:sns:eu-west-2:111122223333:i' } });
    expect(json.resource.aws_sns_topic).toBeUndefined();
    expect(json.resource.aws_kms_key).toBeUndefined();
    expect(text).toHaveResourceWithProperties(CloudwatchMetricAlarm, { alarm_actions: [critical], ok_actions: [critical] });
  });

  test('GIVEN one existing topic ARN WHEN synthesized THEN every severity notifies it', () => {
    const alerts = 'arn:aws:sns:eu-west-2:111122223333:alerts';
    expect(synthTopics({ existingTopicArns: alerts }).text).toHaveResourceWithProperties(CloudwatchMetricAlarm, { alarm_actions: [alerts] });
  });

  test('GIVEN subscriptions WHEN synthesized THEN each endpoint subscribes to the topics of its severities, all three by default', () => {
    const { json } = synthTopics({
      subscriptions: [
        { protocol: 'email', endpoint: 'oncall@example.com', severities: ['critical'] },
        { protocol: 'https', endpoint: 'https://hooks.example.com/alarms' },
      ],
    });
    const topicOf = (reference: string) => (json.resource.aws_sns_topic[/aws_sns_topic\.(\w+)\.arn/.exec(reference)![1]] as any).name;
    const subscriptions = (Object.values(json.resource.aws_sns_topic_subscription) as any[]).map((subscription) => [subscription.protocol, subscription.endpoint, topicOf(subscription.topic_arn)]);
    expect(subscriptions.sort()).toEqual([
      ['email', 'oncall@example.com', 'gaming-platform-prod-alarms-critical-eu-west-2'],
      ['https', 'https://hooks.example.com/alarms', 'gaming-platform-prod-alarms-critical-eu-west-2'],
      ['https', 'https://hooks.example.com/alarms', 'gaming-platform-prod-alarms-info-eu-west-2'],
      ['https', 'https://hooks.example.com/alarms', 'gaming-platform-prod-alarms-warning-eu-west-2'],
    ]);
    expect(SnsTopicSubscription).toBeDefined();
  });

  test('GIVEN subscriptions reordered WHEN synthesized THEN their addresses stay the same', () => {
    const email = { protocol: 'email', endpoint: 'oncall@example.com' } as const;
    const hook = { protocol: 'https', endpoint: 'https://hooks.example.com/alarms' } as const;
    const names = (subscriptions: TopicsOverrides['subscriptions']) => Object.keys(synthTopics({ subscriptions }).json.resource.aws_sns_topic_subscription).sort();
    expect(names([email, hook])).toEqual(names([hook, email]));
  });

  test('GIVEN existing topics and subscriptions WHEN built THEN it fails: subscriptions belong where the topics are made', () => {
    expect(() => synthTopics({ existingTopicArns: 'arn:aws:sns:eu-west-2:111122223333:alerts', subscriptions: [{ protocol: 'email', endpoint: 'a@example.com' }] })).toThrow(ConfigurationError);
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
    expect(stack.region('eu-west-1').alarmTopics.topicArn('critical')).not.toBe(stack.region('eu-west-2').alarmTopics.topicArn('critical'));
  });
});
