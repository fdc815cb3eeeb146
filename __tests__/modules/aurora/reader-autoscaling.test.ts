import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { auroraCapacityRules } from '../../../modules/aurora';
import { failedMessages } from '../../../modules/validation';
import { ClusterOverrides, resourcesByPath, synthCluster, synthGlobal } from './aurora-fixture';

const PROVISIONED: ClusterOverrides = { instanceClass: 'db.r6g.large', serverlessV2: undefined, instanceCount: 2 };

describe('Aurora reader autoscaling', () => {
  test('GIVEN no readerAutoscaling WHEN synthesized THEN no scalable target or policy exists', () => {
    const { json } = synthCluster(PROVISIONED);
    expect(json.resource[AppautoscalingTarget.tfResourceType]).toBeUndefined();
    expect(json.resource[AppautoscalingPolicy.tfResourceType]).toBeUndefined();
  });

  test('GIVEN readers 1-5 with the defaults WHEN synthesized THEN the cluster\'s ReadReplicaCount tracks 70 % reader CPU with 300 s cooldowns, after the instances exist', () => {
    const { json } = synthCluster({ ...PROVISIONED, readerAutoscaling: { minReaders: 1, maxReaders: 5 } });
    const target = resourcesByPath(json, AppautoscalingTarget.tfResourceType)['Aurora/ReaderAutoscaling/Target'];
    expect(target).toMatchObject({
      service_namespace: 'rds',
      resource_id: 'cluster:trivia-nft-staging-aurora-eu-west-2',
      scalable_dimension: 'rds:cluster:ReadReplicaCount',
      min_capacity: 1,
      max_capacity: 5,
      provider: 'aws.eu_west_2',
    });
    expect(target.depends_on).toEqual([
      expect.stringMatching(/^aws_rds_cluster_instance\.Aurora_Instance1_/),
      expect.stringMatching(/^aws_rds_cluster_instance\.Aurora_Instance2_/),
    ]);
    const policy = resourcesByPath(json, AppautoscalingPolicy.tfResourceType)['Aurora/ReaderAutoscaling/Policy'];
    expect(policy).toMatchObject({
      name: 'trivia-nft-staging-aurora-eu-west-2-readers-cpu',
      policy_type: 'TargetTrackingScaling',
      target_tracking_scaling_policy_configuration: {
        predefined_metric_specification: { predefined_metric_type: 'RDSReaderAverageCPUUtilization' },
        target_value: 70,
        scale_in_cooldown: 300,
        scale_out_cooldown: 300,
      },
    });
    expect(policy.resource_id).toMatch(/^\$\{aws_appautoscaling_target\.Aurora_ReaderAutoscaling_Target_\w+\.resource_id\}$/);
  });

  test('GIVEN the connections metric and no target WHEN synthesized THEN it keeps 700 connections per reader', () => {
    const { json } = synthCluster({ ...PROVISIONED, readerAutoscaling: { minReaders: 1, maxReaders: 3, metric: 'connections' } });
    const policy = resourcesByPath(json, AppautoscalingPolicy.tfResourceType)['Aurora/ReaderAutoscaling/Policy'];
    expect(policy.target_tracking_scaling_policy_configuration).toMatchObject({
      predefined_metric_specification: { predefined_metric_type: 'RDSReaderAverageDatabaseConnections' },
      target_value: 700,
    });
  });

  test('GIVEN a target and cooldowns WHEN synthesized THEN the policy uses them', () => {
    const { json } = synthCluster({
      ...PROVISIONED,
      readerAutoscaling: { minReaders: 1, maxReaders: 4, targetValue: 55, scaleInCooldownSeconds: 900, scaleOutCooldownSeconds: 60 },
    });
    const policy = resourcesByPath(json, AppautoscalingPolicy.tfResourceType)['Aurora/ReaderAutoscaling/Policy'];
    expect(policy.target_tracking_scaling_policy_configuration).toMatchObject({ target_value: 55, scale_in_cooldown: 900, scale_out_cooldown: 60 });
  });

  test('GIVEN autoscaling on a Global Database primary WHEN synthesized THEN only that Region\'s cluster scales', () => {
    const { json } = synthGlobal((test) => ({
      primary: { context: test.context('eu-west-2'), instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 3 } },
    }));
    expect(Object.keys(resourcesByPath(json, AppautoscalingTarget.tfResourceType))).toEqual(['Aurora/ClusterEuWest2/ReaderAutoscaling/Target']);
  });

  test.each<[string, Parameters<typeof auroraCapacityRules>[1], boolean, string]>([
    ['max below min', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 3, maxReaders: 2 } }, false, 'aurora.readerAutoscaling.minReaders must not be above aurora.readerAutoscaling.maxReaders (2), got 3'],
    ['16 readers', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 16 } }, false, 'aurora.readerAutoscaling.maxReaders must be an integer 1-15, got 16'],
    ['a negative minimum', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: -1, maxReaders: 2 } }, false, 'aurora.readerAutoscaling.minReaders must be an integer 0-15, got -1'],
    [
      'a maximum below the readers Terraform makes',
      { instanceCount: 4, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 2 } },
      false,
      'aurora.readerAutoscaling.maxReaders must be at least the 3 readers Terraform makes (instanceCount 4; AWS counts them and removes only the readers it added), got 2',
    ],
    [
      'a headless secondary',
      { instanceCount: 0, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 0, maxReaders: 2 } },
      true,
      'aurora.readerAutoscaling must be left out of a headless cluster (instanceCount 0: AWS scales only a cluster with an available instance), got {"minReaders":0,"maxReaders":2}',
    ],
    ['an unknown metric', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 2, metric: 'memory' as never } }, false, 'aurora.readerAutoscaling.metric must be one of "cpu", "connections", got "memory"'],
    ['a CPU target above 100', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 2, targetValue: 120 } }, false, 'aurora.readerAutoscaling.targetValue must be 1-100, got 120'],
    [
      'a fractional connections target',
      { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 2, metric: 'connections', targetValue: 10.5 } },
      false,
      'aurora.readerAutoscaling.targetValue must be an integer 1-262143, got 10.5',
    ],
    ['a cooldown above a day', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 1, maxReaders: 2, scaleInCooldownSeconds: 90000 } }, false, 'aurora.readerAutoscaling.scaleInCooldownSeconds must be an integer 0-86400, got 90000'],
  ])('GIVEN %s WHEN checked THEN one message names the setting', (_case, capacity, secondary, message) => {
    expect(failedMessages(auroraCapacityRules('aurora', capacity, { allowHeadless: secondary }))).toEqual([message]);
  });

  test('GIVEN a secondary of 2 readers and a maximum of 2 WHEN checked THEN it is accepted (a secondary\'s instances are all readers)', () => {
    expect(failedMessages(auroraCapacityRules('aurora', { instanceCount: 2, instanceClass: 'db.r6g.large', readerAutoscaling: { minReaders: 2, maxReaders: 2 } }, { allowHeadless: true }))).toEqual([]);
  });
});
