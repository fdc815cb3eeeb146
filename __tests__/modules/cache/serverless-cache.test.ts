import { ElasticacheServerlessCache } from '@cdktf/provider-aws/lib/elasticache-serverless-cache';
import { ServerlessCache, ServerlessCacheProps } from '../../../modules/cache';
import { ResourceNaming } from '../../../modules/naming';
import { ConfigurationError } from '../../../modules/validation';
import { synthesized, testStack } from '../../fixtures/region-context';
import { only, PlacementOverrides } from './cache-fixture';

type ServerlessOverrides = Partial<Omit<ServerlessCacheProps, 'context'>> & PlacementOverrides;

// A Valkey serverless cache in the data subnets, reachable from the application security groups only.
function synthServerless(overrides: ServerlessOverrides = {}, then: (cache: ServerlessCache) => void = () => undefined) {
  const { environment = 'prod', policy, network: _network, ...props } = overrides;
  const test = testStack({ naming: new ResourceNaming('content-hub', environment), environment, policy });
  const cache = new ServerlessCache(test.stack, 'Valkey', {
    usageLimits: { maxDataStorageGb: 10, maxEcpuPerSecond: 5000 },
    ...props,
    context: test.context('eu-west-2'),
  });
  then(cache);
  return synthesized(test.stack);
}

describe('serverless cache', () => {
  const { text, json } = synthServerless();

  test('GIVEN the defaults WHEN synthesized THEN a Valkey 8 serverless cache with usage limits, its key, subnets, group and 7-day snapshots', () => {
    expect(text).toHaveResourceWithProperties(ElasticacheServerlessCache, {
      name: 'content-hub-prod-valkey-eu-west-2',
      engine: 'valkey',
      major_engine_version: '8',
      subnet_ids: ['subnet-0d1', 'subnet-0d2'],
      snapshot_retention_limit: 7,
      daily_snapshot_time: '04:00',
      cache_usage_limits: [{ data_storage: [{ maximum: 10, unit: 'GB' }], ecpu_per_second: [{ maximum: 5000 }] }],
      lifecycle: { prevent_destroy: true },
    });
    const cache = only(json, 'aws_elasticache_serverless_cache');
    expect(cache.kms_key_id).toMatch(/^\$\{aws_kms_key\.Valkey_Key_[0-9A-F]{8}\.arn\}$/);
    expect(cache.security_group_ids).toEqual([expect.stringMatching(/aws_security_group\.Valkey_SecurityGroup/)]);
    expect(cache).not.toHaveProperty('user_group_id');
  });

  test('GIVEN the defaults WHEN synthesized THEN only the application group reaches 6379 and 6380 (reads from replicas)', () => {
    const rules = Object.values(json.resource.aws_vpc_security_group_ingress_rule) as any[];
    expect(rules.map((rule) => [rule.from_port, rule.referenced_security_group_id])).toEqual([[6379, 'sg-0app'], [6380, 'sg-0app']]);
    expect(only(json, 'aws_security_group')).not.toHaveProperty('ingress');
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  test('GIVEN a source admitted through the connectable contract WHEN synthesized THEN it reaches both ports', () => {
    const { json: admitted } = synthServerless({}, (cache) => cache.allowFrom('FromWorker', 'sg-0worker', 'worker'));
    const rules = (Object.values(admitted.resource.aws_vpc_security_group_ingress_rule) as any[]).filter((rule) => rule.referenced_security_group_id === 'sg-0worker');
    expect(rules.map((rule) => rule.from_port)).toEqual([6379, 6380]);
  });

  test('GIVEN minimums, an RBAC user group and Redis WHEN synthesized THEN they are passed on', () => {
    const { json: redis } = synthServerless({
      engine: 'redis',
      userGroupId: 'content-users',
      environment: 'dev',
      usageLimits: { maxDataStorageGb: 10, minDataStorageGb: 1, maxEcpuPerSecond: 5000, minEcpuPerSecond: 1000 },
    });
    const cache = only(redis, 'aws_elasticache_serverless_cache');
    expect(cache).toMatchObject({
      engine: 'redis',
      major_engine_version: '7',
      user_group_id: 'content-users',
      name: 'content-hub-dev-redis-eu-west-2',
      cache_usage_limits: [{ data_storage: [{ maximum: 10, minimum: 1, unit: 'GB' }], ecpu_per_second: [{ maximum: 5000, minimum: 1000 }] }],
    });
    expect(cache.lifecycle).toBeUndefined();
  });

  test.each<[string, ServerlessOverrides, string]>([
    ['no storage', { usageLimits: { maxDataStorageGb: 0, maxEcpuPerSecond: 5000 } }, 'cache.usageLimits.maxDataStorageGb must be an integer 1-5000, got 0'],
    ['too few ECPU', { usageLimits: { maxDataStorageGb: 10, maxEcpuPerSecond: 10 } }, 'cache.usageLimits.maxEcpuPerSecond must be an integer 1000-15000000, got 10'],
    ['a minimum above the maximum', { usageLimits: { maxDataStorageGb: 10, minDataStorageGb: 20, maxEcpuPerSecond: 5000 } }, 'cache.usageLimits.minDataStorageGb must not be above cache.usageLimits.maxDataStorageGb (10), got 20'],
    ['snapshot retention above 35', { snapshotRetentionDays: 40 }, 'cache.snapshotRetentionDays must be an integer 0-35, got 40'],
    ['a malformed snapshot time', { dailySnapshotTime: '4am' }, 'cache.dailySnapshotTime must be hh24:mi (UTC), e.g. "04:00", got "4am"'],
    ['an unknown engine', { engine: 'memcached' as 'valkey' }, 'cache.engine must be one of "valkey", "redis", got "memcached"'],
    ['a usage alarm above 100 %', { usageAlarmPercent: 120 }, 'cache.usageAlarmPercent must be an integer 1-100, got 120'],
  ])('GIVEN %s WHEN built THEN it fails before synthesis, naming the prop', (_case, overrides, message) => {
    let error: unknown;
    try {
      synthServerless(overrides);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([message]);
  });
});

describe('serverless cache alarms', () => {
  /** The cache's alarms by construct path, from their Terraform names. */
  const alarmsOf = (json: any) =>
    Object.fromEntries((Object.values(json.resource.aws_cloudwatch_metric_alarm) as any[]).map((alarm) => [alarm.alarm_name, alarm]));

  test('GIVEN limits of 10 GB and 5000 ECPU/s WHEN synthesized THEN three alarms watch the cache by clusterId: 80 % of each limit, and any throttling', () => {
    const alarms = alarmsOf(synthServerless().json);
    const name = 'content-hub-prod-valkey-eu-west-2';
    expect(Object.keys(alarms).sort()).toEqual([`${name}-data-stored`, `${name}-ecpu`, `${name}-throttled-commands`]);
    for (const alarm of Object.values(alarms)) expect(alarm).toMatchObject({ namespace: 'AWS/ElastiCache', dimensions: { clusterId: name } });
    expect(alarms[`${name}-data-stored`]).toMatchObject({ metric_name: 'BytesUsedForCache', statistic: 'Maximum', threshold: 8e9, comparison_operator: 'GreaterThanThreshold' });
    // 80 % of 5000 ECPU/s over a 60 s datapoint, five in a row.
    expect(alarms[`${name}-ecpu`]).toMatchObject({ metric_name: 'ElastiCacheProcessingUnits', statistic: 'Sum', period: 60, evaluation_periods: 5, threshold: 240000 });
    expect(alarms[`${name}-throttled-commands`]).toMatchObject({ metric_name: 'ThrottledCmds', statistic: 'Sum', threshold: 0, treat_missing_data: 'notBreaching' });
  });

  test('GIVEN the alarms WHEN synthesized THEN each notifies its severity topic when it fires and when it clears', () => {
    const alarms = alarmsOf(synthServerless().json);
    const name = 'content-hub-prod-valkey-eu-west-2';
    expect(alarms[`${name}-throttled-commands`].alarm_actions).toEqual(alarms[`${name}-throttled-commands`].ok_actions);
    expect(alarms[`${name}-throttled-commands`].alarm_actions).toEqual([expect.stringMatching(/critical/i)]);
    expect(alarms[`${name}-ecpu`].alarm_actions).toEqual([expect.stringMatching(/warning/i)]);
  });

  test('GIVEN usageAlarmPercent 50 WHEN synthesized THEN the usage alarms fire at half of each limit', () => {
    const alarms = alarmsOf(synthServerless({ usageAlarmPercent: 50 }).json);
    const name = 'content-hub-prod-valkey-eu-west-2';
    expect([alarms[`${name}-data-stored`].threshold, alarms[`${name}-ecpu`].threshold]).toEqual([5e9, 150000]);
  });
});
