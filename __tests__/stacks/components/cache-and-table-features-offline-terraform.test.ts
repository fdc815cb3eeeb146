// Terraform itself, offline through the stand-in providers, on a system that exists only in this test and uses
// the cache and table features the shipped stacks do not: ElastiCache users and user groups (password and IAM),
// a serverless cache restored from a snapshot, a replication group on r6gd nodes (data tiering) restored from a
// snapshot with its own users, and a table with warm throughput, a table class, a PITR window and a restore.
import type { EnvironmentConfig } from '../../../stacks/common/environment';
import { cacheReplicationGroup, CacheReplicationGroupConfig } from '../../../stacks/components/cache-replication-group';
import { dynamoDbTables, DynamoDbTablesConfig } from '../../../stacks/components/dynamodb-tables';
import { serverlessCache, ServerlessCacheConfig } from '../../../stacks/components/serverless-cache';
import { defineSystem } from '../../../stacks/composition/define-system';
import { validateAndPlanOffline } from '../../support/offline-validate-and-plan';

jest.setTimeout(600_000);

interface FeaturesEnvironment extends EnvironmentConfig {
  readonly serverless: ServerlessCacheConfig;
  readonly cache: CacheReplicationGroupConfig;
  readonly dynamodb: DynamoDbTablesConfig;
}

const ENVIRONMENT: FeaturesEnvironment = {
  name: 'staging',
  primaryRegion: 'eu-west-1',
  stateBackend: { type: 's3', bucket: 'example-terraform-state', region: 'eu-west-1' },
  network: {
    'eu-west-1': {
      vpc: { id: 'vpc-0a1b2c3d' },
      privateSubnets: { ids: ['subnet-0aaa', 'subnet-0bbb'] },
      dataSubnets: { ids: ['subnet-0ccc', 'subnet-0ddd'] },
      applicationSecurityGroups: { ids: ['sg-0app'] },
    },
  },
  serverless: {
    usageLimits: { maxDataStorageGb: 5, maxEcpuPerSecond: 5000 },
    users: [{ name: 'app' }, { name: 'worker', authentication: 'iam' }],
    snapshotArnsToRestore: ['arn:aws:elasticache:eu-west-1:111122223333:serverlesscachesnapshot:feat-staging-valkey-20260101'],
  },
  cache: {
    nodeType: 'cache.r6gd.xlarge',
    nodeCount: 2,
    restoreFrom: { snapshotName: 'feat-staging-redis-manual-20260101' },
    authentication: { kind: 'users', users: [{ name: 'app' }] },
  },
  dynamodb: {
    billing: { mode: 'PAY_PER_REQUEST' },
    pointInTimeRecoveryDays: 7,
    tableSettings: {
      history: { tableClass: 'STANDARD_INFREQUENT_ACCESS', warmThroughput: { readUnitsPerSecond: 15000, writeUnitsPerSecond: 5000 }, contributorInsights: true },
    },
    restores: { history: { pointInTime: '2026-01-01T10:00:00Z' } },
  },
};

const HISTORY = {
  name: 'history',
  description: 'test table',
  attributes: [{ name: 'id', type: 'S' as const }, { name: 'at', type: 'N' as const }],
  hashKey: 'id',
  rangeKey: 'at',
};

const NEW_RESOURCE_KINDS = ['aws_elasticache_user', 'aws_elasticache_user_group', 'aws_elasticache_serverless_cache', 'aws_dynamodb_contributor_insights', 'aws_dynamodb_resource_policy'];

describe('cache users, restores, data tiering and table features through offline Terraform', () => {
  const offline = validateAndPlanOffline('datastack-features-', () =>
    defineSystem<FeaturesEnvironment>({
      name: 'feat',
      environments: { staging: ENVIRONMENT },
      components: (env) => [
        serverlessCache(env.serverless, { id: 'Valkey', setting: 'serverless' }),
        cacheReplicationGroup(env.cache),
        dynamoDbTables({ tables: [HISTORY], config: env.dynamodb }),
      ],
    }),
  );

  test('GIVEN the synthesized stack WHEN terraform validate runs THEN it is valid', () => {
    expect(offline.validation().output).not.toMatch(/Error: /);
    expect(offline.validation().valid).toBe(true);
  });

  test('GIVEN the synthesized stack WHEN terraform plan runs on empty state THEN it plans', () => {
    // "Error: " is how Terraform reports one; the plan itself names SystemErrors alarms.
    expect(offline.plan().output).not.toMatch(/Error: /);
    expect(offline.plan().succeeded).toBe(true);
    expect(offline.plan().summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
  });

  test.each(NEW_RESOURCE_KINDS)('GIVEN the plan WHEN read THEN it creates %s', (kind) => {
    expect(offline.plan().changes.some((change) => change.startsWith(`create ${kind}.`))).toBe(true);
  });
});
