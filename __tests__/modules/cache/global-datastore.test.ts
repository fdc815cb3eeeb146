import { CacheGlobalDatastore, CacheGlobalDatastoreProps } from '../../../modules/cache';
import { ConfigurationError } from '../../../modules/validation';
import { synthesized, TestStack } from '../../fixtures/region-context';
import { byName, cacheTestStack, only } from './cache-fixture';

function synthGlobal(overrides: (test: TestStack) => Partial<CacheGlobalDatastoreProps> = () => ({})) {
  const test = cacheTestStack(['eu-west-2', 'eu-west-1']);
  const datastore = new CacheGlobalDatastore(test.stack, 'Redis', {
    nodeType: 'cache.r7g.xlarge',
    nodeCount: 3,
    primary: { context: test.context('eu-west-2') },
    members: [{ context: test.context('eu-west-1'), nodeCount: 2 }],
    ...overrides(test),
  });
  return { ...synthesized(test.stack), datastore };
}

describe('Global Datastore (cross-Region recovery)', () => {
  const { json, datastore } = synthGlobal();
  const groups = byName(json, 'aws_elasticache_replication_group');

  test('GIVEN a primary and a member WHEN synthesized THEN the global group is made from the primary, through the primary Region', () => {
    expect(only(json, 'aws_elasticache_global_replication_group')).toMatchObject({
      provider: 'aws.eu_west_2',
      global_replication_group_id_suffix: 'gaming-platform-prod-redis',
      engine_version: '7.1',
      primary_replication_group_id: expect.stringMatching(/^\$\{aws_elasticache_replication_group\.Redis_GroupEuWest2_ReplicationGroup_[0-9A-F]{8}\.id\}$/),
    });
    expect(groups.Redis_GroupEuWest2_ReplicationGroup).toMatchObject({ provider: 'aws.eu_west_2', engine: 'redis', num_cache_clusters: 3, lifecycle: { ignore_changes: ['engine_version', 'snapshot_name', 'snapshot_arns'] } });
  });

  test('GIVEN the member WHEN synthesized THEN it joins the global group in eu-west-1 with its own key, network and nodes, inheriting engine, parameters and AUTH', () => {
    const member = groups.Redis_GroupEuWest1_ReplicationGroup;
    expect(member).toMatchObject({
      provider: 'aws.eu_west_1',
      replication_group_id: 'gaming-platform-prod-redis-eu-west-1',
      num_cache_clusters: 2,
      multi_az_enabled: true,
      at_rest_encryption_enabled: 'true',
      global_replication_group_id: expect.stringMatching(/aws_elasticache_global_replication_group\.Redis_GlobalReplicationGroup_[0-9A-F]{8}\.global_replication_group_id/),
    });
    expect(member.kms_key_id).toMatch(/aws_kms_key\.Redis_GroupEuWest1_Key_/);
    for (const inherited of ['engine', 'engine_version', 'node_type', 'parameter_group_name', 'auth_token', 'transit_encryption_enabled', 'num_node_groups']) {
      expect(member).not.toHaveProperty(inherited);
    }
    expect(Object.keys(json.resource.random_password)).toHaveLength(1);
    expect(datastore.members[0].authSecretArn).toBeDefined();
    const secrets = byName(json, 'aws_secretsmanager_secret_version');
    expect(secrets.Redis_GroupEuWest1_AuthSecret_Value.secret_string_wo).toContain('random_password.Redis_AuthToken');
  });

  test('GIVEN alarm topics per Region WHEN synthesized THEN each group\'s alarms notify its own Region', () => {
    const alarms = Object.entries(json.resource.aws_cloudwatch_metric_alarm) as [string, any][];
    expect(alarms.filter(([, alarm]) => alarm.provider === 'aws.eu_west_1').every(([, alarm]) => alarm.alarm_actions[0].startsWith('arn:aws:sns:eu-west-1:'))).toBe(true);
    expect(alarms).toHaveLength((3 + 2) * 7);
  });

  test.each<[string, (test: TestStack) => Partial<CacheGlobalDatastoreProps>, string]>([
    ['a burstable node type', () => ({ nodeType: 'cache.t4g.medium' }), 'cache.globalDatastore.nodeType must be an M5/R5 or newer node type (not burstable, not r6gd) for a Global Datastore, got "cache.t4g.medium"'],
    ['no member', () => ({ members: [] }), 'cache.globalDatastore.members.length must be an integer 1-2, got 0'],
    ['a member in the primary Region', (test) => ({ members: [{ context: test.context('eu-west-2') }] }), 'cache.globalDatastore.members must each be in a Region of their own, apart from the primary (eu-west-2), got ["eu-west-2","eu-west-2"]'],
    ['users DataStack creates', () => ({ authentication: { kind: 'users', users: [{ name: 'app' }] } }), 'cache.globalDatastore needs authentication "auth-token" or "rbac" with existing user groups; users DataStack creates are regional and a Global Datastore spans Regions, got "users"'],
    ['a member of 7 nodes', (test) => ({ members: [{ context: test.context('eu-west-1'), nodeCount: 7 }] }), 'cache.globalDatastore.members[0].nodeCount must be an integer 1-6, got 7'],
  ])('GIVEN %s WHEN built THEN it fails before synthesis, naming the prop', (_case, overrides, message) => {
    let caught: unknown;
    try {
      synthGlobal(overrides);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect((caught as ConfigurationError).problems).toEqual([message]);
  });
});
