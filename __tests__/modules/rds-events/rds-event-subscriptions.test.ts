import { Testing } from 'cdktf';
import { ALARM_TOPIC_PUBLISHERS, AlarmTopics } from '../../../modules/alarms';
import {
  DEFAULT_RDS_EVENT_CATEGORIES,
  RDS_EVENT_CATEGORIES,
  rdsEventCategoriesRules,
  RdsEventSubscriptions,
  RdsEventSubscriptionsProps,
} from '../../../modules/rds-events';
import { ConfigurationError, failedMessages } from '../../../modules/validation';
import { regionContextStack, resourcesByPath, topicArn } from '../postgres-instance/region-context-fixture';

function synthSubscriptions(props: Partial<Omit<RdsEventSubscriptionsProps, 'context'>>) {
  const { stack, context } = regionContextStack({ regions: ['eu-west-1'], system: 'gaming-platform' });
  new RdsEventSubscriptions(stack, 'Events', { sourceType: 'db-cluster', sourceIds: ['gaming-platform-prod-aurora-eu-west-1'], ...props, context: context('eu-west-1') });
  return JSON.parse(Testing.synth(stack));
}

describe('RdsEventSubscriptions', () => {
  test('GIVEN a cluster with default categories WHEN synthesized THEN one subscription to the critical topic and one to the warning topic', () => {
    const json = synthSubscriptions({});
    expect(resourcesByPath(json, 'aws_db_event_subscription')).toEqual({
      'Events/Critical': {
        provider: 'aws.eu_west_1',
        name: 'gaming-platform-prod-rds-events-clusters-critical-eu-west-1',
        sns_topic: topicArn('critical', 'eu-west-1'),
        source_type: 'db-cluster',
        source_ids: ['gaming-platform-prod-aurora-eu-west-1'],
        event_categories: ['deletion', 'failover', 'failure', 'global-failover'],
        enabled: true,
      },
      'Events/Warning': {
        provider: 'aws.eu_west_1',
        name: 'gaming-platform-prod-rds-events-clusters-warning-eu-west-1',
        sns_topic: topicArn('warning', 'eu-west-1'),
        source_type: 'db-cluster',
        source_ids: ['gaming-platform-prod-aurora-eu-west-1'],
        event_categories: ['maintenance', 'notification'],
        enabled: true,
      },
    });
  });

  test('GIVEN an instance and its replica WHEN synthesized with defaults THEN skillancer\'s categories (plus low storage, notification) go out by severity', () => {
    const json = synthSubscriptions({ sourceType: 'db-instance', sourceIds: ['skillancer-prod-postgres-us-east-1', 'skillancer-prod-postgres-us-east-1-replica-1'] });
    const subscriptions = resourcesByPath(json, 'aws_db_event_subscription');
    expect(subscriptions['Events/Critical']).toMatchObject({
      name: 'gaming-platform-prod-rds-events-instances-critical-eu-west-1',
      source_type: 'db-instance',
      source_ids: ['skillancer-prod-postgres-us-east-1', 'skillancer-prod-postgres-us-east-1-replica-1'],
      event_categories: ['availability', 'deletion', 'failover', 'failure', 'low storage'],
    });
    expect(subscriptions['Events/Warning'].event_categories).toEqual(['maintenance', 'notification', 'recovery']);
  });

  test('GIVEN the instance defaults WHEN read THEN they cover every category skillancer lists', () => {
    const all = [...DEFAULT_RDS_EVENT_CATEGORIES['db-instance'].critical, ...DEFAULT_RDS_EVENT_CATEGORIES['db-instance'].warning];
    expect(all).toEqual(expect.arrayContaining(['availability', 'deletion', 'failover', 'failure', 'maintenance', 'recovery']));
  });

  test('GIVEN no warning categories WHEN synthesized THEN only the critical subscription exists', () => {
    const json = synthSubscriptions({ categories: { warning: [] } });
    expect(Object.keys(resourcesByPath(json, 'aws_db_event_subscription'))).toEqual(['Events/Critical']);
  });

  test('GIVEN chosen critical categories WHEN synthesized THEN they replace the default for that severity only', () => {
    const json = synthSubscriptions({ categories: { critical: ['failover', 'global-failover'] } });
    const subscriptions = resourcesByPath(json, 'aws_db_event_subscription');
    expect([subscriptions['Events/Critical'].event_categories, subscriptions['Events/Warning'].event_categories]).toEqual([
      ['failover', 'global-failover'],
      ['maintenance', 'notification'],
    ]);
  });

  test('GIVEN created alarm topics WHEN their key policy is read THEN RDS events may publish into them', () => {
    expect(ALARM_TOPIC_PUBLISHERS).toContainEqual({ servicePrincipal: 'events.rds.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] });
    const { stack, context } = regionContextStack({ regions: ['eu-west-1'] });
    new AlarmTopics(stack, 'Created', { provider: context('eu-west-1').provider, region: 'eu-west-1', naming: context('eu-west-1').naming });
    const json = JSON.parse(Testing.synth(stack));
    const policy = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Created/Key/Policy'];
    expect(policy.statement.map((statement: any) => statement.principals[0].identifiers[0])).toContain('events.rds.amazonaws.com');
  });

  test.each<[string, Partial<RdsEventSubscriptionsProps>, string]>([
    [
      'an instance category for a cluster',
      { categories: { critical: ['low storage'] } },
      `rdsEvents.clusters.categories.critical must list db-cluster event categories (${RDS_EVENT_CATEGORIES['db-cluster'].map((each) => `"${each}"`).join(', ')}), got ["low storage"]`,
    ],
    [
      'a category sent to both severities',
      { categories: { critical: ['failover', 'maintenance'] } },
      'rdsEvents.clusters.categories must send each category to one severity only (critical or warning), got ["maintenance"] in both',
    ],
    ['no source', { sourceIds: [] }, 'rdsEvents.clusters.sourceIds must list at least one db-cluster identifier, got 0'],
  ])('GIVEN %s WHEN constructed THEN it fails: %s', (_case, props, message) => {
    let problems: readonly string[] = [];
    try {
      synthSubscriptions(props);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([message]);
  });

  test('GIVEN a global-failover category for an instance WHEN checked THEN it is refused (RDS reports it on clusters)', () => {
    expect(failedMessages(rdsEventCategoriesRules('rdsEvents.instanceCategories', 'db-instance', { critical: ['global-failover'] }))).toEqual([
      expect.stringMatching(/^rdsEvents\.instanceCategories\.critical must list db-instance event categories \(.*\), got \["global-failover"\]$/),
    ]);
  });
});
