import { resourcesByPath } from '../../modules/postgres-instance/region-context-fixture';
import { configurationProblems, environmentWith, synthTestSystem } from './component-fixture';

describe('rdsEventSubscriptions component', () => {
  const { json } = synthTestSystem();
  const subscriptions = resourcesByPath(json, 'aws_db_event_subscription');

  test('GIVEN an instance and its replica WHEN built THEN one critical and one warning subscription in their Region cover both', () => {
    expect(Object.keys(subscriptions).sort()).toEqual(['RdsEvents/InstancesUsEast1/Critical', 'RdsEvents/InstancesUsEast1/Warning']);
    expect(subscriptions['RdsEvents/InstancesUsEast1/Critical'].source_ids).toEqual([
      expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}\.identifier\}$/),
      expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Replica1_[0-9A-F]{8}\.identifier\}$/),
    ]);
  });

  test('GIVEN the created alarm topics WHEN built THEN each subscription goes to the Region\'s topic of its severity', () => {
    expect(subscriptions['RdsEvents/InstancesUsEast1/Critical'].sns_topic).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsUsEast1_Critical_[0-9A-F]{8}\.arn\}$/);
    expect(subscriptions['RdsEvents/InstancesUsEast1/Warning'].sns_topic).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsUsEast1_Warning_[0-9A-F]{8}\.arn\}$/);
  });

  test('GIVEN instance categories WHEN built THEN they replace the defaults', () => {
    const { json: tuned } = synthTestSystem(environmentWith({ rdsEvents: { instanceCategories: { critical: ['failover', 'failure'], warning: ['maintenance'] } } }));
    const tunedSubscriptions = resourcesByPath(tuned, 'aws_db_event_subscription');
    expect(tunedSubscriptions['RdsEvents/InstancesUsEast1/Critical'].event_categories).toEqual(['failover', 'failure']);
    expect(tunedSubscriptions['RdsEvents/InstancesUsEast1/Warning'].event_categories).toEqual(['maintenance']);
  });

  test('GIVEN an unknown category WHEN the app checks the environment THEN it is refused with the full path', () => {
    expect(configurationProblems(environmentWith({ rdsEvents: { instanceCategories: { critical: ['outage'] } } }))).toEqual([
      expect.stringMatching(/^pgtest\.environments\.prod\.rdsEvents\.instanceCategories\.critical must list db-instance event categories \(.*\), got \["outage"\]$/),
    ]);
  });
});
