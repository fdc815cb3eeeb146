import { DaxCluster as DaxClusterResource } from '@cdktf/provider-aws/lib/dax-cluster';
import { DaxParameterGroup } from '@cdktf/provider-aws/lib/dax-parameter-group';
import { DaxSubnetGroup } from '@cdktf/provider-aws/lib/dax-subnet-group';
import { DAX_DYNAMODB_ACTIONS, DaxCluster, daxClusterName, DaxClusterProps, DaxNodeType } from '../../../modules/dax';
import { ResourceNaming } from '../../../modules/naming';
import { RegionNetwork } from '../../../modules/network';
import { warningsOf } from '../../fixtures/annotations';
import { synthesized, testStack } from '../../fixtures/region-context';

const TABLES = [
  { tableArn: 'arn:aws:dynamodb:eu-west-2:111122223333:table/games', indexArns: ['arn:aws:dynamodb:eu-west-2:111122223333:table/games/index/byPlayer'] },
  { tableArn: 'arn:aws:dynamodb:eu-west-2:111122223333:table/moves', indexArns: [] },
];

type Overrides = Partial<Omit<DaxClusterProps, 'context'>> & { readonly network?: Partial<RegionNetwork>; readonly system?: string };

function synthDax(overrides: Overrides = {}) {
  const { network, system = 'gaming-platform', ...props } = overrides;
  const test = testStack({ naming: new ResourceNaming(system, 'prod'), environment: 'prod' });
  const context = test.context('eu-west-2');
  new DaxCluster(test.stack, 'Dax', {
    nodeType: 'dax.r4.xlarge',
    replicationFactor: 3,
    tables: TABLES,
    ...props,
    context: { ...context, network: { ...context.network, applicationSecurityGroupIds: ['sg-app1', 'sg-app2'], ...network } },
  });
  return { ...synthesized(test.stack), stack: test.stack };
}

const policyDocuments = (json: any) => Object.values(json.data.aws_iam_policy_document) as any[];

describe('DAX cluster', () => {
  const { text, json, stack } = synthDax();

  test('GIVEN three nodes WHEN synthesized THEN the cluster is encrypted at rest, TLS on its endpoint, in its groups, without warning', () => {
    expect(text).toHaveResourceWithProperties(DaxClusterResource, {
      cluster_name: 'gp-prod-dax',
      node_type: 'dax.r4.xlarge',
      replication_factor: 3,
      server_side_encryption: { enabled: true },
      cluster_endpoint_encryption_type: 'TLS',
      subnet_group_name: expect.stringMatching(/^\$\{aws_dax_subnet_group\..+\.name\}$/),
      parameter_group_name: expect.stringMatching(/^\$\{aws_dax_parameter_group\..+\.name\}$/),
      security_group_ids: [expect.stringMatching(/^\$\{aws_security_group\..+\.id\}$/)],
      iam_role_arn: expect.stringMatching(/^\$\{aws_iam_role\..+\.arn\}$/),
      depends_on: [expect.stringMatching(/^aws_iam_role_policy\./)],
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('WHEN synthesized THEN the role is trusted by dax.amazonaws.com only', () => {
    const trust = policyDocuments(json).find((doc) => doc.statement[0].actions.includes('sts:AssumeRole'));
    expect(trust.statement).toEqual([{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['dax.amazonaws.com'] }] }]);
  });

  test('WHEN synthesized THEN the role policy allows the DAX actions on exactly the tables and their indexes, never "*"', () => {
    const access = policyDocuments(json).find((doc) => doc.statement[0].sid === 'DaxReadsAndWritesItsTables');
    expect(access.statement).toHaveLength(1);
    expect(access.statement[0].actions).toEqual([...DAX_DYNAMODB_ACTIONS]);
    expect(access.statement[0].resources).toEqual([
      'arn:aws:dynamodb:eu-west-2:111122223333:table/games',
      'arn:aws:dynamodb:eu-west-2:111122223333:table/games/index/byPlayer',
      'arn:aws:dynamodb:eu-west-2:111122223333:table/moves',
    ]);
    expect(JSON.stringify(access)).not.toContain('"*"');
    const rolePolicy = Object.values(json.resource.aws_iam_role_policy)[0] as any;
    expect(rolePolicy.policy).toMatch(/^\$\{data\.aws_iam_policy_document\.Dax_AccessPolicy_\w+\.json\}$/);
  });

  test('WHEN synthesized THEN the subnet group holds the data subnets and the parameter group DAX\'s 5-minute TTLs', () => {
    expect(text).toHaveResourceWithProperties(DaxSubnetGroup, { name: 'gaming-platform-prod-dax-eu-west-2', subnet_ids: ['subnet-0d1', 'subnet-0d2'] });
    expect(text).toHaveResourceWithProperties(DaxParameterGroup, {
      name: 'gaming-platform-prod-dax-eu-west-2',
      parameters: [
        { name: 'record-ttl-millis', value: '300000' },
        { name: 'query-ttl-millis', value: '300000' },
      ],
    });
  });

  test('GIVEN a TLS-only cluster WHEN synthesized THEN only the application security groups reach 9111, each by a rule of its own, 8111 stays closed and nothing goes out', () => {
    const rules = Object.values(json.resource.aws_vpc_security_group_ingress_rule) as any[];
    expect(rules.map((rule) => [rule.from_port, rule.to_port, rule.referenced_security_group_id]).sort()).toEqual([
      [9111, 9111, 'sg-app1'],
      [9111, 9111, 'sg-app2'],
    ]);
    expect(Object.values(json.resource.aws_security_group)[0]).not.toHaveProperty('ingress');
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  test('GIVEN subnetTier private WHEN synthesized THEN the subnet group holds the private subnets', () => {
    expect(synthDax({ subnetTier: 'private' }).text).toHaveResourceWithProperties(DaxSubnetGroup, { subnet_ids: ['subnet-0p1', 'subnet-0p2'] });
  });
});

describe('DAX cluster overrides', () => {
  test('GIVEN no cluster name WHEN synthesized THEN the naming helper gives one that fits DAX\'s 20 characters', () => {
    expect(synthDax().text).toHaveResourceWithProperties(DaxClusterResource, { cluster_name: 'gp-prod-dax' });
  });

  test('GIVEN no notification topic WHEN synthesized THEN the cluster sends no events', () => {
    expect(Object.values(synthDax().json.resource.aws_dax_cluster)[0]).not.toHaveProperty('notification_topic_arn');
  });

  test('GIVEN a notification topic in the Region WHEN synthesized THEN DAX sends its events there', () => {
    expect(synthDax({ notificationTopicArn: 'arn:aws:sns:eu-west-2:111122223333:dax-events' }).text).toHaveResourceWithProperties(DaxClusterResource, {
      notification_topic_arn: 'arn:aws:sns:eu-west-2:111122223333:dax-events',
    });
  });

  test('GIVEN a cluster name WHEN synthesized THEN the cluster takes it', () => {
    expect(synthDax({ clusterName: 'leaderboard-dax' }).text).toHaveResourceWithProperties(DaxClusterResource, { cluster_name: 'leaderboard-dax' });
  });

  test('GIVEN no sizing WHEN synthesized THEN three dax.r4.large nodes', () => {
    expect(synthDax({ nodeType: undefined, replicationFactor: undefined }).text).toHaveResourceWithProperties(DaxClusterResource, {
      node_type: 'dax.r4.large',
      replication_factor: 3,
    });
  });

  test('GIVEN cache TTLs WHEN synthesized THEN the parameter group carries them', () => {
    expect(synthDax({ itemTtlMillis: 60000, queryTtlMillis: 1000 }).text).toHaveResourceWithProperties(DaxParameterGroup, {
      parameters: [
        { name: 'record-ttl-millis', value: '60000' },
        { name: 'query-ttl-millis', value: '1000' },
      ],
    });
  });

  test.each([[1], [2]])('GIVEN %d node(s) WHEN synthesized THEN it warns that the cluster is not fault-tolerant', (nodes) => {
    expect(warningsOf(synthDax({ replicationFactor: nodes }).stack)).toEqual([
      `dax.replicationFactor is ${nodes}: a DAX cluster below 3 nodes is not fault-tolerant (a node or Availability Zone failure loses the cache or the cluster)`,
    ]);
  });

  test('GIVEN an item TTL of 0 WHEN synthesized THEN it warns that items never expire by time', () => {
    expect(warningsOf(synthDax({ itemTtlMillis: 0 }).stack)).toEqual([expect.stringContaining('dax.itemTtlMillis is 0: cached entries never expire by time')]);
  });

  test('GIVEN a burstable node type WHEN synthesized THEN it warns about CPU credits', () => {
    expect(warningsOf(synthDax({ nodeType: 'dax.t3.small' }).stack)).toEqual([
      'dax.nodeType dax.t3.small is burstable: DAX throttles requests when its CPU credits run out',
    ]);
  });

  test('GIVEN the Region topics WHEN synthesized THEN CPU, throttled and error requests alarm on the cluster', () => {
    const alarms = Object.values(synthDax().json.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms.map((alarm) => [alarm.alarm_name, alarm.namespace, alarm.metric_name, alarm.dimensions, alarm.statistic, alarm.threshold, alarm.alarm_actions]).sort()).toEqual([
      ['gaming-platform-prod-dax-eu-west-2-cpu-utilization', 'AWS/DAX', 'CPUUtilization', { ClusterId: 'gp-prod-dax' }, 'Average', 80, ['arn:aws:sns:eu-west-2:111122223333:warning']],
      ['gaming-platform-prod-dax-eu-west-2-error-requests', 'AWS/DAX', 'ErrorRequestCount', { ClusterId: 'gp-prod-dax' }, 'Sum', 10, ['arn:aws:sns:eu-west-2:111122223333:warning']],
      ['gaming-platform-prod-dax-eu-west-2-throttled-requests', 'AWS/DAX', 'ThrottledRequestCount', { ClusterId: 'gp-prod-dax' }, 'Sum', 0, ['arn:aws:sns:eu-west-2:111122223333:critical']],
    ]);
  });
});

describe('DAX cluster name', () => {
  test.each([
    ['gaming-platform', 'prod', 'gp-prod-dax'],
    ['gaming-platform', 'staging', 'gp-staging-dax'],
    ['shop', 'prod', 'shop-prod-dax'],
  ])('GIVEN system %s in %s WHEN named THEN %s (at most 20 characters)', (system, environment, expected) => {
    expect(daxClusterName(new ResourceNaming(system, environment))).toBe(expected);
  });
});

const BAD_CLUSTERS: [string, Overrides, string][] = [
  ['an unknown node type', { nodeType: 'dax.r6g.large' as DaxNodeType }, 'dax.nodeType must be one of "dax.t2.small", "dax.t2.medium", "dax.t3.small"'],
  ['no node', { replicationFactor: 0 }, 'dax.replicationFactor must be an integer 1-10, got 0'],
  ['eleven nodes', { replicationFactor: 11 }, 'dax.replicationFactor must be an integer 1-10, got 11'],
  ['a cluster name over 20 characters', { clusterName: 'gaming-platform-prod-dax' }, 'dax.clusterName must be a DAX cluster name: 1-20 letters, digits and single hyphens, starting with a letter and not ending with a hyphen, got "gaming-platform-prod-dax" (24 characters)'],
  ['a cluster name ending in a hyphen', { clusterName: 'leaderboard-' }, 'dax.clusterName must be a DAX cluster name: 1-20 letters, digits and single hyphens, starting with a letter and not ending with a hyphen, got "leaderboard-" (12 characters)'],
  [
    'a derived cluster name over 20 characters',
    { system: 'a-b-c-d-e-f-g-h-i-j-k-l' },
    'the derived name "abcdefghijkl-prod-dax" (21 characters) must be a DAX cluster name: 1-20 letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system or environment name',
  ],
  [
    'derived group names over 255 characters',
    { system: `s${'x'.repeat(240)}`, clusterName: 'long-dax' },
    `the derived name "s${'x'.repeat(240)}-prod-dax-eu-west-2" (260 characters) must be a DAX parameter group name: 1-255 letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system name`,
  ],
  [
    'a derived role name over 64 characters',
    { system: `s${'x'.repeat(50)}`, clusterName: 'long-dax' },
    `the derived name "s${'x'.repeat(50)}-prod-dax-eu-west-2" (70 characters) must be an IAM role name: 1-64 letters, digits and '_+=,.@-'; shorten the system name`,
  ],
  ['a notification topic in another Region', { notificationTopicArn: 'arn:aws:sns:eu-west-1:111122223333:dax-events' }, 'dax.notificationTopicArn must be the ARN of an SNS topic in the cluster\'s Region (arn:aws:sns:eu-west-2:<account>:<name>), got "arn:aws:sns:eu-west-1:111122223333:dax-events"'],
  ['no table', { tables: [] }, 'dax.tables must list at least one table the cluster serves, got none'],
  ['no application security group', { network: { applicationSecurityGroupIds: [] } }, 'dax.applicationSecurityGroupIds must list at least one security group, got []'],
  ['a negative item TTL', { itemTtlMillis: -1 }, 'dax.itemTtlMillis must be a whole number of milliseconds, 0 or more, got -1'],
  ['a fractional query TTL', { queryTtlMillis: 1.5 }, 'dax.queryTtlMillis must be a whole number of milliseconds, 0 or more, got 1.5'],
  ['a CPU alarm threshold above 100', { cpuAlarmThresholdPercent: 120 }, 'dax.cpuAlarmThresholdPercent must be an integer 1-100, got 120'],
  ['an error threshold of 0', { errorRequestsAlarmThreshold: 0 }, 'dax.errorRequestsAlarmThreshold must be an integer 1-1000000, got 0'],
  ['a malformed maintenance window', { maintenanceWindow: 'sunday 5am' }, 'dax.maintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi, e.g. "sun:05:00-sun:06:00", got "sunday 5am"'],
];

describe('DAX cluster validation', () => {
  test.each(BAD_CLUSTERS)('GIVEN %s WHEN built THEN it fails naming the prop', (_case, overrides, message) => {
    expect(() => synthDax(overrides)).toThrow(message);
  });
});
