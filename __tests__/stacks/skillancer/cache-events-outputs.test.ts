import { alarmsByName, at, ENVIRONMENTS, synthShipped } from './skillancer-fixture';

// skillancer's Redis replication group, its event subscriptions and notifications, and the stack outputs.

const stacks = synthShipped();
const group = (env: keyof typeof stacks) => at(stacks[env], 'aws_elasticache_replication_group', 'Redis/GroupUsEast1/ReplicationGroup');
const groupId = (env: string) => `skillancer-${env}-redis-us-east-1`;

describe('skillancer: Redis', () => {
  test.each([
    ['dev', 1, 'cache.t3.micro', false, 1],
    ['staging', 2, 'cache.t3.small', true, 7],
    ['prod', 3, 'cache.r6g.large', true, 30],
  ] as const)('GIVEN %s WHEN synthesized THEN %i node(s) of %s, Multi-AZ and failover %s, snapshots kept %i days', (env, nodes, nodeType, failover, snapshotDays) => {
    expect(group(env)).toMatchObject({
      replication_group_id: groupId(env),
      engine: 'redis',
      engine_version: '7.1',
      cluster_mode: 'disabled',
      num_cache_clusters: nodes,
      node_type: nodeType,
      multi_az_enabled: failover,
      automatic_failover_enabled: failover,
      snapshot_retention_limit: snapshotDays,
      snapshot_window: '04:00-05:00',
      maintenance_window: 'sun:05:00-sun:06:00',
      port: 6379,
    });
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN TLS is required, AUTH is on with a token from random_password, at rest under a customer-managed key', (env) => {
    expect(group(env)).toMatchObject({ transit_encryption_enabled: true, transit_encryption_mode: 'required', at_rest_encryption_enabled: 'true' });
    expect(group(env).auth_token).toMatch(/^\$\{random_password\.Redis_AuthToken_[0-9A-F]{8}\.result\}$/);
    expect(group(env).kms_key_id).toMatch(/^\$\{aws_kms_key\.Redis_GroupUsEast1_Key_[0-9A-F]{8}\.arn\}$/);
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the AUTH secret is skillancer/<env>/redis/auth-token with the token, endpoints, port and a rediss:// URL, token URL-encoded', (env) => {
    expect(at(stacks[env], 'aws_secretsmanager_secret', 'Redis/GroupUsEast1/AuthSecret').name).toBe(`skillancer/${env}/redis/auth-token`);
    const value = at(stacks[env], 'aws_secretsmanager_secret_version', 'Redis/GroupUsEast1/AuthSecret/Value').secret_string_wo;
    for (const key of ['"auth_token" = random_password.', '"primary_endpoint" = ', '"reader_endpoint" = ', '"port" = 6379']) expect(value).toContain(key);
    expect(value).toMatch(/"url" = "rediss:\/\/:\$\{urlencode\(random_password\.Redis_AuthToken_[0-9A-F]{8}\.result\)\}@\$\{aws_elasticache_replication_group\.\w+\.primary_endpoint_address\}:6379"/);
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the parameters are volatile-lru, timeout 300, tcp-keepalive 300 and keyspace events AKE', (env) => {
    const parameterGroup = at(stacks[env], 'aws_elasticache_parameter_group', 'Redis/GroupUsEast1/ParameterGroup');
    expect(parameterGroup.family).toBe('redis7');
    expect(parameterGroup.parameter).toEqual([
      { name: 'maxmemory-policy', value: 'volatile-lru' },
      { name: 'notify-keyspace-events', value: 'AKE' },
      { name: 'tcp-keepalive', value: '300' },
      { name: 'timeout', value: '300' },
    ]);
  });

  test('GIVEN dev WHEN synthesized THEN no final snapshot and changes at once (the dev policy)', () => {
    expect(group('dev')).not.toHaveProperty('final_snapshot_identifier');
    expect(group('dev').apply_immediately).toBe(true);
  });

  test.each(['staging', 'prod'] as const)('GIVEN %s WHEN synthesized THEN a final snapshot <group>-final and changes in the maintenance window', (env) => {
    expect(group(env)).toMatchObject({ final_snapshot_identifier: `${groupId(env)}-final`, apply_immediately: false });
  });

  // The six alarms of the requirements per node, with their thresholds, plus DataStack's engine CPU alarm.
  const REQUIRED_ALARMS = [
    ['cpu', 'CPUUtilization', 'GreaterThanThreshold', 80],
    ['memory', 'DatabaseMemoryUsagePercentage', 'GreaterThanThreshold', 80],
    ['connections', 'CurrConnections', 'GreaterThanThreshold', 5000],
    ['evictions', 'Evictions', 'GreaterThanThreshold', 1000],
    ['cache-hit-rate', 'CacheHitRate', 'LessThanThreshold', 80],
    ['replication-lag', 'ReplicationLag', 'GreaterThanThreshold', 1],
  ] as const;

  test.each([
    ['dev', 1],
    ['staging', 2],
    ['prod', 3],
  ] as const)('GIVEN %s WHEN synthesized THEN each of its %i node(s) has the six alarms with their thresholds and the engine CPU alarm', (env, nodes) => {
    const alarms = Object.fromEntries(Object.entries(alarmsByName(stacks[env])).filter(([, alarm]) => alarm.namespace === 'AWS/ElastiCache'));
    expect(Object.keys(alarms)).toHaveLength(nodes * 7);
    for (let node = 1; node <= nodes; node += 1) {
      const member = `${groupId(env)}-00${node}`;
      for (const [suffix, metric, comparison, threshold] of REQUIRED_ALARMS) {
        expect(alarms[`${member}-${suffix}`]).toMatchObject({ metric_name: metric, comparison_operator: comparison, threshold, dimensions: { CacheClusterId: member } });
      }
      expect(alarms[`${member}-engine-cpu`]).toMatchObject({ metric_name: 'EngineCPUUtilization', threshold: 80 });
    }
  });
});

describe('skillancer: events', () => {
  const subscriptions = (env: keyof typeof stacks) => stacks[env].resource.aws_db_event_subscription as Record<string, any>;

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN RDS instance events go to the alarm topics: availability, deletion, failover, failure to critical; maintenance, recovery to warning', (env) => {
    const critical = at(stacks[env], 'aws_db_event_subscription', 'RdsEvents/InstancesUsEast1/Critical');
    const warning = at(stacks[env], 'aws_db_event_subscription', 'RdsEvents/InstancesUsEast1/Warning');
    expect(Object.keys(subscriptions(env))).toHaveLength(2);
    expect(critical).toMatchObject({ source_type: 'db-instance', enabled: true, event_categories: ['availability', 'deletion', 'failover', 'failure'] });
    expect(warning).toMatchObject({ source_type: 'db-instance', enabled: true, event_categories: ['maintenance', 'recovery'] });
    expect(critical.sns_topic).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsUsEast1_Critical_[0-9A-F]{8}\.arn\}$/);
    expect(warning.sns_topic).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsUsEast1_Warning_[0-9A-F]{8}\.arn\}$/);
  });

  test('GIVEN prod WHEN synthesized THEN the subscriptions cover the primary and its replica', () => {
    const sources = at(stacks.prod, 'aws_db_event_subscription', 'RdsEvents/InstancesUsEast1/Critical').source_ids;
    expect(sources).toEqual([
      expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}\.identifier\}$/),
      expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Replica1_[0-9A-F]{8}\.identifier\}$/),
    ]);
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the alarm topics are KMS-encrypted and the key lets RDS events publish', (env) => {
    for (const severity of ['Critical', 'Warning', 'Info']) {
      expect(at(stacks[env], 'aws_sns_topic', `AlarmTopicsUsEast1/${severity}`).kms_master_key_id).toMatch(/aws_kms_key\.AlarmTopicsUsEast1_Key_/);
    }
    const keyPolicy = JSON.stringify(stacks[env].data.aws_iam_policy_document);
    expect(keyPolicy).toContain('events.rds.amazonaws.com');
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN ElastiCache events go to a topic of their own, skillancer-<env>-cache-events-us-east-1, not encrypted', (env) => {
    const topic = at(stacks[env], 'aws_sns_topic', 'RedisEvents/TopicUsEast1/Topic');
    expect(topic.name).toBe(`skillancer-${env}-cache-events-us-east-1`);
    expect(topic).not.toHaveProperty('kms_master_key_id');
    expect(group(env).notification_topic_arn).toMatch(/^\$\{aws_sns_topic\.RedisEvents_TopicUsEast1_Topic_[0-9A-F]{8}\.arn\}$/);
  });
});

describe('skillancer: outputs', () => {
  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the outputs are the rds_*, redis_* and migrations outputs, secret ARNs sensitive', (env) => {
    const outputs = stacks[env].output;
    expect(Object.keys(outputs).sort()).toEqual([
      'migrations_checksum',
      'migrations_function_name',
      'rds_credentials_secret_arn',
      'rds_database_name',
      'rds_endpoint',
      'rds_instance_identifier',
      'rds_port',
      'rds_reader_endpoint',
      'rds_replica_endpoints',
      'rds_security_group_id',
      'redis_auth_secret_arn',
      'redis_port',
      'redis_primary_endpoint',
      'redis_reader_endpoint',
    ]);
    expect(outputs.rds_credentials_secret_arn.sensitive).toBe(true);
    expect(outputs.redis_auth_secret_arn.sensitive).toBe(true);
    expect(outputs.rds_port.value).toBe(5432);
    expect(outputs.redis_port.value).toBe(6379);
    expect(outputs.rds_database_name.value).toBe('skillancer');
    expect(outputs.rds_instance_identifier.value).toBe(`skillancer-${env}-postgres-us-east-1`);
    for (const output of Object.values(outputs) as any[]) expect(output.description).toEqual(expect.any(String));
  });

  test('GIVEN prod WHEN synthesized THEN the reader endpoint is the replica\'s and the replica endpoints list it', () => {
    const outputs = stacks.prod.output;
    expect(outputs.rds_reader_endpoint.value).toMatch(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Replica1_[0-9A-F]{8}\.address\}$/);
    expect(outputs.rds_replica_endpoints.value).toEqual([outputs.rds_reader_endpoint.value]);
  });

  test('GIVEN dev WHEN synthesized THEN the reader endpoint is the primary\'s and there are no replica endpoints', () => {
    const outputs = stacks.dev.output;
    expect(outputs.rds_reader_endpoint.value).toBe(outputs.rds_endpoint.value);
    expect(outputs.rds_replica_endpoints.value).toEqual([]);
  });
});

describe('skillancer: network', () => {
  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the VPC, database subnets and the application security groups are looked up by tags, and only those groups are admitted on 5432 and 6379', (env) => {
    expect(Object.values(stacks[env].data.aws_vpc as Record<string, any>)[0].tags).toEqual({ Project: 'skillancer', Environment: env });
    const subnetTags = Object.values(stacks[env].data.aws_subnets as Record<string, any>).map((subnets) => subnets.tags);
    expect(subnetTags).toEqual(expect.arrayContaining([{ Tier: 'database' }, { Tier: 'private' }]));
    const rules = Object.values(stacks[env].resource.aws_vpc_security_group_ingress_rule as Record<string, any>);
    expect(rules.map((rule) => rule.from_port).sort()).toEqual([5432, 6379]);
    for (const rule of rules) expect(rule.referenced_security_group_id).toBe('${each.value}');
  });
});
