import { DaxCluster } from '@cdktf/provider-aws/lib/dax-cluster';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { GAMING_PLATFORM_TABLES } from '../../../stacks/gaming-platform/dynamodb-tables';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { warningsOf } from '../../fixtures/annotations';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';
import { failedMessages } from '../../../modules/validation';
import { gamingPlatformSystem } from '../../../stacks/gaming-platform/gaming-platform-system';

const tablesOf = (json: any) => Object.values(json.resource.aws_dynamodb_table) as any[];
const keyRef = (json: any, region: string) => {
  const id = Object.keys(json.resource.aws_kms_key).find((key) => key.startsWith(`DynamoDbKey${region}_`));
  if (!id) throw new Error(`no DynamoDB key in ${region}`);
  return `\${aws_kms_key.${id}.arn}`;
};
/** A restore seeds a table at creation only, so its arguments are always ignored afterwards. */
const RESTORE_ARGUMENTS = ['restore_source_name', 'restore_source_table_arn', 'restore_date_time', 'restore_to_latest_time'];
const alarmsOf = (json: any) => Object.values(json.resource.aws_cloudwatch_metric_alarm) as any[];

describe('the DynamoDB tier in dev (one Region)', () => {
  const { json, text, stack } = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.dev);

  test('GIVEN dev WHEN synthesized THEN the four tables exist in eu-west-2 without replicas, prevent_destroy or deletion protection (the dev policy)', () => {
    expect(tablesOf(json).map((table) => [table.name, table.provider, table.replica, table.lifecycle, table.deletion_protection_enabled, table.billing_mode]).sort()).toEqual(
      GAMING_PLATFORM_TABLES.map((table) => [`gaming-platform-dev-${table.name}`, 'aws.eu_west_2', undefined, { ignore_changes: RESTORE_ARGUMENTS }, false, 'PAY_PER_REQUEST']).sort(),
    );
  });

  test('GIVEN dev WHEN synthesized THEN every table is encrypted with the eu-west-2 DynamoDB key, which is not destroy-protected', () => {
    for (const table of tablesOf(json)) expect(table.server_side_encryption).toEqual({ enabled: true, kms_key_arn: keyRef(json, 'EuWest2') });
    expect(text).toHaveResourceWithProperties(KmsAlias, { name: 'alias/gaming-platform-dev-dynamodb-eu-west-2' });
    const key = Object.entries(json.resource.aws_kms_key).find(([id]) => id.startsWith('DynamoDbKeyEuWest2_'))![1] as any;
    expect(key.lifecycle).toBeUndefined();
  });

  test('GIVEN dev WHEN synthesized THEN TTL is on games (ttl) and user sessions (expiresAt) only', () => {
    const ttl = Object.fromEntries(tablesOf(json).map((table) => [table.name, table.ttl?.attribute_name]));
    expect(ttl).toEqual({
      'gaming-platform-dev-games': 'ttl',
      'gaming-platform-dev-game-moves': undefined,
      'gaming-platform-dev-leaderboard': undefined,
      'gaming-platform-dev-user-sessions': 'expiresAt',
    });
  });

  test('GIVEN dev WHEN synthesized THEN one dax.r4.large node, with the not-fault-tolerant warning', () => {
    expect(text).toHaveResourceWithProperties(DaxCluster, { cluster_name: 'gp-dev-dax', node_type: 'dax.r4.large', replication_factor: 1 });
    expect(warningsOf(stack)).toEqual([expect.stringContaining('dax.replicationFactor is 1: a DAX cluster below 3 nodes is not fault-tolerant')]);
  });

  test('GIVEN dev WHEN synthesized THEN no replication alarm (nothing to replicate to)', () => {
    expect(alarmsOf(json).map((alarm) => alarm.metric_name)).not.toContain('ReplicationLatency');
  });
});

describe('the DynamoDB tier in prod (two Regions)', () => {
  const { json, text, stack } = synthGamingPlatform(BASE_ENVIRONMENT);
  const daxCluster = Object.values(json.resource.aws_dax_cluster)[0] as any;

  test('GIVEN prod WHEN synthesized THEN every table replicates to eu-west-1 with the eu-west-1 key, PITR, tags and deletion protection', () => {
    for (const table of tablesOf(json)) {
      expect(table.server_side_encryption.kms_key_arn).toBe(keyRef(json, 'EuWest2'));
      expect(table.replica).toEqual([
        { region_name: 'eu-west-1', kms_key_arn: keyRef(json, 'EuWest1'), point_in_time_recovery: true, propagate_tags: true, deletion_protection_enabled: true },
      ]);
      expect(table.point_in_time_recovery).toEqual({ enabled: true });
      expect([table.stream_enabled, table.stream_view_type]).toEqual([true, 'NEW_AND_OLD_IMAGES']);
    }
  });

  test('GIVEN prod WHEN synthesized THEN tables and their keys have prevent_destroy', () => {
    for (const table of tablesOf(json)) expect(table.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: RESTORE_ARGUMENTS });
    const keys = Object.entries(json.resource.aws_kms_key).filter(([id]) => id.startsWith('DynamoDbKey'));
    expect(keys.map(([, key]: [string, any]) => [key.provider, key.lifecycle]).sort()).toEqual([
      ['aws.eu_west_1', { prevent_destroy: true }],
      ['aws.eu_west_2', { prevent_destroy: true }],
    ]);
  });

  test('GIVEN prod WHEN synthesized THEN three dax.r4.xlarge nodes in eu-west-2, TLS and SSE, no warning', () => {
    expect(text).toHaveResourceWithProperties(DaxCluster, {
      cluster_name: 'gp-prod-dax',
      node_type: 'dax.r4.xlarge',
      replication_factor: 3,
      provider: 'aws.eu_west_2',
      cluster_endpoint_encryption_type: 'TLS',
      server_side_encryption: { enabled: true },
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('GIVEN prod WHEN synthesized THEN the DAX policy lists exactly the four tables and their five indexes', () => {
    const access = (Object.values(json.data.aws_iam_policy_document) as any[]).find((doc) => doc.statement[0].sid === 'DaxReadsAndWritesItsTables');
    const tableArn = (name: string) => {
      const id = Object.entries(json.resource.aws_dynamodb_table).find(([, table]: [string, any]) => table.name === `gaming-platform-prod-${name}`)![0];
      return `\${aws_dynamodb_table.${id}.arn}`;
    };
    expect(access.statement[0].resources).toEqual([
      tableArn('games'),
      `${tableArn('games')}/index/byPlayer`,
      tableArn('game-moves'),
      tableArn('leaderboard'),
      `${tableArn('leaderboard')}/index/byScore`,
      `${tableArn('leaderboard')}/index/byPlayer`,
      tableArn('user-sessions'),
      `${tableArn('user-sessions')}/index/byUser`,
    ]);
  });

  test('GIVEN prod WHEN synthesized THEN DAX sits in the primary private subnets (not the data subnets) behind the application security group on 9111 only', () => {
    expect((Object.values(json.resource.aws_dax_subnet_group)[0] as any).subnet_ids).toEqual(['subnet-0aaa', 'subnet-0bbb']);
    const group = daxCluster.security_group_ids[0];
    const rules = (Object.values(json.resource.aws_vpc_security_group_ingress_rule) as any[]).filter((rule) => rule.security_group_id === group);
    // TLS-only: 9111 alone, never the unencrypted 8111.
    expect(rules.map((rule) => [rule.from_port, rule.referenced_security_group_id])).toEqual([[9111, 'sg-0app']]);
  });

  test('GIVEN prod WHEN synthesized THEN replication latency alarms run in each Region towards the other, on that Region\'s topics', () => {
    const latency = alarmsOf(json).filter((alarm) => alarm.metric_name === 'ReplicationLatency');
    expect(latency.map((alarm) => [alarm.provider, alarm.dimensions.TableName, alarm.dimensions.ReceivingRegion]).sort()).toEqual(
      GAMING_PLATFORM_TABLES.flatMap((table) => [
        ['aws.eu_west_1', `gaming-platform-prod-${table.name}`, 'eu-west-2'],
        ['aws.eu_west_2', `gaming-platform-prod-${table.name}`, 'eu-west-1'],
      ]).sort(),
    );
    for (const alarm of latency) {
      const region = alarm.provider === 'aws.eu_west_1' ? 'EuWest1' : 'EuWest2';
      expect(alarm.alarm_actions).toEqual([expect.stringMatching(new RegExp(`^\\$\\{aws_sns_topic\\.AlarmTopics${region}_Warning_\\w+\\.arn\\}$`))]);
    }
  });

  test('GIVEN prod WHEN synthesized THEN DAX alarms on ErrorRequestCount, CPUUtilization and ThrottledRequestCount', () => {
    const dax = alarmsOf(json).filter((alarm) => alarm.namespace === 'AWS/DAX');
    expect(dax.map((alarm) => [alarm.metric_name, alarm.dimensions]).sort()).toEqual([
      ['CPUUtilization', { ClusterId: 'gp-prod-dax' }],
      ['ErrorRequestCount', { ClusterId: 'gp-prod-dax' }],
      ['ThrottledRequestCount', { ClusterId: 'gp-prod-dax' }],
    ]);
  });

  test('GIVEN prod WHEN synthesized THEN the outputs map each table to its name, ARN and stream, and give the DAX endpoint', () => {
    const tableId = (name: string) => Object.entries(json.resource.aws_dynamodb_table).find(([, table]: [string, any]) => table.name === `gaming-platform-prod-${name}`)![0];
    const daxId = Object.keys(json.resource.aws_dax_cluster)[0];
    const byTable = (attribute: string) =>
      Object.fromEntries(GAMING_PLATFORM_TABLES.map((table) => [table.name.replace(/-/g, '_'), `\${aws_dynamodb_table.${tableId(table.name)}.${attribute}}`]));
    expect(json.output.dynamodb_table_names.value).toEqual(byTable('name'));
    expect(json.output.dynamodb_table_arns.value).toEqual(byTable('arn'));
    expect(json.output.dynamodb_stream_arns.value).toEqual(byTable('stream_arn'));
    expect(json.output.dax_cluster_address.value).toBe(`\${aws_dax_cluster.${daxId}.cluster_address}`);
    expect(json.output.dax_port.value).toBe(`\${aws_dax_cluster.${daxId}.port}`);
    for (const name of ['dynamodb_table_names', 'dynamodb_table_arns', 'dynamodb_stream_arns', 'dax_cluster_address', 'dax_port']) {
      expect(json.output[name].description).toEqual(expect.any(String));
    }
  });
});

describe('the DynamoDB tier with provisioned capacity', () => {
  const { json } = synthGamingPlatform(
    environmentWith({ dynamodb: { billing: { mode: 'PROVISIONED', readCapacity: { min: 5, max: 200 }, writeCapacity: { min: 5, max: 100 } } } }),
  );

  test('GIVEN PROVISIONED WHEN synthesized THEN reads and writes of every table and GSI autoscale in both Regions', () => {
    // The DynamoDB tables' scaling only: prod's Aurora readers autoscale too (addresses under Aurora).
    const dynamoDb = (resources: object) => Object.entries(resources).filter(([address]) => address.startsWith('DynamoDb')).map(([, resource]) => resource as any);
    const targets = dynamoDb(json.resource.aws_appautoscaling_target);
    const indexes = GAMING_PLATFORM_TABLES.reduce((count, table) => count + (table.globalSecondaryIndexes?.length ?? 0), 0);
    // (tables + GSIs) x (read, write) x 2 Regions
    expect(targets).toHaveLength((GAMING_PLATFORM_TABLES.length + indexes) * 2 * 2);
    expect(new Set(targets.map((target) => target.provider))).toEqual(new Set(['aws.eu_west_2', 'aws.eu_west_1']));
    expect(dynamoDb(json.resource.aws_appautoscaling_policy)).toHaveLength(targets.length);
  });

  test('GIVEN PROVISIONED in prod WHEN synthesized THEN capacity changes are left to autoscaling and destroy is still prevented', () => {
    for (const table of tablesOf(json)) {
      expect(table.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['read_capacity', 'write_capacity', 'global_secondary_index', ...RESTORE_ARGUMENTS] });
    }
  });
});

describe('the DynamoDB tier with deletion protection turned off', () => {
  test('GIVEN deletionProtection false WHEN synthesized THEN tables and replicas are unprotected and each table warns', () => {
    const { json, stack } = synthGamingPlatform(environmentWith({ dynamodb: { billing: { mode: 'PAY_PER_REQUEST' }, deletionProtection: false } }));
    for (const table of tablesOf(json)) {
      expect([table.deletion_protection_enabled, table.replica[0].deletion_protection_enabled]).toEqual([false, false]);
    }
    expect(warningsOf(stack).filter((warning) => warning.includes('deletionProtection is off'))).toHaveLength(4);
  });
});

describe('the DynamoDB tier with a point-in-time restore', () => {
  const { json } = synthGamingPlatform(environmentWith({ dynamodb: { billing: { mode: 'PAY_PER_REQUEST' }, restores: { leaderboard: { pointInTime: '2026-01-01T10:00:00Z' } } } }));
  const restored = tablesOf(json).find((table) => table.name === 'gaming-platform-prod-leaderboard-restored');

  test('GIVEN a restore of the leaderboard WHEN synthesized THEN a table of its own is restored from the live table at that time, in the primary Region only', () => {
    const live = Object.keys(json.resource.aws_dynamodb_table).find((id) => id.startsWith('DynamoDbTableLeaderboard_Table_'))!;
    expect(restored).toMatchObject({ provider: 'aws.eu_west_2', restore_source_name: 'gaming-platform-prod-leaderboard', restore_date_time: '2026-01-01T10:00:00Z', depends_on: [`aws_dynamodb_table.${live}`] });
    expect(restored.replica).toBeUndefined();
    expect(restored.lifecycle).toEqual({ ignore_changes: RESTORE_ARGUMENTS });
  });

  test('GIVEN a restore WHEN synthesized THEN the live tables keep their addresses and the restored table is named in an output', () => {
    expect(Object.keys(json.resource.aws_dynamodb_table).filter((id) => id.startsWith('DynamoDbTableLeaderboardRestored_Table_'))).toHaveLength(1);
    expect(json.output.dynamodb_restored_table_names.value).toEqual({ leaderboard: '${aws_dynamodb_table.' + Object.keys(json.resource.aws_dynamodb_table).find((id) => id.startsWith('DynamoDbTableLeaderboardRestored_'))! + '.name}' });
  });
});

describe('the DynamoDB tier restore settings', () => {
  const problems = (restores: Record<string, object>) =>
    failedMessages(gamingPlatformSystem({ prod: environmentWith({ dynamodb: { billing: { mode: 'PAY_PER_REQUEST' }, restores } }) }).validationRules());

  test.each<[string, Record<string, object>, string]>([
    ['a table the system does not define', { scores: {} }, 'gaming-platform.environments.prod.dynamodb.restores names table "scores", which the system does not define (its tables: games, game-moves, leaderboard, user-sessions)'],
    ['a time without zone', { leaderboard: { pointInTime: '2026-01-01T10:00:00' } }, 'gaming-platform.environments.prod.dynamodb.restores.leaderboard.pointInTime must be an RFC 3339 time in UTC such as "2026-01-01T10:00:00Z", got "2026-01-01T10:00:00"'],
  ])('GIVEN a restore of %s WHEN the configuration is checked THEN the message names the setting', (_case, restores, message) => {
    expect(problems(restores)).toEqual([message]);
  });
});

describe('the DynamoDB cost guards, insight and guardrails of the shipped environments', () => {
  const dev = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.dev).json;
  const prod = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.prod).json;

  test('GIVEN dev WHEN synthesized THEN every table and every GSI is capped at 1000 reads and 500 writes per second', () => {
    for (const table of tablesOf(dev)) {
      expect(table.on_demand_throughput).toEqual({ max_read_request_units: 1000, max_write_request_units: 500 });
      for (const index of table.global_secondary_index ?? []) expect(index.on_demand_throughput).toEqual({ max_read_request_units: 1000, max_write_request_units: 500 });
    }
  });

  test('GIVEN prod WHEN synthesized THEN no table is capped', () => {
    for (const table of tablesOf(prod)) expect(table).not.toHaveProperty('on_demand_throughput');
  });

  test.each([['dev', dev], ['prod', prod]])('GIVEN %s WHEN synthesized THEN Contributor Insights watch the leaderboard and its byScore index in every Region of the table', (_env, json) => {
    const leaderboard = Object.keys(json.resource.aws_dynamodb_table).find((id) => id.startsWith('DynamoDbTableLeaderboard_Table_'))!;
    const insights = Object.values(json.resource.aws_dynamodb_contributor_insights) as any[];
    const regions = _env === 'dev' ? ['aws.eu_west_2'] : ['aws.eu_west_1', 'aws.eu_west_2'];
    expect(insights.map((insight) => [insight.provider, insight.index_name ?? 'table']).sort()).toEqual(regions.flatMap((region) => [[region, 'byScore'], [region, 'table']]));
    for (const insight of insights) expect(insight.table_name).toBe(`\${aws_dynamodb_table.${leaderboard}.name}`);
  });

  test('GIVEN prod WHEN synthesized THEN every table has a deny-delete resource policy in both Regions; dev, without deletion protection, has none', () => {
    const policies = Object.values(prod.resource.aws_dynamodb_resource_policy) as any[];
    expect(policies).toHaveLength(GAMING_PLATFORM_TABLES.length * 2);
    for (const policy of policies) expect(policy.policy).toContain('"Effect" = "Deny", "Principal" = "*", "Action" = "dynamodb:DeleteTable"');
    expect(dev.resource.aws_dynamodb_resource_policy).toBeUndefined();
  });
});

describe('the DynamoDB tier feature settings', () => {
  const problems = (dynamodb: object) => failedMessages(gamingPlatformSystem({ prod: environmentWith({ dynamodb: { billing: { mode: 'PAY_PER_REQUEST' }, ...dynamodb } }) }).validationRules());

  test.each<[string, object, string]>([
    ['settings of an unknown table', { tableSettings: { scores: {} } }, 'gaming-platform.environments.prod.dynamodb.tableSettings names table "scores", which the system does not define (its tables: games, game-moves, leaderboard, user-sessions)'],
    ['a cap with provisioned billing', { billing: { mode: 'PROVISIONED', readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 10 } }, onDemandThroughput: { maxReadRequestUnits: 10 } }, 'gaming-platform.environments.prod.dynamodb.onDemandThroughput caps on-demand tables only (billing.mode PAY_PER_REQUEST); with PROVISIONED, autoscaling\'s max bounds capacity, got billing.mode "PROVISIONED"'],
    ['a PITR window of 0 days', { pointInTimeRecoveryDays: 0 }, 'gaming-platform.environments.prod.dynamodb.pointInTimeRecoveryDays must be an integer 1-35, got 0'],
    ['insights on an unknown index', { tableSettings: { leaderboard: { indexes: { byRank: { contributorInsights: true } } } } }, 'gaming-platform.environments.prod.dynamodb.tableSettings.leaderboard.indexes names "byRank", which is not a global secondary index of the table (byScore, byPlayer)'],
  ])('GIVEN %s WHEN the configuration is checked THEN the message names the setting', (_case, dynamodb, message) => {
    expect(problems(dynamodb)).toEqual([message]);
  });
});

describe('the DAX event notifications setting', () => {
  const dax = GAMING_PLATFORM_ENVIRONMENTS.prod.dax;

  test('GIVEN a topic in the primary Region WHEN synthesized THEN the cluster sends its events there', () => {
    const { json } = synthGamingPlatform(environmentWith({ dax: { ...dax, notificationTopicArn: 'arn:aws:sns:eu-west-2:111122223333:dax-events' } }));
    expect((Object.values(json.resource.aws_dax_cluster)[0] as any).notification_topic_arn).toBe('arn:aws:sns:eu-west-2:111122223333:dax-events');
  });

  test('GIVEN a topic in the secondary Region WHEN the configuration is checked THEN the message names the setting', () => {
    const system = gamingPlatformSystem({ prod: environmentWith({ dax: { ...dax, notificationTopicArn: 'arn:aws:sns:eu-west-1:111122223333:dax-events' } }) });
    expect(failedMessages(system.validationRules())).toEqual([
      'gaming-platform.environments.prod.dax.notificationTopicArn must be the ARN of an SNS topic in the cluster\'s Region (arn:aws:sns:eu-west-2:<account>:<name>), got "arn:aws:sns:eu-west-1:111122223333:dax-events"',
    ]);
  });
});
