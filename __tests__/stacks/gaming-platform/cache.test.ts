import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { gamingPlatformSystem } from '../../../stacks/gaming-platform/gaming-platform-system';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { CacheNodeType } from '../../../modules/cache';
import { failedMessages } from '../../../modules/validation';
import { CacheReplicationGroupConfig } from '../../../stacks/components/cache-replication-group';
import { GamingPlatformEnvironment } from '../../../stacks/gaming-platform/gaming-platform-environment';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

/** Resources of a type whose Terraform name starts with `Redis_`, keyed by name without the hash. */
function redis(json: any, type: string): Record<string, any> {
  return Object.fromEntries(
    Object.entries(json.resource?.[type] ?? {})
      .filter(([name]) => name.startsWith('Redis_'))
      .map(([name, block]) => [name.replace(/_[0-9A-F]{8}$/, ''), block]),
  );
}

/** Every Redis resource address in a synthesized stack, without hashes. */
function redisAddresses(json: any): string[] {
  return Object.entries(json.resource ?? {})
    .flatMap(([type, byName]) => Object.keys(byName as object).filter((name) => name.startsWith('Redis_')).map((name) => `${type}.${name}`))
    .sort();
}

const DEV = { ...GAMING_PLATFORM_ENVIRONMENTS.dev, network: { 'eu-west-2': BASE_ENVIRONMENT.network['eu-west-2'] } };

describe('gaming-platform-prod Redis', () => {
  const { json } = synthGamingPlatform(BASE_ENVIRONMENT);
  const group = redis(json, 'aws_elasticache_replication_group').Redis_GroupEuWest2_ReplicationGroup;

  test('GIVEN prod WHEN synthesized THEN 3 cache.r7g.xlarge Redis 7.1 nodes in eu-west-2, Multi-AZ with failover, TLS required, AUTH token', () => {
    expect(Object.keys(redis(json, 'aws_elasticache_replication_group'))).toEqual(['Redis_GroupEuWest2_ReplicationGroup']);
    expect(group).toMatchObject({
      provider: 'aws.eu_west_2',
      replication_group_id: 'gaming-platform-prod-redis-eu-west-2',
      engine: 'redis',
      engine_version: '7.1',
      node_type: 'cache.r7g.xlarge',
      num_cache_clusters: 3,
      multi_az_enabled: true,
      automatic_failover_enabled: true,
      transit_encryption_enabled: true,
      transit_encryption_mode: 'required',
      at_rest_encryption_enabled: 'true',
      auth_token_update_strategy: 'ROTATE',
      apply_immediately: false,
      snapshot_retention_limit: 7,
      final_snapshot_identifier: 'gaming-platform-prod-redis-eu-west-2-final',
      lifecycle: { prevent_destroy: true },
    });
  });

  test('GIVEN prod WHEN synthesized THEN the group sits in the primary Region\'s private subnets and its alarms notify that Region\'s topics', () => {
    expect(redis(json, 'aws_elasticache_subnet_group').Redis_GroupEuWest2_SubnetGroup.subnet_ids).toEqual(['subnet-0aaa', 'subnet-0bbb']);
    expect(redis(json, 'aws_vpc_security_group_ingress_rule').Redis_GroupEuWest2_SecurityGroup_Port6379FromApplication1).toMatchObject({ from_port: 6379, referenced_security_group_id: 'sg-0app' });
    const alarms = Object.values(redis(json, 'aws_cloudwatch_metric_alarm'));
    expect(alarms).toHaveLength(3 * 7);
    for (const alarm of alarms) expect(alarm.alarm_actions[0]).toMatch(/aws_sns_topic\.AlarmTopicsEuWest2_/);
    for (const logGroup of Object.values(redis(json, 'aws_cloudwatch_log_group'))) expect(logGroup.retention_in_days).toBe(90);
  });

  test('GIVEN prod WHEN synthesized THEN seed 002\'s outputs exist with descriptions, and the auth secret ARN is sensitive', () => {
    const { output } = json;
    expect(output.redis_primary_endpoint.value).toMatch(/^\$\{aws_elasticache_replication_group\.Redis_GroupEuWest2_ReplicationGroup_[0-9A-F]{8}\.primary_endpoint_address\}$/);
    expect(output.redis_reader_endpoint.value).toMatch(/\.reader_endpoint_address\}$/);
    expect(output.redis_port.value).toBe(6379);
    expect(output.redis_auth_secret_arn).toMatchObject({ sensitive: true, value: expect.stringMatching(/^\$\{aws_secretsmanager_secret\.Redis_GroupEuWest2_AuthSecret_[0-9A-F]{8}\.arn\}$/) });
    for (const name of ['redis_primary_endpoint', 'redis_reader_endpoint', 'redis_port', 'redis_auth_secret_arn']) expect(output[name].description).toEqual(expect.any(String));
    expect(output).not.toHaveProperty('redis_global_datastore_id');
  });
});

describe('gaming-platform-dev and staging Redis', () => {
  test('GIVEN dev WHEN synthesized THEN one cache.r7g.large node without Multi-AZ or failover, applied immediately, 5-day snapshots, 7-day logs, no prevent_destroy', () => {
    const { json } = synthGamingPlatform(DEV);
    const group = redis(json, 'aws_elasticache_replication_group').Redis_GroupEuWest2_ReplicationGroup;
    expect(group).toMatchObject({
      replication_group_id: 'gaming-platform-dev-redis-eu-west-2',
      node_type: 'cache.r7g.large',
      num_cache_clusters: 1,
      multi_az_enabled: false,
      automatic_failover_enabled: false,
      apply_immediately: true,
      snapshot_retention_limit: 5,
    });
    expect(group.lifecycle.prevent_destroy).toBeUndefined();
    for (const logGroup of Object.values(redis(json, 'aws_cloudwatch_log_group'))) expect(logGroup.retention_in_days).toBe(7);
    expect(Object.values(redis(json, 'aws_cloudwatch_metric_alarm'))).toHaveLength(7);
  });

  test('GIVEN staging (seed 002 Development/Staging block) WHEN configured THEN 1 cache.r7g.large node, changes in the maintenance window', () => {
    expect(GAMING_PLATFORM_ENVIRONMENTS.staging.cache).toMatchObject({ nodeType: 'cache.r7g.large', nodeCount: 1, snapshotRetentionDays: 5 });
    const { json } = synthGamingPlatform(environmentWith({ ...GAMING_PLATFORM_ENVIRONMENTS.staging, network: BASE_ENVIRONMENT.network }));
    expect(redis(json, 'aws_elasticache_replication_group').Redis_GroupEuWest2_ReplicationGroup).toMatchObject({ num_cache_clusters: 1, apply_immediately: false });
  });
});

describe('gaming-platform Redis across Regions', () => {
  test('GIVEN a single-Region cache WHEN primaryRegion and secondaryRegion are swapped THEN the cache follows the primary: the group is keyed by its new Region', () => {
    const flipped = environmentWith({ primaryRegion: 'eu-west-1', secondaryRegion: 'eu-west-2', aurora: { ...BASE_ENVIRONMENT.aurora, primary: BASE_ENVIRONMENT.aurora.secondary!, secondary: BASE_ENVIRONMENT.aurora.primary } });
    const after = synthGamingPlatform(flipped).json;
    expect(Object.keys(redis(after, 'aws_elasticache_replication_group'))).toEqual(['Redis_GroupEuWest1_ReplicationGroup']);
    expect(redis(after, 'aws_elasticache_replication_group').Redis_GroupEuWest1_ReplicationGroup.provider).toBe('aws.eu_west_1');
  });

  const withDatastore = environmentWith({ cache: { ...BASE_ENVIRONMENT.cache, globalDatastore: { nodeCount: 2 } } });

  test('GIVEN a Global Datastore WHEN synthesized THEN a member of 2 nodes in eu-west-1, the primary keeps its address, and the datastore outputs exist', () => {
    const { json } = synthGamingPlatform(withDatastore);
    const groups = redis(json, 'aws_elasticache_replication_group');
    expect(Object.keys(groups).sort()).toEqual(['Redis_GroupEuWest1_ReplicationGroup', 'Redis_GroupEuWest2_ReplicationGroup']);
    expect(groups.Redis_GroupEuWest1_ReplicationGroup).toMatchObject({ provider: 'aws.eu_west_1', num_cache_clusters: 2 });
    expect(redisAddresses(json)).toEqual(expect.arrayContaining(redisAddresses(synthGamingPlatform(BASE_ENVIRONMENT).json)));
    expect(json.output.redis_global_datastore_id.value).toMatch(/global_replication_group_id\}$/);
    expect(json.output.redis_secondary_reader_endpoint.value).toMatch(/Redis_GroupEuWest1_ReplicationGroup_[0-9A-F]{8}\.reader_endpoint_address/);
  });

  test('GIVEN a Global Datastore of equal sizes WHEN the Regions are swapped THEN no Redis address changes, only roles', () => {
    const sameSizes = environmentWith({ cache: { ...BASE_ENVIRONMENT.cache, globalDatastore: {} } });
    const before = synthGamingPlatform(sameSizes).json;
    const after = synthGamingPlatform({ ...sameSizes, primaryRegion: 'eu-west-1', secondaryRegion: 'eu-west-2', aurora: { ...BASE_ENVIRONMENT.aurora, primary: BASE_ENVIRONMENT.aurora.secondary!, secondary: BASE_ENVIRONMENT.aurora.primary } }).json;
    expect(redisAddresses(after)).toEqual(redisAddresses(before));
    const groups = redis(after, 'aws_elasticache_replication_group');
    expect(groups.Redis_GroupEuWest1_ReplicationGroup).toHaveProperty('engine', 'redis');
    expect(groups.Redis_GroupEuWest2_ReplicationGroup).toHaveProperty('global_replication_group_id');
  });
});

describe('gaming-platform cache configuration', () => {
  const messages = (cache: Partial<CacheReplicationGroupConfig>, extra: Partial<GamingPlatformEnvironment> = {}) =>
    failedMessages(gamingPlatformSystem({ prod: environmentWith({ cache: { ...BASE_ENVIRONMENT.cache, ...cache }, ...extra }) }).validationRules());

  test('GIVEN every shipped environment WHEN validated THEN the cache settings pass', () => {
    expect(failedMessages(gamingPlatformSystem(GAMING_PLATFORM_ENVIRONMENTS).validationRules())).toEqual([]);
  });

  // Bad input at the environment level: each names the setting path, the value and what is accepted.
  test.each<[string, Partial<CacheReplicationGroupConfig>, string]>([
    ['failover with one node', { nodeCount: 1, automaticFailover: true }, 'gaming-platform.environments.prod.cache.automaticFailover must be false with no replica (nodeCount 1): failover needs 2 or more nodes, got true'],
    ['multi-AZ with one node', { nodeCount: 1, multiAz: true }, 'gaming-platform.environments.prod.cache.multiAz must be false with no replica (nodeCount 1): Multi-AZ needs 2 or more nodes per shard, got true'],
    ['shards outside 1-500', { nodeCount: undefined, shards: 0 }, 'gaming-platform.environments.prod.cache.shards must be an integer 1-500, got 0'],
    ['replicas per shard outside 0-5', { nodeCount: undefined, shards: 2, replicasPerShard: 6 }, 'gaming-platform.environments.prod.cache.replicasPerShard must be an integer 0-5, got 6'],
    ['an unknown node type', { nodeType: 'cache.x9.large' as CacheNodeType }, 'gaming-platform.environments.prod.cache.nodeType must be a known ElastiCache node type (cache.t3.micro,'],
    ['snapshot retention above 35', { snapshotRetentionDays: 36 }, 'gaming-platform.environments.prod.cache.snapshotRetentionDays must be an integer 0-35, got 36'],
    ['a token length outside 16-128', { authentication: { kind: 'auth-token', length: 8 } }, 'gaming-platform.environments.prod.cache.authentication.length must be an integer 16-128, got 8'],
  ])('GIVEN %s WHEN validated THEN one message names the setting', (_case, cache, message) => {
    expect(messages(cache)).toEqual([expect.stringContaining(message)]);
  });

  test('GIVEN a Global Datastore without a secondary Region WHEN validated THEN it is refused', () => {
    expect(messages({ globalDatastore: {} }, { secondaryRegion: undefined, network: { 'eu-west-2': BASE_ENVIRONMENT.network['eu-west-2'] } })).toEqual([
      'gaming-platform.environments.prod.cache.globalDatastore must be left out without a secondaryRegion (its member lives there), got {}',
    ]);
  });
});

// The AUTH token is generated at apply: the synthesized files may only reference it, from auth_token and the
// secret's write-only value, and no output may carry it.
describe('no AUTH token in any synthesized file', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-cache-'));
    synthesizeSystems([gamingPlatformSystem({ ...GAMING_PLATFORM_ENVIRONMENTS, prod: { ...GAMING_PLATFORM_ENVIRONMENTS.prod, cache: { ...GAMING_PLATFORM_ENVIRONMENTS.prod.cache, globalDatastore: {} } } })], outdir);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

  /** Every string under a JSON node with the key it sits under. */
  const stringsWithKeys = (node: unknown, key = '$'): [string, string][] => {
    if (typeof node === 'string') return [[key, node]];
    if (Array.isArray(node)) return node.flatMap((item) => stringsWithKeys(item, key));
    if (node && typeof node === 'object') return Object.entries(node).flatMap(([child, value]) => stringsWithKeys(value, child));
    return [];
  };

  test('GIVEN every gaming-platform stack WHEN synthesized THEN auth_token and the secret value only reference the random_password', () => {
    const stacks = files(outdir).filter((file) => file.endsWith('cdk.tf.json')).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(stacks).toHaveLength(3);
    for (const stack of stacks) {
      const tokens = Object.values(stack.resource.aws_elasticache_replication_group).map((group: any) => group.auth_token).filter((token) => token !== undefined);
      expect(tokens).toEqual([expect.stringMatching(/^\$\{random_password\.Redis_AuthToken_[0-9A-F]{8}\.result\}$/)]);
      const values = Object.entries(stack.resource.aws_secretsmanager_secret_version).filter(([name]) => name.startsWith('Redis_')).map(([, value]: [string, any]) => value);
      for (const value of values) {
        expect(value).not.toHaveProperty('secret_string');
        expect(value.secret_string_wo).toMatch(/^\$\{jsonencode\(\{"auth_token" = random_password\.Redis_AuthToken_[0-9A-F]{8}\.result, /);
      }
    }
  });

  test('GIVEN every synthesized file WHEN every string is read THEN the token is referenced only by auth_token and secret_string_wo, and by no output', () => {
    const referencing = new Set<string>();
    for (const file of files(outdir)) {
      const text = fs.readFileSync(file, 'utf8');
      if (!file.endsWith('.json')) {
        expect(text).not.toMatch(/random_password\.Redis_/);
        continue;
      }
      const document = JSON.parse(text);
      for (const [key, value] of stringsWithKeys(document)) if (value.includes('${') && /random_password\.Redis_|auth_token\b(?!_update)/.test(value)) referencing.add(key);
      for (const output of Object.values(document.output ?? {}) as any[]) {
        expect(JSON.stringify(output.value)).not.toMatch(/random_password|auth_token/);
      }
    }
    expect([...referencing].sort()).toEqual(['auth_token', 'secret_string_wo']);
  });

  test('GIVEN the synthesized random_password WHEN read THEN it carries only generation settings, no value', () => {
    const prod = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'gaming-platform-prod', 'cdk.tf.json'), 'utf8'));
    for (const password of Object.values(prod.resource.random_password) as any[]) {
      const { ['//']: _metadata, ...settings } = password;
      expect(Object.keys(settings).sort()).toEqual(['keepers', 'length', 'min_lower', 'min_numeric', 'min_special', 'min_upper', 'override_special', 'special']);
      expect(settings.override_special).toBe('!&#$^<>-');
    }
  });
});
