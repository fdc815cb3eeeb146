// content-hub: each configuration check, as `npm run synth` would report it for the system's prod environment.
import { AuroraPostgresEngineVersion } from '../../../modules/aurora';
import { failedMessages } from '../../../modules/validation';
import { CreatedNetworkConfig } from '../../../stacks/common/environment';
import { ContentHubEnvironment } from '../../../stacks/content-hub/content-hub-environment';
import { CONTENT_HUB, contentHubSystem } from '../../../stacks/content-hub/content-hub-system';
import { CONTENT_HUB_ENVIRONMENTS, CONTENT_HUB_INTERFACE_ENDPOINTS } from '../../../stacks/content-hub/environments';

const PROD = CONTENT_HUB_ENVIRONMENTS.prod;
const VPC = (PROD.network['us-east-1'] as CreatedNetworkConfig).create;
const PATH = 'content-hub.environments.prod';

/** The messages the checks give for prod with one part replaced. */
function problems(change: Partial<ContentHubEnvironment>): string[] {
  return failedMessages(contentHubSystem({ prod: { ...PROD, ...change } }).validationRules());
}

const network = (change: Partial<CreatedNetworkConfig['create']>): Partial<ContentHubEnvironment> => ({ network: { 'us-east-1': { create: { ...VPC, ...change } } } });

describe('content-hub configuration checks', () => {
  test('GIVEN the shipped environments WHEN checked THEN nothing fails', () => {
    expect(failedMessages(CONTENT_HUB.validationRules())).toEqual([]);
  });

  test.each<[string, Partial<ContentHubEnvironment>, string]>([
    [
      'an interface endpoint service AWS does not have',
      network({ interfaceEndpoints: { services: [...CONTENT_HUB_INTERFACE_ENDPOINTS, 'secretmanager'], tier: 'data' } }),
      `${PATH}.network.us-east-1.create.interfaceEndpoints.services[9] must be one of "bedrock", "bedrock-agent-runtime", "bedrock-runtime", "cognito-idp", "ec2", "ec2messages", "ecr.api", "ecr.dkr", "elasticache", "email", "email-smtp", "events", "execute-api", "firehose", "kinesis-streams", "kms", "lambda", "logs", "monitoring", "rds", "rds-data", "secretsmanager", "sns", "sqs", "ssm", "ssmmessages", "states", "sts", "xray", got "secretmanager"`,
    ],
    ['a service listed twice', network({ interfaceEndpoints: { services: [...CONTENT_HUB_INTERFACE_ENDPOINTS, 'sqs'], tier: 'data' } }), `${PATH}.network.us-east-1.create.interfaceEndpoints.services must name each service once, got "sqs" twice`],
    ['more NAT gateways than zones', network({ natGateways: 3 }), `${PATH}.network.us-east-1.create.natGateways must be an integer 0-2 (at most one per public subnet, one per zone), got 3`],
    ['a maximum above 256 ACU', { aurora: { ...PROD.aurora, serverlessV2: { minCapacity: 1, maxCapacity: 300 } } }, `${PATH}.aurora.serverlessV2.maxCapacity must be 1-256 in steps of 0.5, got 300`],
    ['a minimum above the maximum', { aurora: { ...PROD.aurora, serverlessV2: { minCapacity: 4, maxCapacity: 2 } } }, `${PATH}.aurora.serverlessV2.minCapacity must not be above ${PATH}.aurora.serverlessV2.maxCapacity (2), got 4`],
    ['a capacity off the 0.5 ACU steps', { aurora: { ...PROD.aurora, serverlessV2: { minCapacity: 0.7, maxCapacity: 4 } } }, `${PATH}.aurora.serverlessV2.minCapacity must be 0-256 in steps of 0.5, got 0.7`],
    [
      'the Data API on an engine version without it',
      { aurora: { ...PROD.aurora, engineVersion: AuroraPostgresEngineVersion.of('15.2') } },
      `${PATH}.aurora.enableDataApi needs Aurora PostgreSQL 13.11+, 14.8+, 15.3+, 16.1+ or 17.4+ (the versions the RDS Data API supports), got engineVersion "15.2"`,
    ],
    [
      'the Data API on a burstable class',
      { aurora: { ...PROD.aurora, instanceClass: 'db.t4g.medium', serverlessV2: undefined } },
      `${PATH}.aurora.enableDataApi needs Serverless v2 or a provisioned class other than T (the RDS Data API does not run on burstable classes), got instanceClass "db.t4g.medium"`,
    ],
    ['backups kept beyond 35 days', { aurora: { ...PROD.aurora, backupRetentionDays: 40 } }, `${PATH}.aurora.backupRetentionDays must be an integer 1-35, got 40`],
    ['a storage alarm at 0 GiB', { aurora: { ...PROD.aurora, alarmThresholds: { volumeBytesUsedGib: 0 } } }, `${PATH}.aurora.alarmThresholds.volumeBytesUsedGib must be a number above 0, got 0`],
    ['an idle client timeout above 8 hours', { proxy: { ...PROD.proxy, idleClientTimeoutSeconds: 30000 } }, `${PATH}.proxy.idleClientTimeoutSeconds must be an integer 1-28800, got 30000`],
    ['a cache without storage', { cache: { ...PROD.cache, usageLimits: { maxDataStorageGb: 0, maxEcpuPerSecond: 50000 } } }, `${PATH}.cache.usageLimits.maxDataStorageGb must be an integer 1-5000, got 0`],
    ['a cache below 1000 ECPU/s', { cache: { ...PROD.cache, usageLimits: { maxDataStorageGb: 5, maxEcpuPerSecond: 500 } } }, `${PATH}.cache.usageLimits.maxEcpuPerSecond must be an integer 1000-15000000, got 500`],
    ['a cache usage alarm above 100 %', { cache: { ...PROD.cache, usageAlarmPercent: 150 } }, `${PATH}.cache.usageAlarmPercent must be an integer 1-100, got 150`],
    ['a migrations timeout above Lambda\'s 15 minutes', { migrations: { timeoutSeconds: 1000 } }, `${PATH}.migrations.timeoutSeconds must be an integer 30-900, got 1000`],
  ])('GIVEN %s WHEN checked THEN one message names the setting, the value and what is accepted', (_case, change, message) => {
    expect(problems(change)).toEqual([message]);
  });
});
