import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { Password } from '@cdktf/provider-random/lib/password';
import { AUTH_TOKEN_SPECIAL_CHARACTERS, AuthTokenUpdateStrategy, CacheEngineVersion, CacheNodeType, cacheReplicationGroupRules } from '../../../modules/cache';
import { ConfigurationError, failedMessages } from '../../../modules/validation';
import { warningsOf } from '../../fixtures/annotations';
import { byName, GroupOverrides, only, synthGroup } from './cache-fixture';

describe('replication group, cluster mode disabled (the gaming platform in prod)', () => {
  const { text, json, group } = synthGroup();
  const resource = only(json, 'aws_elasticache_replication_group');

  test('GIVEN 3 nodes WHEN synthesized THEN Redis 7.1 on cache.r7g.xlarge, Multi-AZ with automatic failover, cluster mode disabled', () => {
    expect(text).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      replication_group_id: 'gaming-platform-prod-redis-eu-west-2',
      engine: 'redis',
      engine_version: '7.1',
      node_type: 'cache.r7g.xlarge',
      num_cache_clusters: 3,
      cluster_mode: 'disabled',
      multi_az_enabled: true,
      automatic_failover_enabled: true,
      port: 6379,
    });
    expect(resource).not.toHaveProperty('num_node_groups');
  });

  test('GIVEN the defaults WHEN synthesized THEN encrypted at rest with the group key and in transit with mode "required"', () => {
    expect(resource).toMatchObject({ at_rest_encryption_enabled: 'true', transit_encryption_enabled: true, transit_encryption_mode: 'required' });
    expect(resource.kms_key_id).toMatch(/^\$\{aws_kms_key\.Redis_Key_[0-9A-F]{8}\.arn\}$/);
  });

  test('GIVEN the defaults WHEN synthesized THEN 7-day snapshots 04:00-05:00, maintenance sun:05:00-06:00, a final snapshot, no auto minor upgrade, changes wait in prod, prevent_destroy', () => {
    expect(resource).toMatchObject({
      snapshot_retention_limit: 7,
      snapshot_window: '04:00-05:00',
      maintenance_window: 'sun:05:00-sun:06:00',
      final_snapshot_identifier: 'gaming-platform-prod-redis-eu-west-2-final',
      auto_minor_version_upgrade: 'false',
      apply_immediately: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('GIVEN the defaults WHEN synthesized THEN the AUTH token is a random_password of 64 characters ElastiCache accepts, rotated with ROTATE', () => {
    expect(text).toHaveResourceWithProperties(Password, {
      length: 64,
      special: true,
      override_special: '!&#$^<>-',
      min_special: 1,
      keepers: { version: '1' },
    });
    expect(AUTH_TOKEN_SPECIAL_CHARACTERS).not.toMatch(/[@"/ ]/);
    expect(resource.auth_token).toMatch(/^\$\{random_password\.Redis_AuthToken_[0-9A-F]{8}\.result\}$/);
    expect(resource.auth_token_update_strategy).toBe('ROTATE');
    expect(resource).not.toHaveProperty('user_group_ids');
  });

  test('GIVEN the AUTH token WHEN synthesized THEN a KMS-encrypted secret holds it through secret_string_wo with the endpoints, versioned with the token', () => {
    const secret = only(json, 'aws_secretsmanager_secret');
    expect(secret).toMatchObject({ name: 'gaming-platform-prod-redis-eu-west-2/auth-token', recovery_window_in_days: 30 });
    expect(secret.kms_key_id).toMatch(/aws_kms_key\.Redis_Key_[0-9A-F]{8}\.arn/);
    const value = only(json, 'aws_secretsmanager_secret_version');
    expect(value).not.toHaveProperty('secret_string');
    expect(value.secret_string_wo_version).toBe(1);
    expect(value.secret_string_wo).toMatch(/^\$\{jsonencode\(\{"auth_token" = random_password\.Redis_AuthToken_[0-9A-F]{8}\.result, "primary_endpoint" = aws_elasticache_replication_group\.Redis_ReplicationGroup_[0-9A-F]{8}\.primary_endpoint_address, "reader_endpoint" = .*reader_endpoint_address, "port" = 6379\}\)\}$/);
    expect(group.authSecretArn).toBeDefined();
  });

  test('GIVEN the defaults WHEN synthesized THEN the parameter group has seed 004 values and no notify-keyspace-events', () => {
    expect(text).toHaveResourceWithProperties(ElasticacheParameterGroup, {
      name: 'gaming-platform-prod-redis-eu-west-2-redis7',
      family: 'redis7',
      parameter: [
        { name: 'maxmemory-policy', value: 'volatile-lru' },
        { name: 'tcp-keepalive', value: '300' },
        { name: 'timeout', value: '300' },
      ],
    });
  });

  test('GIVEN the defaults WHEN synthesized THEN slow and engine logs go as JSON to two KMS-encrypted log groups kept as long as the policy says (365 days)', () => {
    const logGroups = byName(json, 'aws_cloudwatch_log_group');
    expect(logGroups.Redis_Logs_SlowLog).toMatchObject({ name: '/aws/elasticache/gaming-platform-prod-redis-eu-west-2/slow-log', retention_in_days: 365 });
    expect(logGroups.Redis_Logs_EngineLog).toMatchObject({ name: '/aws/elasticache/gaming-platform-prod-redis-eu-west-2/engine-log', retention_in_days: 365 });
    expect(Object.keys(logGroups)).toHaveLength(2);
    for (const logGroup of Object.values(logGroups)) expect(logGroup.kms_key_id).toMatch(/aws_kms_key\.Redis_Key_[0-9A-F]{8}\.arn/);
    expect(resource.log_delivery_configuration).toEqual([
      { destination: expect.stringMatching(/Logs_SlowLog_[0-9A-F]{8}\.name\}$/), destination_type: 'cloudwatch-logs', log_format: 'json', log_type: 'slow-log' },
      { destination: expect.stringMatching(/Logs_EngineLog_[0-9A-F]{8}\.name\}$/), destination_type: 'cloudwatch-logs', log_format: 'json', log_type: 'engine-log' },
    ]);
  });

  test('GIVEN the log groups WHEN the key policy is read THEN CloudWatch Logs of eu-west-2 may use the key for this group\'s log groups only', () => {
    const keyPolicy = byName(json, 'aws_iam_policy_document', 'data').Redis_Key_Policy;
    const grant = keyPolicy.statement.find((statement: any) => statement.sid === 'ServiceGrant0');
    expect(grant).toMatchObject({
      principals: [{ type: 'Service', identifiers: ['logs.eu-west-2.amazonaws.com'] }],
      actions: expect.arrayContaining(['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*']),
      condition: [
        {
          test: 'ArnLike',
          variable: 'kms:EncryptionContext:aws:logs:arn',
          values: [expect.stringMatching(/^arn:\$\{data\.aws_partition\.Redis_Partition_[0-9A-F]{8}\.partition\}:logs:eu-west-2:\$\{data\.aws_caller_identity\.Redis_Account_[0-9A-F]{8}\.account_id\}:log-group:\/aws\/elasticache\/gaming-platform-prod-redis-eu-west-2\/\*$/)],
        },
      ],
    });
  });

  test('GIVEN the network WHEN synthesized THEN a subnet group of the data subnets and a security group admitting only the application group on 6379, no egress', () => {
    expect(only(json, 'aws_elasticache_subnet_group')).toMatchObject({ name: 'gaming-platform-prod-redis-eu-west-2', subnet_ids: ['subnet-0d1', 'subnet-0d2'] });
    const securityGroup = only(json, 'aws_security_group');
    expect(securityGroup.vpc_id).toBe('vpc-0a1b2');
    expect(securityGroup).not.toHaveProperty('ingress');
    expect(securityGroup).not.toHaveProperty('egress');
    expect(only(json, 'aws_vpc_security_group_ingress_rule')).toMatchObject({ from_port: 6379, to_port: 6379, ip_protocol: 'tcp', referenced_security_group_id: 'sg-0app' });
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  test('GIVEN a function admitted through the connectable contract WHEN built THEN a rule of its own lets it in on 6379', () => {
    const { json: admitted } = synthGroup({}, (built) => built.allowFrom('FromWarmer', 'sg-0warmer', 'cache warmer'));
    const rules = Object.values(admitted.resource.aws_vpc_security_group_ingress_rule) as any[];
    expect(rules.map((rule) => [rule.referenced_security_group_id, rule.from_port]).sort()).toEqual([['sg-0app', 6379], ['sg-0warmer', 6379]]);
  });

  test('GIVEN the Region topics WHEN synthesized THEN every node has the seven cache alarms on its own CacheClusterId', () => {
    const alarms = Object.values(json.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms).toHaveLength(3 * 7);
    const node2 = Object.fromEntries(alarms.filter((alarm) => alarm.dimensions.CacheClusterId === 'gaming-platform-prod-redis-eu-west-2-002').map((alarm) => [alarm.metric_name, alarm]));
    expect(Object.keys(node2).sort()).toEqual(['CPUUtilization', 'CacheHitRate', 'CurrConnections', 'DatabaseMemoryUsagePercentage', 'EngineCPUUtilization', 'Evictions', 'ReplicationLag']);
    expect(node2.CPUUtilization).toMatchObject({ threshold: 80, comparison_operator: 'GreaterThanThreshold', namespace: 'AWS/ElastiCache', alarm_actions: ['arn:aws:sns:eu-west-2:111122223333:warning'] });
    expect(node2.EngineCPUUtilization).toMatchObject({ threshold: 80, alarm_actions: ['arn:aws:sns:eu-west-2:111122223333:critical'] });
    expect(node2.DatabaseMemoryUsagePercentage).toMatchObject({ threshold: 80, comparison_operator: 'GreaterThanThreshold' });
    expect(node2.CurrConnections).toMatchObject({ threshold: 5000, statistic: 'Maximum' });
    expect(node2.Evictions).toMatchObject({ threshold: 1000, statistic: 'Sum', period: 300 });
    expect(node2.CacheHitRate).toMatchObject({ threshold: 80, comparison_operator: 'LessThanThreshold', treat_missing_data: 'notBreaching' });
    expect(node2.ReplicationLag).toMatchObject({ threshold: 1, statistic: 'Maximum', treat_missing_data: 'notBreaching' });
    expect(node2.CPUUtilization.alarm_name).toBe('gaming-platform-prod-redis-eu-west-2-002-cpu');
  });
});

describe('replication group options', () => {
  test('GIVEN logRetentionDays 7 WHEN synthesized THEN both log groups keep 7 days, whatever the policy says', () => {
    const logGroups = Object.values(synthGroup({ logRetentionDays: 7, policy: { logRetentionDays: 90 } }).json.resource.aws_cloudwatch_log_group) as any[];
    expect(logGroups.map((group) => group.retention_in_days)).toEqual([7, 7]);
  });

  test('GIVEN a policy without final snapshots WHEN synthesized THEN the group names none', () => {
    expect(only(synthGroup({ policy: { finalSnapshot: false } }).json, 'aws_elasticache_replication_group')).not.toHaveProperty('final_snapshot_identifier');
  });

  test('GIVEN one node in dev WHEN synthesized THEN no Multi-AZ, no failover, changes applied immediately, no prevent_destroy', () => {
    const { json } = synthGroup({ environment: 'dev', nodeCount: 1, nodeType: 'cache.r7g.large' });
    const resource = only(json, 'aws_elasticache_replication_group');
    expect(resource).toMatchObject({ num_cache_clusters: 1, multi_az_enabled: false, automatic_failover_enabled: false, apply_immediately: true });
    expect(resource.lifecycle.prevent_destroy).toBeUndefined();
  });

  test('GIVEN notifyKeyspaceEvents and a parameter override WHEN synthesized THEN both are in the parameter group', () => {
    const { text } = synthGroup({ notifyKeyspaceEvents: 'Ex', parameters: { timeout: '0' } });
    expect(text).toHaveResourceWithProperties(ElasticacheParameterGroup, {
      parameter: [
        { name: 'maxmemory-policy', value: 'volatile-lru' },
        { name: 'notify-keyspace-events', value: 'Ex' },
        { name: 'tcp-keepalive', value: '300' },
        { name: 'timeout', value: '0' },
      ],
    });
  });

  test('GIVEN a token rotation (version 2, SET) WHEN synthesized THEN the password is regenerated and the strategy sent is SET', () => {
    const { json } = synthGroup({ authentication: { kind: 'auth-token', version: 2, updateStrategy: 'SET', length: 32 } });
    expect(only(json, 'random_password')).toMatchObject({ length: 32, keepers: { version: '2' } });
    expect(only(json, 'aws_elasticache_replication_group').auth_token_update_strategy).toBe('SET');
    expect(only(json, 'aws_secretsmanager_secret_version').secret_string_wo_version).toBe(2);
  });

  test('GIVEN a secret name WHEN synthesized THEN the AUTH secret takes it instead of <group>/auth-token', () => {
    const { json } = synthGroup({ authentication: { kind: 'auth-token', secretName: 'skillancer/prod/redis/auth-token' } });
    expect(only(json, 'aws_secretsmanager_secret').name).toBe('skillancer/prod/redis/auth-token');
  });

  test('GIVEN url: true WHEN synthesized THEN the secret holds a rediss:// URL with the token URL-encoded, the primary endpoint and the port', () => {
    const { json, text } = synthGroup({ authentication: { kind: 'auth-token', url: true } });
    expect(only(json, 'aws_secretsmanager_secret_version').secret_string_wo).toMatch(
      /"url" = "rediss:\/\/:\$\{urlencode\(random_password\.Redis_AuthToken_[0-9A-F]{8}\.result\)\}@\$\{aws_elasticache_replication_group\.Redis_ReplicationGroup_[0-9A-F]{8}\.primary_endpoint_address\}:6379"/,
    );
    expect(text).not.toMatch(/rediss:\/\/:[^$]/);
  });

  test('GIVEN the defaults WHEN synthesized THEN the secret has no url key', () => {
    expect(only(synthGroup().json, 'aws_secretsmanager_secret_version').secret_string_wo).not.toContain('"url"');
  });

  test('GIVEN RBAC WHEN synthesized THEN user groups instead of a token, and no token or secret at all', () => {
    const { json, group } = synthGroup({ authentication: { kind: 'rbac', userGroupIds: ['gaming-users'] } });
    const resource = only(json, 'aws_elasticache_replication_group');
    expect(resource.user_group_ids).toEqual(['gaming-users']);
    expect(resource).not.toHaveProperty('auth_token');
    expect(resource).not.toHaveProperty('auth_token_update_strategy');
    expect(json.resource.random_password).toBeUndefined();
    expect(json.resource.aws_secretsmanager_secret).toBeUndefined();
    expect(group.authSecretArn).toBeUndefined();
  });

  test('GIVEN no restore source WHEN synthesized THEN no snapshot is read, and the restore arguments are ignored after creation', () => {
    const resource = only(synthGroup().json, 'aws_elasticache_replication_group');
    expect(resource).not.toHaveProperty('snapshot_name');
    expect(resource).not.toHaveProperty('snapshot_arns');
    expect(resource.lifecycle.ignore_changes).toEqual(['snapshot_name', 'snapshot_arns']);
  });

  test.each<[string, GroupOverrides['restoreFrom'], Record<string, unknown>]>([
    ['a snapshot name', { snapshotName: 'gaming-platform-prod-redis-manual-20260101' }, { snapshot_name: 'gaming-platform-prod-redis-manual-20260101' }],
    ['RDB files in S3', { snapshotArns: ['arn:aws:s3:::gp-restores/redis-0001.rdb'] }, { snapshot_arns: ['arn:aws:s3:::gp-restores/redis-0001.rdb'] }],
  ])('GIVEN a restore from %s WHEN synthesized THEN the new group is seeded from it', (_case, restoreFrom, expected) => {
    expect(synthGroup({ restoreFrom }).text).toHaveResourceWithProperties(ElasticacheReplicationGroup, expected);
  });

  test('GIVEN users DataStack creates WHEN synthesized THEN the group authenticates with its own user group, no AUTH token, and a secret per password user', () => {
    const { json, text, group } = synthGroup({ authentication: { kind: 'users', users: [{ name: 'app' }, { name: 'ops', authentication: 'iam', accessString: 'on ~* +@read +info' }] } });
    const resource = only(json, 'aws_elasticache_replication_group');
    expect(resource.user_group_ids).toEqual([expect.stringMatching(/^\$\{aws_elasticache_user_group\.Redis_Users_UserGroup_\w+\.user_group_id\}$/)]);
    expect(resource).not.toHaveProperty('auth_token');
    expect(text).toHaveResourceWithProperties(ElasticacheUserGroup, { user_group_id: 'gaming-platform-prod-redis-eu-west-2-users', engine: 'redis' });
    expect(text).toHaveResourceWithProperties(ElasticacheUser, { user_id: 'gaming-platform-prod-redis-eu-west-2-ops', user_name: 'gaming-platform-prod-redis-eu-west-2-ops', authentication_mode: { type: 'iam' } });
    expect(Object.values(json.resource.aws_secretsmanager_secret).map((secret: any) => secret.name)).toEqual(['gaming-platform-prod-redis-eu-west-2/users/app']);
    const version = only(json, 'aws_secretsmanager_secret_version');
    expect(version.secret_string_wo).toContain('primary_endpoint_address');
    expect(group.authSecretArn).toBeUndefined();
    expect(group.users!.users.map((user) => user.userName)).toEqual(['app', 'gaming-platform-prod-redis-eu-west-2-ops']);
  });

  test('GIVEN an AUTH token WHEN an application is granted it THEN it reads that secret only and decrypts with the group key only through Secrets Manager', () => {
    const { group } = synthGroup();
    expect(group.grantReadAuthToken()).toEqual([
      { sid: 'ReadCacheAuthToken', actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: [group.authSecretArn] },
      {
        sid: 'DecryptCacheAuthToken',
        actions: ['kms:Decrypt'],
        resources: [group.kmsKeyArn],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.eu-west-2.amazonaws.com'] }],
      },
    ]);
  });

  test('GIVEN RBAC WHEN an application asks for the AUTH token THEN it is told there is none', () => {
    const { group } = synthGroup({ authentication: { kind: 'rbac', userGroupIds: ['gaming-users'] } });
    expect(() => group.grantReadAuthToken()).toThrow('gaming-platform-prod-redis-eu-west-2 authenticates with an RBAC user group: it has no AUTH token secret to read');
  });

  test('GIVEN Valkey 8.0 WHEN synthesized THEN engine valkey, family valkey8, names with valkey', () => {
    const { json } = synthGroup({ engineVersion: CacheEngineVersion.VALKEY_8_0 });
    expect(only(json, 'aws_elasticache_replication_group')).toMatchObject({ engine: 'valkey', engine_version: '8.0', replication_group_id: 'gaming-platform-prod-valkey-eu-west-2' });
    expect(only(json, 'aws_elasticache_parameter_group').family).toBe('valkey8');
  });

  test('GIVEN transitEncryptionMode preferred and a burstable node in prod WHEN synthesized THEN both are warned about', () => {
    const { stack } = synthGroup({ transitEncryptionMode: 'preferred', nodeType: 'cache.t4g.medium' });
    const warnings = warningsOf(stack);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('plain-text connections are accepted'), expect.stringContaining('cache.t4g.medium is burstable')]));
  });

  test('GIVEN a single node in prod WHEN synthesized THEN it warns that a node failure loses the cache', () => {
    expect(warningsOf(synthGroup({ nodeCount: 1 }).stack)).toEqual([expect.stringContaining('has no replica in prod')]);
  });

  test('GIVEN r6gd nodes WHEN synthesized THEN data tiering is on, as AWS requires for them', () => {
    expect(synthGroup({ nodeType: 'cache.r6gd.xlarge' }).text).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      node_type: 'cache.r6gd.xlarge',
      data_tiering_enabled: true,
    });
  });

  test.each<CacheNodeType>(['cache.r7g.xlarge', 'cache.r6g.large', 'cache.t4g.small'])('GIVEN %s nodes WHEN synthesized THEN data_tiering_enabled is left out (AWS accepts it on r6gd only)', (nodeType) => {
    expect(only(synthGroup({ nodeType }).json, 'aws_elasticache_replication_group')).not.toHaveProperty('data_tiering_enabled');
  });

  test('GIVEN r6gd nodes with allkeys-lfu eviction WHEN synthesized THEN data tiering is on and the policy kept', () => {
    const { text } = synthGroup({ nodeType: 'cache.r6gd.2xlarge', parameters: { 'maxmemory-policy': 'allkeys-lfu' } });
    expect(text).toHaveResourceWithProperties(ElasticacheReplicationGroup, { data_tiering_enabled: true });
  });

  test('GIVEN the prod defaults WHEN synthesized THEN nothing is warned about', () => {
    expect(warningsOf(synthGroup().stack)).toEqual([]);
  });
});

describe('replication group, cluster mode enabled (trivia-nft: 2 shards x 2 replicas)', () => {
  const { json, group } = synthGroup({ nodeCount: undefined, shards: 2, replicasPerShard: 2, nodeType: 'cache.r7g.large' });
  const resource = only(json, 'aws_elasticache_replication_group');

  test('GIVEN 2 shards x 2 replicas WHEN synthesized THEN cluster mode enabled with 2 node groups of 2 replicas, Multi-AZ and failover', () => {
    expect(resource).toMatchObject({ cluster_mode: 'enabled', num_node_groups: 2, replicas_per_node_group: 2, multi_az_enabled: true, automatic_failover_enabled: true });
    expect(resource).not.toHaveProperty('num_cache_clusters');
  });

  test('GIVEN cluster mode WHEN synthesized THEN the parameter group sets cluster-enabled yes, and the endpoints are the configuration endpoint', () => {
    expect(only(json, 'aws_elasticache_parameter_group').parameter).toContainEqual({ name: 'cluster-enabled', value: 'yes' });
    const secretValue = only(json, 'aws_secretsmanager_secret_version').secret_string_wo;
    expect(secretValue.match(/\.configuration_endpoint_address/g)).toHaveLength(2);
    expect(secretValue).not.toContain('primary_endpoint_address');
  });

  test('GIVEN 2 shards x 3 nodes WHEN synthesized THEN 6 nodes have alarms, named <group>-<shard>-<node>', () => {
    expect(group.memberClusterIds).toEqual([
      'gaming-platform-prod-redis-eu-west-2-0001-001', 'gaming-platform-prod-redis-eu-west-2-0001-002', 'gaming-platform-prod-redis-eu-west-2-0001-003',
      'gaming-platform-prod-redis-eu-west-2-0002-001', 'gaming-platform-prod-redis-eu-west-2-0002-002', 'gaming-platform-prod-redis-eu-west-2-0002-003',
    ]);
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm)).toHaveLength(6 * 7);
  });
});

describe('replication group validation', () => {
  // Each case: overrides on the prod fixture, and the message naming the prop, the value and what is accepted.
  // Values of a type the settings refuse are cast one by one, so a misspelt setting name still fails to compile.
  test.each<[string, GroupOverrides, string]>([
    ['multi-AZ with one node', { nodeCount: 1, multiAz: true }, 'cache.multiAz must be false with no replica (nodeCount 1): Multi-AZ needs 2 or more nodes per shard, got true'],
    ['failover with one node', { nodeCount: 1, automaticFailover: true }, 'cache.automaticFailover must be false with no replica (nodeCount 1): failover needs 2 or more nodes, got true'],
    ['multi-AZ with shards of no replica', { nodeCount: undefined, shards: 2, replicasPerShard: 0, multiAz: true }, 'cache.multiAz must be false with no replica (replicasPerShard 0): Multi-AZ needs 2 or more nodes per shard, got true'],
    ['cluster mode without failover', { nodeCount: undefined, shards: 2, automaticFailover: false }, 'cache.automaticFailover must be true with cluster mode enabled (shards 2), got false'],
    ['0 shards', { nodeCount: undefined, shards: 0 }, 'cache.shards must be an integer 1-500, got 0'],
    ['501 shards', { nodeCount: undefined, shards: 501 }, 'cache.shards must be an integer 1-500, got 501'],
    ['6 replicas per shard', { nodeCount: undefined, shards: 2, replicasPerShard: 6 }, 'cache.replicasPerShard must be an integer 0-5, got 6'],
    ['-1 replica per shard', { nodeCount: undefined, shards: 2, replicasPerShard: -1 }, 'cache.replicasPerShard must be an integer 0-5, got -1'],
    ['84 shards of 6 nodes (504 nodes)', { nodeCount: undefined, shards: 84, replicasPerShard: 5 }, 'cache.shards x (replicasPerShard + 1) must be at most 500 nodes (ElastiCache\'s limit for a cluster-mode group), got 84 x 6 = 504'],
    ['300 shards of the default 2 nodes (600 nodes)', { nodeCount: undefined, shards: 300 }, 'cache.shards x (replicasPerShard + 1) must be at most 500 nodes (ElastiCache\'s limit for a cluster-mode group), got 300 x 2 = 600'],
    ['nodeCount with shards', { nodeCount: 3, shards: 2 }, 'cache.nodeCount must be left out when shards is set (cluster mode enabled: use replicasPerShard), got 3'],
    ['replicasPerShard without shards', { replicasPerShard: 1 }, 'cache.replicasPerShard must be left out unless shards is set (cluster mode disabled: use nodeCount), got 1'],
    ['7 nodes', { nodeCount: 7 }, 'cache.nodeCount must be an integer 1-6, got 7'],
    ['an unknown node type', { nodeType: 'cache.r7g.huge' as CacheNodeType }, 'cache.nodeType must be a known ElastiCache node type ('],
    ['snapshot retention above 35', { snapshotRetentionDays: 36 }, 'cache.snapshotRetentionDays must be an integer 0-35, got 36'],
    ['a 15-character token', { authentication: { kind: 'auth-token', length: 15 } }, 'cache.authentication.length must be an integer 16-128, got 15'],
    ['a 129-character token', { authentication: { kind: 'auth-token', length: 129 } }, 'cache.authentication.length must be an integer 16-128, got 129'],
    ['token version 0', { authentication: { kind: 'auth-token', version: 0 } }, 'cache.authentication.version must be an integer 1-1000000, got 0'],
    ['an unknown update strategy', { authentication: { kind: 'auth-token', updateStrategy: 'DELETE' as AuthTokenUpdateStrategy } }, 'cache.authentication.updateStrategy must be one of "ROTATE", "SET", got "DELETE"'],
    [
      'an AUTH secret name with a space',
      { authentication: { kind: 'auth-token', secretName: 'skillancer prod redis' } },
      'cache.authentication.secretName must be a Secrets Manager secret name: 1-512 ASCII letters, digits and \'/_+=.@-\', got "skillancer prod redis" (21 characters)',
    ],
    ['a url flag that is not a boolean', { authentication: { kind: 'auth-token', url: 'yes' as unknown as boolean } }, 'cache.authentication.url must be one of true, false, got "yes"'],
    ['RBAC without user groups', { authentication: { kind: 'rbac', userGroupIds: [] } }, 'cache.authentication.userGroupIds must list at least one ElastiCache user group ID, got []'],
    ['overlapping windows', { snapshotWindow: '04:00-05:00', maintenanceWindow: 'tue:04:30-tue:05:30' }, 'cache.maintenanceWindow must not overlap snapshotWindow (04:00-05:00 daily), got "tue:04:30-tue:05:30"'],
    ['a 30-minute snapshot window', { snapshotWindow: '04:00-04:30' }, 'cache.snapshotWindow must be hh24:mi-hh24:mi (UTC) lasting at least 60 minutes, got "04:00-04:30"'],
    ['a malformed maintenance window', { maintenanceWindow: 'sunday 05:00' }, 'cache.maintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon-sun) lasting at least 60 minutes, got "sunday 05:00"'],
    ['a log retention CloudWatch refuses', { logRetentionDays: 10 }, 'cache.logRetentionDays must be one of 1, 3, 5, 7, 14, 30'],
    ['transit encryption off', { transitEncryptionMode: 'none' as 'required' }, 'cache.transitEncryptionMode must be one of "required", "preferred", got "none"'],
    ['bad keyspace flags', { notifyKeyspaceEvents: 'Q' }, 'cache.notifyKeyspaceEvents must be notify-keyspace-events flags (K E g $ l s h z x e t m d n A), e.g. "Ex", got "Q"'],
    ['a port below 1024', { port: 80 }, 'cache.port must be an integer 1024-65535, got 80'],
    ['a malformed engine version', { engineVersion: CacheEngineVersion.of('redis', '7') }, 'cache.engineVersion must be a version <major>.<minor> such as "7.1", got "7"'],
    ['a memory threshold above 100', { alarmThresholds: { memoryPercent: 120 } }, 'cache.alarmThresholds.memoryPercent must be 1-100, got 120'],
    ['a group id over 40 characters', { component: 'session-and-rate-limit-cache' }, 'the derived name "gaming-platform-prod-session-and-rate-limit-cache-eu-west-2" (59 characters) must be an ElastiCache replication group ID: 1-40 letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten cache.component or the system name'],
    ['a restore from a malformed snapshot name', { restoreFrom: { snapshotName: 'my snapshot' } }, 'cache.restoreFrom.snapshotName must be the name of an ElastiCache snapshot in the Region (letters, digits, hyphens and colons), got "my snapshot"'],
    ['a restore from an ARN that is not S3', { restoreFrom: { snapshotArns: ['arn:aws:elasticache:eu-west-2:111122223333:snapshot:x'] } }, 'cache.restoreFrom.snapshotArns must list S3 object ARNs of RDB files (arn:aws:s3:::<bucket>/<key>), got ["arn:aws:elasticache:eu-west-2:111122223333:snapshot:x"]'],
    ['a restore from both', { restoreFrom: { snapshotName: 'a', snapshotArns: [] } as unknown as GroupOverrides['restoreFrom'] }, 'cache.restoreFrom must be { snapshotName } or { snapshotArns }, got {"snapshotName":"a","snapshotArns":[]}'],
    ['an empty user list', { authentication: { kind: 'users', users: [] } }, 'cache.authentication.users must list at least one user, got []'],
    ['IAM users on Redis OSS 6.2', { engineVersion: CacheEngineVersion.of('redis', '6.2'), authentication: { kind: 'users', users: [{ name: 'app', authentication: 'iam' }] } }, 'cache.authentication.users[0].authentication "iam" needs Redis OSS 7 or later or Valkey, got redis 6'],
    ['an unknown authentication kind', { authentication: { kind: 'ldap' } as unknown as GroupOverrides['authentication'] }, 'cache.authentication.kind must be one of "auth-token", "rbac", "users", got "ldap"'],
    ['r6gd nodes on Redis OSS 6.0', { nodeType: 'cache.r6gd.xlarge', engineVersion: CacheEngineVersion.of('redis', '6.0') }, 'cache.engineVersion must be Redis OSS 6.2 or later or Valkey with nodeType cache.r6gd.xlarge (data tiering), got "redis 6.0"'],
    ['r6gd nodes with an eviction policy data tiering refuses', { nodeType: 'cache.r6gd.xlarge', parameters: { 'maxmemory-policy': 'volatile-ttl' } }, 'cache.parameters.maxmemory-policy must be one of "volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu", "noeviction" with nodeType cache.r6gd.xlarge (data tiering), got "volatile-ttl"'],
    ['no application security group', { network: { applicationSecurityGroupIds: [] } }, 'cache.network.applicationSecurityGroupIds must list at least one security group, got []'],
  ])('GIVEN %s WHEN the group is built THEN it fails before synthesis, naming the prop', (_case, overrides, message) => {
    let error: unknown;
    try {
      synthGroup(overrides);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([expect.stringContaining(message)]);
  });
});

describe('cluster-mode node limit', () => {
  // The rules alone: a group of 500 nodes would synthesize thousands of alarms.
  test.each([
    ['500 shards of a primary alone', 500, 0],
    ['83 shards of a primary and 5 replicas (498 nodes)', 83, 5],
    ['100 shards of a primary and 4 replicas (500 nodes)', 100, 4],
  ])('GIVEN %s WHEN checked THEN nothing fails', (_case, shards, replicasPerShard) => {
    expect(failedMessages(cacheReplicationGroupRules('cache', { shards, replicasPerShard }))).toEqual([]);
  });
});

