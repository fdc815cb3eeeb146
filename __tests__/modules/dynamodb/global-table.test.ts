import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { GlobalTable, GlobalTableProps, TableDefinition } from '../../../modules/dynamodb';
import { EnvironmentPolicy } from '../../../modules/context';
import { ResourceNaming } from '../../../modules/naming';
import { warningsOf } from '../../fixtures/annotations';
import { synthesized, testStack } from '../../fixtures/region-context';

const DEFINITION: TableDefinition = {
  name: 'scores',
  description: 'test table',
  attributes: [
    { name: 'boardId', type: 'S' },
    { name: 'playerId', type: 'S' },
    { name: 'score', type: 'N' },
    { name: 'at', type: 'N' },
  ],
  hashKey: 'boardId',
  rangeKey: 'playerId',
  globalSecondaryIndexes: [
    { name: 'byScore', hashKey: 'boardId', rangeKey: 'score', projection: { include: ['name'] } },
    { name: 'byPlayer', hashKey: 'playerId', projection: 'KEYS_ONLY' },
  ],
  localSecondaryIndexes: [{ name: 'byTime', rangeKey: 'at', projection: 'ALL' }],
  ttlAttribute: 'expiresAt',
};

type Overrides = Partial<Omit<GlobalTableProps, 'context' | 'replicas'>> & { readonly replicaRegions?: string[]; readonly policy?: Partial<EnvironmentPolicy> };

function synthTable(overrides: Overrides = {}) {
  const { replicaRegions = [], policy, ...props } = overrides;
  const regions = [...new Set(['eu-west-2', ...replicaRegions])];
  // The staging policy: deletion protection on, no prevent_destroy, no production warnings.
  const test = testStack({ regions, naming: new ResourceNaming('gaming-platform', 'prod'), environment: 'staging', policy });
  const table = new GlobalTable(test.stack, 'Scores', {
    context: test.context('eu-west-2'),
    definition: DEFINITION,
    kmsKeyArn: 'arn:aws:kms:eu-west-2:111122223333:key/primary',
    replicas: replicaRegions.map((region) => ({ context: test.context(region), kmsKeyArn: `arn:aws:kms:${region}:111122223333:key/replica` })),
    ...props,
  });
  const { text, json } = synthesized(test.stack);
  return { text, json, table, stack: test.stack, resource: Object.values(json.resource.aws_dynamodb_table)[0] as any };
}

const alarmsOf = (json: any) => Object.values(json.resource.aws_cloudwatch_metric_alarm ?? {}) as any[];

describe('global table defaults', () => {
  const { text, resource, json, stack } = synthTable();

  test('GIVEN defaults WHEN synthesized THEN on-demand, streams, PITR, SSE with the given key and deletion protection', () => {
    expect(text).toHaveResourceWithProperties(DynamodbTable, {
      name: 'gaming-platform-prod-scores',
      billing_mode: 'PAY_PER_REQUEST',
      stream_enabled: true,
      stream_view_type: 'NEW_AND_OLD_IMAGES',
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: 'arn:aws:kms:eu-west-2:111122223333:key/primary' },
      deletion_protection_enabled: true,
      ttl: { enabled: true, attribute_name: 'expiresAt' },
    });
  });

  test('GIVEN defaults WHEN synthesized THEN no capacity, no replica, no restore (its arguments ignored after creation), no autoscaling, deletion protection from the policy', () => {
    expect(resource.read_capacity).toBeUndefined();
    expect(resource.write_capacity).toBeUndefined();
    expect(resource.replica).toBeUndefined();
    expect(resource.lifecycle).toEqual({ ignore_changes: ['restore_source_name', 'restore_source_table_arn', 'restore_date_time', 'restore_to_latest_time'] });
    expect(resource).not.toHaveProperty('restore_source_name');
    expect(resource.deletion_protection_enabled).toBe(true);
    expect(json.resource.aws_appautoscaling_target).toBeUndefined();
    expect(warningsOf(stack)).toEqual([]);
  });

  test('GIVEN the definition WHEN synthesized THEN keys, attributes and indexes are exactly the definition', () => {
    expect([resource.hash_key, resource.range_key]).toEqual(['boardId', 'playerId']);
    expect(resource.attribute).toEqual(DEFINITION.attributes.map(({ name, type }) => ({ name, type })));
    expect(resource.global_secondary_index).toEqual([
      { name: 'byScore', hash_key: 'boardId', range_key: 'score', projection_type: 'INCLUDE', non_key_attributes: ['name'] },
      { name: 'byPlayer', hash_key: 'playerId', projection_type: 'KEYS_ONLY' },
    ]);
    expect(resource.local_secondary_index).toEqual([{ name: 'byTime', range_key: 'at', projection_type: 'ALL' }]);
  });

  test('GIVEN a definition without TTL WHEN synthesized THEN there is no ttl block', () => {
    const { ttlAttribute: _unused, ...withoutTtl } = DEFINITION;
    expect(synthTable({ definition: withoutTtl }).resource.ttl).toBeUndefined();
  });
});

describe('global table cost guards, insight and guardrails', () => {
  test('GIVEN the defaults WHEN synthesized THEN no caps, no warm throughput, no table class, PITR with the default window, no Contributor Insights', () => {
    const { resource, json } = synthTable();
    expect(resource).not.toHaveProperty('on_demand_throughput');
    expect(resource).not.toHaveProperty('warm_throughput');
    expect(resource).not.toHaveProperty('table_class');
    expect(resource.point_in_time_recovery).toEqual({ enabled: true });
    expect(resource.global_secondary_index.every((index: any) => index.on_demand_throughput === undefined)).toBe(true);
    expect(json.resource.aws_dynamodb_contributor_insights).toBeUndefined();
  });

  test('GIVEN deletion protection (the staging policy) WHEN synthesized THEN a resource policy denies DeleteTable on the table to every principal', () => {
    const { json } = synthTable();
    const [policy] = Object.values(json.resource.aws_dynamodb_resource_policy) as any[];
    expect(policy.resource_arn).toMatch(/^\$\{aws_dynamodb_table\.Scores_Table_\w+\.arn\}$/);
    expect(policy.policy).toBe(
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Sid" = "DenyTableDeletion", "Effect" = "Deny", "Principal" = "*", "Action" = "dynamodb:DeleteTable", "Resource" = ' + policy.resource_arn.slice(2, -1) + '}]})}',
    );
  });

  test('GIVEN a replica WHEN synthesized THEN the replica gets its own deny-delete policy through its Region\'s provider, on its ARN', () => {
    const policies = Object.values(synthTable({ replicaRegions: ['eu-west-1'] }).json.resource.aws_dynamodb_resource_policy) as any[];
    expect(policies.map((policy) => policy.provider).sort()).toEqual(['aws.eu_west_1', 'aws.eu_west_2']);
    expect(policies.find((policy) => policy.provider === 'aws.eu_west_1').resource_arn).toMatch(/^\$\{replace\(aws_dynamodb_table\.Scores_Table_\w+\.arn, ":eu-west-2:", ":eu-west-1:"\)\}$/);
  });

  test.each<[string, Overrides]>([
    ['deletion protection off', { deletionProtection: false }],
    ['the guard turned off', { deletionGuard: false }],
  ])('GIVEN %s WHEN synthesized THEN no deny-delete policy', (_case, overrides) => {
    expect(synthTable(overrides).json.resource.aws_dynamodb_resource_policy).toBeUndefined();
  });

  test('GIVEN caps, warm throughput, a table class, a 7-day PITR window and per-index options WHEN synthesized THEN the table and its GSIs carry them', () => {
    const { resource } = synthTable({
      onDemandThroughput: { maxReadRequestUnits: 1000, maxWriteRequestUnits: 500 },
      warmThroughput: { readUnitsPerSecond: 20000, writeUnitsPerSecond: 8000 },
      tableClass: 'STANDARD_INFREQUENT_ACCESS',
      pointInTimeRecoveryDays: 7,
      indexes: { byScore: { onDemandThroughput: { maxReadRequestUnits: 2000 }, warmThroughput: { readUnitsPerSecond: 15000 } } },
    });
    expect(resource).toMatchObject({
      on_demand_throughput: { max_read_request_units: 1000, max_write_request_units: 500 },
      warm_throughput: { read_units_per_second: 20000, write_units_per_second: 8000 },
      table_class: 'STANDARD_INFREQUENT_ACCESS',
      point_in_time_recovery: { enabled: true, recovery_period_in_days: 7 },
    });
    const [byScore, byPlayer] = resource.global_secondary_index;
    expect(byScore).toMatchObject({ on_demand_throughput: { max_read_request_units: 2000 }, warm_throughput: { read_units_per_second: 15000 } });
    // An index without its own caps takes the table's.
    expect(byPlayer.on_demand_throughput).toEqual({ max_read_request_units: 1000, max_write_request_units: 500 });
    expect(byPlayer).not.toHaveProperty('warm_throughput');
  });

  test('GIVEN Contributor Insights on the table and one index with a replica WHEN synthesized THEN each is watched in both Regions', () => {
    const { json } = synthTable({ replicaRegions: ['eu-west-1'], contributorInsights: true, indexes: { byScore: { contributorInsights: true } } });
    const insights = Object.values(json.resource.aws_dynamodb_contributor_insights) as any[];
    expect(insights.map((insight) => [insight.provider, insight.index_name]).sort()).toEqual([
      ['aws.eu_west_1', undefined],
      ['aws.eu_west_1', 'byScore'],
      ['aws.eu_west_2', undefined],
      ['aws.eu_west_2', 'byScore'],
    ]);
    for (const insight of insights) expect(insight.table_name).toMatch(/^\$\{aws_dynamodb_table\.Scores_Table_\w+\.name\}$/);
  });
});

describe('global table overrides', () => {
  test('GIVEN a restore to a point in time WHEN synthesized THEN the new table is restored from the source at that time', () => {
    const { resource } = synthTable({ restore: { sourceTableName: 'gaming-platform-prod-scores', pointInTime: '2026-01-01T10:00:00Z' } });
    expect(resource).toMatchObject({ restore_source_name: 'gaming-platform-prod-scores', restore_date_time: '2026-01-01T10:00:00Z' });
    expect(resource).not.toHaveProperty('restore_to_latest_time');
  });

  test('GIVEN a restore without a time WHEN synthesized THEN the latest restorable time is used', () => {
    const { resource } = synthTable({ restore: { sourceTableName: 'gaming-platform-prod-scores' } });
    expect(resource).toMatchObject({ restore_source_name: 'gaming-platform-prod-scores', restore_to_latest_time: true });
    expect(resource).not.toHaveProperty('restore_date_time');
  });

  test('GIVEN preventDestroy false under a prod policy WHEN synthesized THEN the table has no prevent_destroy', () => {
    expect(synthTable({ policy: { preventDestroy: true }, preventDestroy: false }).resource.lifecycle.prevent_destroy).toBeUndefined();
    expect(synthTable({ policy: { preventDestroy: true } }).resource.lifecycle.prevent_destroy).toBe(true);
  });

  test('GIVEN a replica Region WHEN synthesized THEN a 2019.11.21 replica block with its own key, PITR, tags and deletion protection', () => {
    expect(synthTable({ replicaRegions: ['eu-west-1'] }).resource.replica).toEqual([
      {
        region_name: 'eu-west-1',
        kms_key_arn: 'arn:aws:kms:eu-west-1:111122223333:key/replica',
        point_in_time_recovery: true,
        propagate_tags: true,
        deletion_protection_enabled: true,
      },
    ]);
  });

  test('GIVEN a policy with prevent_destroy WHEN synthesized THEN lifecycle prevent_destroy', () => {
    expect(synthTable({ policy: { preventDestroy: true } }).resource.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['restore_source_name', 'restore_source_table_arn', 'restore_date_time', 'restore_to_latest_time'] });
  });

  test('GIVEN a policy without prevent_destroy WHEN synthesized THEN no prevent_destroy, only the restore arguments ignored', () => {
    expect(synthTable({ policy: { preventDestroy: false } }).resource.lifecycle).toEqual({ ignore_changes: ['restore_source_name', 'restore_source_table_arn', 'restore_date_time', 'restore_to_latest_time'] });
  });

  test('GIVEN a policy without deletion protection and no setting WHEN synthesized THEN the table follows the policy', () => {
    expect(synthTable({ policy: { deletionProtection: false, production: false } }).resource.deletion_protection_enabled).toBe(false);
  });

  test('GIVEN deletion protection off in production WHEN synthesized THEN off on table and replicas, with a warning', () => {
    const { resource, stack } = synthTable({ deletionProtection: false, replicaRegions: ['eu-west-1'], policy: { production: true } });
    expect(resource.deletion_protection_enabled).toBe(false);
    expect(resource.replica[0].deletion_protection_enabled).toBe(false);
    expect(warningsOf(stack)).toEqual([
      'dynamodb.tables.scores.deletionProtection is off: gaming-platform-prod-scores and its replicas can be deleted by one API call',
    ]);
  });

  test('GIVEN deletion protection off outside production WHEN synthesized THEN it is off without a warning', () => {
    const { resource, stack } = synthTable({ deletionProtection: false });
    expect(resource.deletion_protection_enabled).toBe(false);
    expect(warningsOf(stack)).toEqual([]);
  });

  describe('GIVEN PROVISIONED billing with a replica', () => {
    const { resource, json, stack } = synthTable({
      replicaRegions: ['eu-west-1'],
      billing: { mode: 'PROVISIONED', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 2, max: 50 } },
    });
    const targets = Object.values(json.resource.aws_appautoscaling_target) as any[];

    test('WHEN synthesized THEN it warns that replicas need the write autoscaling to exist first', () => {
      expect(warningsOf(stack)).toEqual([expect.stringContaining('dynamodb.tables.scores.billing is PROVISIONED with replicas: DynamoDB adds a replica only to a table whose write capacity is already autoscaled')]);
    });
    const policies = Object.values(json.resource.aws_appautoscaling_policy) as any[];

    test('WHEN synthesized THEN table and GSIs start at the minimum and Terraform leaves capacity to autoscaling', () => {
      expect([resource.billing_mode, resource.read_capacity, resource.write_capacity]).toEqual(['PROVISIONED', 5, 2]);
      expect(resource.global_secondary_index.map((index: any) => [index.read_capacity, index.write_capacity])).toEqual([[5, 2], [5, 2]]);
      expect(resource.lifecycle).toEqual({ ignore_changes: ['read_capacity', 'write_capacity', 'global_secondary_index', 'restore_source_name', 'restore_source_table_arn', 'restore_date_time', 'restore_to_latest_time'] });
    });

    test('WHEN synthesized THEN reads and writes of the table and each GSI scale in every Region', () => {
      const tableRef = `\${aws_dynamodb_table.${Object.keys(json.resource.aws_dynamodb_table)[0]}.name}`;
      const expected = ['aws.eu_west_2', 'aws.eu_west_1'].flatMap((provider) =>
        [`table/${tableRef}`, `table/${tableRef}/index/byScore`, `table/${tableRef}/index/byPlayer`].flatMap((resourceId) => {
          const kind = resourceId.includes('/index/') ? 'index' : 'table';
          return [
            [provider, resourceId, `dynamodb:${kind}:ReadCapacityUnits`, 5, 100],
            [provider, resourceId, `dynamodb:${kind}:WriteCapacityUnits`, 2, 50],
          ];
        }),
      );
      expect(targets.map((t) => [t.provider, t.resource_id, t.scalable_dimension, t.min_capacity, t.max_capacity]).sort()).toEqual(expected.sort());
    });

    test('WHEN synthesized THEN each target has a target-tracking policy at 70% on its own utilization metric', () => {
      expect(policies).toHaveLength(12);
      for (const policy of policies) {
        const dimension = policy.scalable_dimension.includes('Read') ? 'Read' : 'Write';
        expect(policy.policy_type).toBe('TargetTrackingScaling');
        expect(policy.target_tracking_scaling_policy_configuration).toEqual({
          target_value: 70,
          predefined_metric_specification: { predefined_metric_type: `DynamoDB${dimension}CapacityUtilization` },
        });
      }
    });
  });

  test('GIVEN PROVISIONED without replicas WHEN synthesized THEN there is nothing to warn about', () => {
    const { stack } = synthTable({ billing: { mode: 'PROVISIONED', readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 10 } } });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('GIVEN a target utilization WHEN synthesized THEN the policies track it', () => {
    const { text } = synthTable({
      billing: { mode: 'PROVISIONED', readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 10 }, targetUtilizationPercent: 50 },
    });
    expect(text).toHaveResourceWithProperties(AppautoscalingPolicy, { target_tracking_scaling_policy_configuration: expect.objectContaining({ target_value: 50 }) });
  });
});

describe('global table alarms', () => {
  const { json } = synthTable({ replicaRegions: ['eu-west-1'] });
  const alarms = alarmsOf(json);
  const inRegion = (provider: string) => alarms.filter((alarm) => alarm.provider === provider);

  test('GIVEN two Regions WHEN synthesized THEN each Region alarms on its own throttles, system errors, request latency and replication to the other', () => {
    for (const [provider, region, other] of [['aws.eu_west_2', 'eu-west-2', 'eu-west-1'], ['aws.eu_west_1', 'eu-west-1', 'eu-west-2']]) {
      const byKey = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
      expect(inRegion(provider).map((alarm) => [alarm.metric_name, alarm.dimensions, alarm.alarm_actions]).sort(byKey)).toEqual([
        ['ReadThrottleEvents', { TableName: 'gaming-platform-prod-scores' }, [`arn:aws:sns:${region}:111122223333:warning`]],
        ['WriteThrottleEvents', { TableName: 'gaming-platform-prod-scores' }, [`arn:aws:sns:${region}:111122223333:warning`]],
        ...['GetItem', 'Query', 'PutItem', 'UpdateItem'].map((operation) => [
          'SystemErrors',
          { TableName: 'gaming-platform-prod-scores', Operation: operation },
          [`arn:aws:sns:${region}:111122223333:critical`],
        ]),
        ...['GetItem', 'Query', 'PutItem', 'UpdateItem'].map((operation) => [
          'SuccessfulRequestLatency',
          { TableName: 'gaming-platform-prod-scores', Operation: operation },
          [`arn:aws:sns:${region}:111122223333:warning`],
        ]),
        ['ReplicationLatency', { TableName: 'gaming-platform-prod-scores', ReceivingRegion: other }, [`arn:aws:sns:${region}:111122223333:warning`]],
      ].sort(byKey));
    }
  });

  test('GIVEN alarms WHEN synthesized THEN names carry table and Region, counts treat missing data as fine, latency is above 60 s', () => {
    const latency = alarms.find((alarm) => alarm.alarm_name === 'gaming-platform-prod-scores-eu-west-2-replication-latency-to-eu-west-1');
    expect(latency).toMatchObject({ namespace: 'AWS/DynamoDB', statistic: 'Average', threshold: 60000, comparison_operator: 'GreaterThanThreshold' });
    const throttles = alarms.find((alarm) => alarm.alarm_name === 'gaming-platform-prod-scores-eu-west-1-read-throttle-events');
    expect(throttles).toMatchObject({ statistic: 'Sum', threshold: 0, treat_missing_data: 'notBreaching' });
  });

  test('GIVEN the defaults WHEN synthesized THEN a request latency alarm fires above an average of 200 ms over three periods, idle tables staying quiet', () => {
    const latency = alarms.find((alarm) => alarm.alarm_name === 'gaming-platform-prod-scores-eu-west-2-latency-Query');
    expect(latency).toMatchObject({ metric_name: 'SuccessfulRequestLatency', statistic: 'Average', threshold: 200, evaluation_periods: 3, treat_missing_data: 'notBreaching' });
  });

  test('GIVEN requestLatencyThresholdMs 50 WHEN synthesized THEN the latency alarms fire above 50 ms', () => {
    const latencies = alarmsOf(synthTable({ requestLatencyThresholdMs: 50 }).json).filter((alarm) => alarm.metric_name === 'SuccessfulRequestLatency');
    expect(latencies.map((alarm) => alarm.threshold)).toEqual([50, 50, 50, 50]);
  });

  test('GIVEN a single-Region table WHEN synthesized with alarms THEN there is no replication alarm', () => {
    expect(alarmsOf(synthTable().json).map((alarm) => alarm.metric_name)).not.toContain('ReplicationLatency');
  });

  test('GIVEN chosen operations WHEN synthesized THEN SystemErrors alarms cover exactly those', () => {
    const alarms = alarmsOf(synthTable({ systemErrorOperations: ['TransactWriteItems'] }).json);
    expect(alarms.filter((alarm) => alarm.metric_name === 'SystemErrors').map((alarm) => alarm.dimensions.Operation)).toEqual(['TransactWriteItems']);
  });
});

const SETTING = 'dynamodb.tables.scores';
const BAD_TABLES: [string, Overrides, string][] = [
  ['a table key over an undeclared attribute', { definition: { ...DEFINITION, hashKey: 'board' } }, `${SETTING}.hashKey must be a declared attribute (boardId, playerId, score, at), got "board"`],
  [
    'a GSI over an undeclared attribute',
    { definition: { ...DEFINITION, globalSecondaryIndexes: [{ name: 'byScore', hashKey: 'boardId', rangeKey: 'points', projection: 'ALL' }, { name: 'byPlayer', hashKey: 'playerId', projection: 'ALL' }] } },
    `${SETTING}.globalSecondaryIndexes[0].rangeKey must be a declared attribute (boardId, playerId, score, at), got "points"`,
  ],
  [
    'an LSI over an undeclared attribute',
    { definition: { ...DEFINITION, localSecondaryIndexes: [{ name: 'byTime', rangeKey: 'time', projection: 'ALL' }] } },
    `${SETTING}.localSecondaryIndexes[0].rangeKey must be a declared attribute (boardId, playerId, score, at), got "time"`,
  ],
  [
    'a declared attribute no key uses',
    { definition: { ...DEFINITION, attributes: [...DEFINITION.attributes, { name: 'playerName', type: 'S' }] } },
    `${SETTING}.attributes[4] must be used by the table's key or an index (DynamoDB rejects unused attribute definitions), got "playerName" which no key uses`,
  ],
  [
    'an attribute declared twice',
    { definition: { ...DEFINITION, attributes: [...DEFINITION.attributes, { name: 'score', type: 'S' }] } },
    `${SETTING}.attributes[4] must declare each attribute once, got "score" again`,
  ],
  [
    'an LSI on a table without sort key',
    { definition: { ...DEFINITION, rangeKey: undefined, globalSecondaryIndexes: [{ name: 'byPlayer', hashKey: 'playerId', rangeKey: 'score', projection: 'ALL' }] } },
    `${SETTING}.localSecondaryIndexes need the table to have a rangeKey, got none`,
  ],
  [
    'two indexes with one name',
    { definition: { ...DEFINITION, localSecondaryIndexes: [{ name: 'byScore', rangeKey: 'at', projection: 'ALL' }] } },
    `${SETTING} index names must be unique, got "byScore" more than once`,
  ],
  [
    'an access pattern over an unknown index',
    { definition: { ...DEFINITION, accessPatterns: [{ name: 'top', description: 'top', operation: 'Query', indexName: 'byRank' }] } },
    `${SETTING}.accessPatterns[0].indexName must be one of the table's indexes (byScore, byPlayer, byTime), got "byRank"`,
  ],
  ['a replica in the primary Region', { replicaRegions: ['eu-west-2'] }, `${SETTING}.replicas[0].region must differ from the table's own Region (eu-west-2), got "eu-west-2"`],
  ['a replica Region named twice', { replicaRegions: ['eu-west-1', 'eu-west-1'] }, `${SETTING}.replicas[1].region must name each Region once, got "eu-west-1" again`],
  ['an unknown replica Region', { replicaRegions: ['eu-west-9'] }, `${SETTING}.replicas[0].region must be an AWS Region (af-south-1,`],
  [
    'autoscaling min above max',
    { billing: { mode: 'PROVISIONED', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 60, max: 50 } } },
    `${SETTING}.billing.writeCapacity.min must not be above ${SETTING}.billing.writeCapacity.max (50), got 60`,
  ],
  [
    'a capacity above the table quota',
    { billing: { mode: 'PROVISIONED', readCapacity: { min: 5, max: 50000 }, writeCapacity: { min: 1, max: 50 } } },
    `${SETTING}.billing.readCapacity.max must be an integer 1-40000, got 50000`,
  ],
  [
    'a target utilization autoscaling rejects',
    { billing: { mode: 'PROVISIONED', readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 10 }, targetUtilizationPercent: 95 } },
    `${SETTING}.billing.targetUtilizationPercent must be an integer 20-90, got 95`,
  ],
  ['an unknown billing mode', { billing: { mode: 'ON_DEMAND' as 'PAY_PER_REQUEST' } }, `${SETTING}.billing.mode must be one of "PAY_PER_REQUEST", "PROVISIONED", got "ON_DEMAND"`],
  ['a restore from a malformed table name', { restore: { sourceTableName: 'scores table' } }, `${SETTING}.restore.sourceTableName must be a DynamoDB table name: 3-255 letters, digits, '_', '-' and '.', got "scores table" (12 characters)`],
  ['a restore to a local time', { restore: { sourceTableName: 'scores', pointInTime: '2026-01-01 10:00' } }, `${SETTING}.restore.pointInTime must be an RFC 3339 time in UTC such as "2026-01-01T10:00:00Z", got "2026-01-01 10:00"`],
  ['a table name over 255 characters', { tableName: 'x'.repeat(256) }, `the derived name "${'x'.repeat(256)}" (256 characters) must be a DynamoDB table name: 3-255 letters, digits, '_', '-' and '.'; shorten ${SETTING}.name or the system name`],
  ['a cap on a provisioned table', { billing: { mode: 'PROVISIONED', readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 10 } }, onDemandThroughput: { maxReadRequestUnits: 100 } }, `${SETTING}.onDemandThroughput caps on-demand tables only (billing.mode PAY_PER_REQUEST); with PROVISIONED, autoscaling's max bounds capacity, got billing.mode "PROVISIONED"`],
  ['a read cap of 0', { onDemandThroughput: { maxReadRequestUnits: 0 } }, `${SETTING}.onDemandThroughput.maxReadRequestUnits must be an integer 1-40000, got 0`],
  ['an index cap above the quota', { indexes: { byScore: { onDemandThroughput: { maxWriteRequestUnits: 50000 } } } }, `${SETTING}.indexes.byScore.onDemandThroughput.maxWriteRequestUnits must be an integer 1-40000, got 50000`],
  ['warm reads below DynamoDB\'s default', { warmThroughput: { readUnitsPerSecond: 100 } }, `${SETTING}.warmThroughput.readUnitsPerSecond must be an integer 12000-40000000, got 100`],
  ['warm writes below DynamoDB\'s default', { indexes: { byScore: { warmThroughput: { writeUnitsPerSecond: 10 } } } }, `${SETTING}.indexes.byScore.warmThroughput.writeUnitsPerSecond must be an integer 4000-40000000, got 10`],
  ['an unknown table class', { tableClass: 'STANDARD_IA' as 'STANDARD' }, `${SETTING}.tableClass must be one of "STANDARD", "STANDARD_INFREQUENT_ACCESS", got "STANDARD_IA"`],
  ['a PITR window of 36 days', { pointInTimeRecoveryDays: 36 }, `${SETTING}.pointInTimeRecoveryDays must be an integer 1-35, got 36`],
  ['options for an LSI', { indexes: { byTime: { contributorInsights: true } } }, `${SETTING}.indexes names "byTime", which is not a global secondary index of the table (byScore, byPlayer)`],
  ['a request latency threshold of 0', { requestLatencyThresholdMs: 0 }, `${SETTING}.requestLatencyThresholdMs must be an integer 1-60000, got 0`],
  ['a replication latency threshold below a second', { replicationLatencyThresholdMs: 10 }, `${SETTING}.replicationLatencyThresholdMs must be an integer 1000-3600000, got 10`],
];

describe('global table validation', () => {
  test.each(BAD_TABLES)('GIVEN %s WHEN built THEN it fails naming the prop', (_case, overrides, message) => {
    expect(() => synthTable(overrides)).toThrow(message);
  });
});
