import { Testing } from 'cdktf';
import { CacheNotificationTopic, CacheReplicationGroup } from '../../../modules/cache';
import { referenceTo, regionContextStack, resourceAt, resourcesByPath } from '../postgres-instance/region-context-fixture';

describe('CacheNotificationTopic', () => {
  const { stack, context } = regionContextStack({ regions: ['us-east-1'] });
  const topic = new CacheNotificationTopic(stack, 'CacheEvents', {
    provider: context('us-east-1').provider,
    name: 'skillancer-prod-cache-events-us-east-1',
    subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com', severities: ['critical'] }],
  });
  new CacheReplicationGroup(stack, 'Redis', { context: context('us-east-1'), nodeType: 'cache.r6g.large', nodeCount: 3, notificationTopicArn: topic.topicArn });
  const json = JSON.parse(Testing.synth(stack));

  test('GIVEN the topic WHEN synthesized THEN it is named as asked and carries no KMS key (ElastiCache cannot publish to an encrypted topic)', () => {
    const created = resourceAt(json, 'aws_sns_topic', 'CacheEvents/Topic');
    expect(created.name).toBe('skillancer-prod-cache-events-us-east-1');
    expect(created).not.toHaveProperty('kms_master_key_id');
  });

  test('GIVEN the topic WHEN its policy is read THEN only the owner account and its services act on it, through AWS:SourceOwner', () => {
    const document = resourcesByPath(json, 'aws_iam_policy_document', 'data')['CacheEvents/PolicyDocument'];
    expect(document.statement).toEqual([
      expect.objectContaining({
        principals: [{ type: 'AWS', identifiers: ['*'] }],
        actions: expect.arrayContaining(['SNS:Publish', 'SNS:Subscribe']),
        resources: [referenceTo(json, 'aws_sns_topic', 'CacheEvents/Topic', 'arn')],
        condition: [{ test: 'StringEquals', variable: 'AWS:SourceOwner', values: [referenceTo(json, 'aws_caller_identity', 'CacheEvents/Account', 'account_id', 'data')] }],
      }),
      expect.objectContaining({ sid: 'DenyInsecureTransport', effect: 'Deny' }),
    ]);
    expect(resourceAt(json, 'aws_sns_topic_policy', 'CacheEvents/Policy').arn).toBe(referenceTo(json, 'aws_sns_topic', 'CacheEvents/Topic', 'arn'));
  });

  test('GIVEN the topic WHEN its policy is read THEN every request without TLS is denied, whoever makes it', () => {
    const document = resourcesByPath(json, 'aws_iam_policy_document', 'data')['CacheEvents/PolicyDocument'];
    expect(document.statement[1]).toEqual({
      sid: 'DenyInsecureTransport',
      effect: 'Deny',
      principals: [{ type: 'AWS', identifiers: ['*'] }],
      actions: ['SNS:*'],
      resources: [referenceTo(json, 'aws_sns_topic', 'CacheEvents/Topic', 'arn')],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    });
  });

  test('GIVEN a subscription WHEN synthesized THEN it subscribes to the topic', () => {
    expect(Object.values(resourcesByPath(json, 'aws_sns_topic_subscription'))).toEqual([
      expect.objectContaining({ protocol: 'email', endpoint: 'oncall@example.com', topic_arn: referenceTo(json, 'aws_sns_topic', 'CacheEvents/Topic', 'arn') }),
    ]);
  });

  test('GIVEN a notification topic ARN WHEN the replication group is synthesized THEN notification_topic_arn is set', () => {
    expect(Object.values(json.resource.aws_elasticache_replication_group)).toEqual([
      expect.objectContaining({ notification_topic_arn: referenceTo(json, 'aws_sns_topic', 'CacheEvents/Topic', 'arn') }),
    ]);
  });

  test('GIVEN no notification topic WHEN the replication group is synthesized THEN it has no notification_topic_arn', () => {
    const other = regionContextStack({ regions: ['us-east-1'] });
    new CacheReplicationGroup(other.stack, 'Redis', { context: other.context('us-east-1'), nodeType: 'cache.r6g.large', nodeCount: 2 });
    const plain = JSON.parse(Testing.synth(other.stack));
    expect(Object.values(plain.resource.aws_elasticache_replication_group)[0]).not.toHaveProperty('notification_topic_arn');
  });
});
