import { resourcesByPath } from '../../modules/postgres-instance/region-context-fixture';
import { configurationProblems, environmentWith, synthTestSystem } from './component-fixture';
import { TEST_ENVIRONMENT } from './data-tier-test-system';

describe('cacheReplicationGroup eventNotifications', () => {
  test('GIVEN eventNotifications: {} WHEN built THEN an unencrypted topic in the group\'s Region receives its events', () => {
    const { json } = synthTestSystem(environmentWith({ alarms: { subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com' }] } }));
    const topic = resourcesByPath(json, 'aws_sns_topic')['RedisEvents/TopicUsEast1/Topic'];
    expect(topic).toMatchObject({ name: 'pgtest-prod-cache-events-us-east-1', provider: 'aws.us_east_1' });
    expect(topic).not.toHaveProperty('kms_master_key_id');
    const group = resourcesByPath(json, 'aws_elasticache_replication_group')['Redis/GroupUsEast1/ReplicationGroup'];
    expect(group.notification_topic_arn).toMatch(/^\$\{aws_sns_topic\.RedisEvents_TopicUsEast1_Topic_[0-9A-F]{8}\.arn\}$/);
    expect(Object.keys(resourcesByPath(json, 'aws_sns_topic_subscription')).filter((path) => path.startsWith('RedisEvents/'))).toHaveLength(1);
  });

  test('GIVEN an existing topic WHEN built THEN the group publishes to it and no topic is created', () => {
    const arn = 'arn:aws:sns:us-east-1:123456789012:cache-events';
    const { json } = synthTestSystem(environmentWith({ cache: { ...TEST_ENVIRONMENT.cache, eventNotifications: { existingTopicArns: { 'us-east-1': arn } } } }));
    expect(Object.keys(resourcesByPath(json, 'aws_sns_topic')).filter((path) => path.startsWith('RedisEvents/'))).toEqual([]);
    expect(resourcesByPath(json, 'aws_elasticache_replication_group')['Redis/GroupUsEast1/ReplicationGroup'].notification_topic_arn).toBe(arn);
  });

  test('GIVEN no eventNotifications WHEN built THEN the group has no notification topic', () => {
    const { json } = synthTestSystem(environmentWith({ cache: { ...TEST_ENVIRONMENT.cache, eventNotifications: undefined } }));
    expect(resourcesByPath(json, 'aws_elasticache_replication_group')['Redis/GroupUsEast1/ReplicationGroup']).not.toHaveProperty('notification_topic_arn');
  });

  test('GIVEN a Global Datastore WHEN built THEN each Region\'s group publishes to a topic of its own Region', () => {
    const { json } = synthTestSystem(environmentWith({ cache: { ...TEST_ENVIRONMENT.cache, nodeType: 'cache.r6g.large', globalDatastore: {} } }));
    const groups = resourcesByPath(json, 'aws_elasticache_replication_group');
    expect(groups['Redis/GroupUsEast1/ReplicationGroup'].notification_topic_arn).toMatch(/RedisEvents_TopicUsEast1_Topic/);
    expect(groups['Redis/GroupUsWest2/ReplicationGroup'].notification_topic_arn).toMatch(/RedisEvents_TopicUsWest2_Topic/);
  });

  test.each<[string, Record<string, string>, string]>([
    ['a Region without a group', { 'us-west-2': 'arn:aws:sns:us-west-2:123456789012:cache-events' }, 'pgtest.environments.prod.cache.eventNotifications.existingTopicArns names Region "us-west-2", which has no replication group (its Regions: us-east-1)'],
    [
      'a topic of another Region',
      { 'us-east-1': 'arn:aws:sns:us-west-2:123456789012:cache-events' },
      'pgtest.environments.prod.cache.eventNotifications.existingTopicArns.us-east-1 must be the ARN of an SNS topic in us-east-1 (arn:aws:sns:us-east-1:<account>:<name>), got "arn:aws:sns:us-west-2:123456789012:cache-events"',
    ],
  ])('GIVEN existing topics in %s WHEN the app checks the environment THEN it is refused', (_case, existingTopicArns, message) => {
    expect(configurationProblems(environmentWith({ cache: { ...TEST_ENVIRONMENT.cache, eventNotifications: { existingTopicArns } } }))).toEqual([message]);
  });
});
