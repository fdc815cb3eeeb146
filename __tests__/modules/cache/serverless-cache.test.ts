import { ElasticacheServerlessCache } from '@cdktf/provider-aws/lib/elasticache-serverless-cache';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { Password } from '@cdktf/provider-random/lib/password';
import { AUTH_TOKEN_SPECIAL_CHARACTERS, CACHE_USER_DEFAULTS, ServerlessCache, ServerlessCacheProps } from '../../../modules/cache';
import { warningsOf } from '../../fixtures/annotations';
import { ResourceNaming } from '../../../modules/naming';
import { ConfigurationError } from '../../../modules/validation';
import { synthesized, testStack } from '../../fixtures/region-context';
import { only, PlacementOverrides } from './cache-fixture';

type ServerlessOverrides = Partial<Omit<ServerlessCacheProps, 'context'>> & PlacementOverrides;

// A Valkey serverless cache in the data subnets, reachable from the application security groups only.
function synthServerless(overrides: ServerlessOverrides = {}, then: (cache: ServerlessCache) => void = () => undefined, system = 'content-hub') {
  const { environment = 'prod', policy, network: _network, ...props } = overrides;
  const test = testStack({ naming: new ResourceNaming(system, environment), environment, policy });
  const cache = new ServerlessCache(test.stack, 'Valkey', {
    usageLimits: { maxDataStorageGb: 10, maxEcpuPerSecond: 5000 },
    ...props,
    context: test.context('eu-west-2'),
  });
  then(cache);
  return { ...synthesized(test.stack), stack: test.stack, cache };
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
      lifecycle: { prevent_destroy: true, ignore_changes: ['snapshot_arns_to_restore'] },
    });
    expect(only(json, 'aws_elasticache_serverless_cache')).not.toHaveProperty('snapshot_arns_to_restore');
    const cache = only(json, 'aws_elasticache_serverless_cache');
    expect(cache.kms_key_id).toMatch(/^\$\{aws_kms_key\.Valkey_Key_[0-9A-F]{8}\.arn\}$/);
    expect(cache.security_group_ids).toEqual([expect.stringMatching(/aws_security_group\.Valkey_SecurityGroup/)]);
    expect(cache.user_group_id).toMatch(/^\$\{aws_elasticache_user_group\.Valkey_Users_UserGroup_[0-9A-F]{8}\.user_group_id\}$/);
  });

  test('GIVEN no authentication setting WHEN synthesized THEN a user group holds a switched-off default user and the password user "app"', () => {
    expect(text).toHaveResourceWithProperties(ElasticacheUserGroup, {
      user_group_id: 'content-hub-prod-valkey-eu-west-2-users',
      engine: 'valkey',
      user_ids: [expect.stringMatching(/^\$\{aws_elasticache_user\.Valkey_Users_DefaultUser_\w+\.user_id\}$/), expect.stringMatching(/^\$\{aws_elasticache_user\.Valkey_Users_User-app_User_\w+\.user_id\}$/)],
    });
    expect(text).toHaveResourceWithProperties(ElasticacheUser, {
      user_id: 'content-hub-prod-valkey-eu-west-2-default',
      user_name: 'default',
      access_string: 'off -@all',
      engine: 'valkey',
    });
    expect(text).toHaveResourceWithProperties(ElasticacheUser, {
      user_id: 'content-hub-prod-valkey-eu-west-2-app',
      user_name: 'app',
      access_string: CACHE_USER_DEFAULTS.accessString,
      authentication_mode: { type: 'password', passwords: [expect.stringMatching(/^\$\{random_password\.Valkey_Users_User-app_Password_Token_\w+\.result\}$/)] },
    });
  });

  test('GIVEN the app user WHEN synthesized THEN its password is a 64-character random_password, in a KMS-encrypted secret through secret_string_wo and nowhere else', () => {
    expect(text).toHaveResourceWithProperties(Password, { length: 64, override_special: AUTH_TOKEN_SPECIAL_CHARACTERS, keepers: { version: '1' } });
    const secret = Object.values(json.resource.aws_secretsmanager_secret)[0] as any;
    expect(secret).toMatchObject({ name: 'content-hub-prod-valkey-eu-west-2/users/app', recovery_window_in_days: 30 });
    expect(secret.kms_key_id).toMatch(/^\$\{aws_kms_key\.Valkey_Key_\w+\.arn\}$/);
    const version = Object.values(json.resource.aws_secretsmanager_secret_version)[0] as any;
    expect(version.secret_string_wo).toContain('random_password.Valkey_Users_User-app_Password_Token_');
    expect(version.secret_string_wo).toContain('aws_elasticache_serverless_cache.Valkey_Cache_');
    expect(version).not.toHaveProperty('secret_string');
    expect(version.secret_string_wo_version).toBe(1);
    const readers = Object.entries(json.resource)
      .flatMap(([type, blocks]) => Object.entries(blocks as object).map(([name, block]) => [`${type}.${name}`, JSON.stringify(block)]))
      .filter(([, body]) => body.includes('random_password.Valkey_Users_User-app_Password'))
      .map(([address]) => address.replace(/_[0-9A-F]{8}$/, ''));
    expect(readers.sort()).toEqual(['aws_elasticache_user.Valkey_Users_User-app_User', 'aws_secretsmanager_secret_version.Valkey_Users_User-app_Value']);
  });

  test('GIVEN the defaults WHEN synthesized THEN nothing is warned about', () => {
    expect(warningsOf(synthServerless().stack)).toEqual([]);
  });

  test('GIVEN an IAM user and a read-only password user WHEN synthesized THEN the IAM user is named after its ID and the other keeps its access string', () => {
    const { text, json, cache } = synthServerless({
      users: [
        { name: 'worker', authentication: 'iam' },
        { name: 'reader', accessString: 'on ~* +@read', passwordVersion: 2 },
      ],
    });
    expect(text).toHaveResourceWithProperties(ElasticacheUser, {
      user_id: 'content-hub-prod-valkey-eu-west-2-worker',
      user_name: 'content-hub-prod-valkey-eu-west-2-worker',
      authentication_mode: { type: 'iam' },
    });
    expect(text).toHaveResourceWithProperties(ElasticacheUser, { user_name: 'reader', access_string: 'on ~* +@read' });
    expect(text).toHaveResourceWithProperties(Password, { keepers: { version: '2' } });
    expect(Object.keys(json.resource.aws_secretsmanager_secret)).toHaveLength(1);
    expect(cache.users!.grantConnect('worker', cache.arn)).toEqual([
      { sid: 'ConnectToCache', actions: ['elasticache:Connect'], resources: [cache.arn, cache.users!.users[0].arn] },
    ]);
    expect(cache.users!.grantReadUserSecret('reader').map((statement) => statement.actions)).toEqual([
      ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      ['kms:Decrypt'],
    ]);
    expect(() => cache.users!.grantConnect('reader', cache.arn)).toThrow('the cache has no IAM user "reader"');
  });

  test('GIVEN snapshots to restore WHEN synthesized THEN the new cache is seeded from them, and later edits to them are ignored', () => {
    const arn = 'arn:aws:elasticache:eu-west-2:111122223333:serverlesscachesnapshot:content-hub-prod-valkey-20260101';
    const cache = only(synthServerless({ snapshotArnsToRestore: [arn] }).json, 'aws_elasticache_serverless_cache');
    expect(cache.snapshot_arns_to_restore).toEqual([arn]);
    expect(cache.lifecycle.ignore_changes).toEqual(['snapshot_arns_to_restore']);
  });

  test('GIVEN unauthenticatedAccess WHEN synthesized THEN no user group, no user, and a warning says why that is risky', () => {
    const { json, stack } = synthServerless({ unauthenticatedAccess: true });
    expect(only(json, 'aws_elasticache_serverless_cache')).not.toHaveProperty('user_group_id');
    expect(json.resource.aws_elasticache_user).toBeUndefined();
    expect(warningsOf(stack)).toEqual([expect.stringContaining('cache.unauthenticatedAccess is true: content-hub-prod-valkey-eu-west-2 has no user group')]);
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
    expect(cache.lifecycle).toEqual({ ignore_changes: ['snapshot_arns_to_restore'] });
  });

  test.each<[string, ServerlessOverrides, string]>([
    ['no storage', { usageLimits: { maxDataStorageGb: 0, maxEcpuPerSecond: 5000 } }, 'cache.usageLimits.maxDataStorageGb must be an integer 1-5000, got 0'],
    ['too few ECPU', { usageLimits: { maxDataStorageGb: 10, maxEcpuPerSecond: 10 } }, 'cache.usageLimits.maxEcpuPerSecond must be an integer 1000-15000000, got 10'],
    ['a minimum above the maximum', { usageLimits: { maxDataStorageGb: 10, minDataStorageGb: 20, maxEcpuPerSecond: 5000 } }, 'cache.usageLimits.minDataStorageGb must not be above cache.usageLimits.maxDataStorageGb (10), got 20'],
    ['snapshot retention above 35', { snapshotRetentionDays: 40 }, 'cache.snapshotRetentionDays must be an integer 0-35, got 40'],
    ['a malformed snapshot time', { dailySnapshotTime: '4am' }, 'cache.dailySnapshotTime must be hh24:mi (UTC), e.g. "04:00", got "4am"'],
    ['an unknown engine', { engine: 'memcached' as 'valkey' }, 'cache.engine must be one of "valkey", "redis", got "memcached"'],
    ['a usage alarm above 100 %', { usageAlarmPercent: 120 }, 'cache.usageAlarmPercent must be an integer 1-100, got 120'],
    ['an S3 ARN to restore', { snapshotArnsToRestore: ['arn:aws:s3:::backups/dump.rdb'] }, 'cache.snapshotArnsToRestore must list ElastiCache snapshot ARNs (arn:aws:elasticache:<region>:<account>:serverlesscachesnapshot:<name>), got ["arn:aws:s3:::backups/dump.rdb"]'],
    ['users and an existing group', { users: [{ name: 'app' }], userGroupId: 'content-users' }, 'cache must choose one of users, userGroupId and unauthenticatedAccess, got users and userGroupId'],
    ['an existing group and the opt-out', { userGroupId: 'content-users', unauthenticatedAccess: true }, 'cache must choose one of users, userGroupId and unauthenticatedAccess, got userGroupId and unauthenticatedAccess'],
    ['an empty user list', { users: [] }, 'cache.users must list at least one user, got []'],
    ['a user called default', { users: [{ name: 'default' }] }, 'cache.users[0].name must not be "default" (DataStack creates the default user, switched off), got "default"'],
    ['an uppercase user name', { users: [{ name: 'App' }] }, 'cache.users[0].name must be lowercase letters, digits and single hyphens, starting with a letter (e.g. "app"), got "App"'],
    ['a user twice', { users: [{ name: 'app' }, { name: 'app' }] }, 'cache.users[1].name must name each user once, got "app" again'],
    ['an access string without on/off', { users: [{ name: 'app', accessString: '~* +@all' }] }, 'cache.users[0].accessString must be a Redis ACL access string starting with "on" or "off", e.g. "on ~app:* +@read", got "~* +@all"'],
    ['an unknown authentication', { users: [{ name: 'app', authentication: 'token' as 'iam' }] }, 'cache.users[0].authentication must be one of "password", "iam", got "token"'],
    ['IAM on Redis OSS 6', { engine: 'redis', majorEngineVersion: '6', users: [{ name: 'app', authentication: 'iam' }] }, 'cache.users[0].authentication "iam" needs Redis OSS 7 or later or Valkey, got redis 6'],
    ['password version 0', { users: [{ name: 'app', passwordVersion: 0 }] }, 'cache.users[0].passwordVersion must be an integer 1-1000000, got 0'],
    ['a malformed user group ID', { userGroupId: '1-group' }, 'cache.userGroupId must be an ElastiCache user group ID: letters, digits and hyphens, starting with a letter, got "1-group" (7 characters)'],
    ['a cache name over 40 characters', { component: 'api-cache-and-rate-limiter' }, 'the derived name "content-hub-prod-api-cache-and-rate-limiter-eu-west-2" (53 characters) must be an ElastiCache serverless cache name: 1-40 letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten cache.component or the system name'],
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
