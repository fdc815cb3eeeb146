import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { AnnotationMetadataEntryType } from 'cdktf';
import { ConfigurationError } from '../../../modules/validation';
import { ClusterOverrides, resourcesByPath, synthCluster, synthGlobal } from './aurora-fixture';

const instances = (json: any) => resourcesByPath(json, RdsClusterInstance.tfResourceType);

function problemsOf(overrides: ClusterOverrides): readonly string[] {
  try {
    synthCluster(overrides);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('Aurora per-instance settings', () => {
  test('GIVEN no per-instance settings WHEN synthesized THEN every instance has the cluster\'s class, no promotion tier and no AZ (the provider\'s 0, AWS\'s choice)', () => {
    const { json } = synthCluster();
    for (const instance of Object.values(instances(json)) as any[]) {
      expect(instance.instance_class).toBe('db.serverless');
      expect(instance).not.toHaveProperty('promotion_tier');
      expect(instance).not.toHaveProperty('availability_zone');
    }
  });

  test('GIVEN a provisioned writer and Serverless v2 readers WHEN synthesized THEN each instance has its class, tier and AZ, and the addresses stay Instance1..3', () => {
    const { json } = synthCluster({
      instanceCount: 3,
      instanceClass: 'db.serverless',
      serverlessV2: { minCapacity: 2, maxCapacity: 32 },
      instances: [
        { instanceClass: 'db.r6g.large', promotionTier: 0, availabilityZone: 'eu-west-2a' },
        { promotionTier: 1, availabilityZone: 'eu-west-2b' },
        { promotionTier: 15 },
      ],
    });
    const byPath = instances(json);
    expect(Object.keys(byPath)).toEqual(['Aurora/Instance1', 'Aurora/Instance2', 'Aurora/Instance3']);
    expect(byPath['Aurora/Instance1']).toMatchObject({ instance_class: 'db.r6g.large', promotion_tier: 0, availability_zone: 'eu-west-2a' });
    expect(byPath['Aurora/Instance2']).toMatchObject({ instance_class: 'db.serverless', promotion_tier: 1, availability_zone: 'eu-west-2b' });
    expect(byPath['Aurora/Instance3']).toMatchObject({ instance_class: 'db.serverless', promotion_tier: 15 });
    expect(byPath['Aurora/Instance3']).not.toHaveProperty('availability_zone');
  });

  test('GIVEN mixed classes WHEN synthesized THEN each instance\'s connections alarm follows its own class (r6g.large 1678, 32 ACU 5000)', () => {
    const { json } = synthCluster({
      instanceCount: 2,
      instanceClass: 'db.serverless',
      serverlessV2: { minCapacity: 2, maxCapacity: 32 },
      instances: [{ instanceClass: 'db.r6g.large' }],
      alarmThresholds: { connectionsPercentOfMax: 50 },
    });
    const alarms = Object.values(json.resource[CloudwatchMetricAlarm.tfResourceType]) as any[];
    const threshold = (name: string) => alarms.find((alarm) => alarm.alarm_name === name).threshold;
    expect(threshold('trivia-nft-staging-aurora-eu-west-2-1-connections')).toBe(839);
    expect(threshold('trivia-nft-staging-aurora-eu-west-2-2-connections')).toBe(2500);
  });

  test('GIVEN a burstable reader in prod WHEN built THEN the warning names that class', () => {
    const { cluster } = synthCluster({ environment: 'prod', instanceClass: 'db.r6g.large', serverlessV2: undefined, instances: [{}, { instanceClass: 'db.t4g.medium' }] });
    const warnings = cluster.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => entry.data);
    expect(warnings).toContainEqual(expect.stringContaining('aurora.instanceClass db.t4g.medium is burstable'));
  });

  test('GIVEN per-instance settings on a Global Database secondary WHEN synthesized THEN its instances use them', () => {
    const { json } = synthGlobal((test) => ({
      secondary: { context: test.context('eu-west-1'), instanceCount: 1, instanceClass: 'db.r6g.large', instances: [{ instanceClass: 'db.r6g.xlarge', availabilityZone: 'eu-west-1c' }] },
    }));
    expect(instances(json)['Aurora/ClusterEuWest1/Instance1']).toMatchObject({ instance_class: 'db.r6g.xlarge', availability_zone: 'eu-west-1c' });
  });

  test.each<[string, ClusterOverrides, string]>([
    ['more entries than instances', { instances: [{}, {}, {}] }, 'aurora.instances must have at most instanceCount (2) entries, one per instance, got 3'],
    ['an unknown class', { instances: [{ instanceClass: 'db.r6g.larg' }] }, 'aurora.instances[0].instanceClass must be a known Aurora PostgreSQL instance class ('],
    ['a promotion tier of 16', { instances: [{}, { promotionTier: 16 }] }, 'aurora.instances[1].promotionTier must be an integer 0-15, got 16'],
    ['an AZ of another Region', { instances: [{ availabilityZone: 'eu-west-1a' }] }, 'aurora.instances[0].availabilityZone must be an Availability Zone of eu-west-2 (eu-west-2a, eu-west-2b, ...), got "eu-west-1a"'],
    ['an AZ ID instead of a name', { instances: [{ availabilityZone: 'euw2-az1' }] }, 'aurora.instances[0].availabilityZone must be an Availability Zone of eu-west-2 (eu-west-2a, eu-west-2b, ...), got "euw2-az1"'],
    [
      'a Serverless v2 reader without a range',
      { instanceClass: 'db.r6g.large', serverlessV2: undefined, instances: [{}, { instanceClass: 'db.serverless' }] },
      'aurora.serverlessV2 must be set ({ minCapacity, maxCapacity }) when an instance is "db.serverless", got nothing',
    ],
  ])('GIVEN %s WHEN built THEN one message names the setting', (_case, overrides, message) => {
    expect(problemsOf(overrides)).toEqual([expect.stringContaining(message)]);
  });

  test('GIVEN a serverless range and a provisioned class for every instance WHEN built THEN the range is refused', () => {
    expect(problemsOf({ instanceClass: 'db.r6g.large', instances: [{}, {}] })).toEqual([
      'aurora.serverlessV2 must be left out unless an instance is "db.serverless" (instanceClass is "db.r6g.large"), got {"minCapacity":0.5,"maxCapacity":16}',
    ]);
  });
});
