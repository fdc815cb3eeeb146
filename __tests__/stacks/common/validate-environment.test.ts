import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AlarmSeverity, AlarmSubscription, ExistingAlarmTopics } from '../../../modules/alarms';
import { DaxNodeType } from '../../../modules/dax';
import { ConfigurationError } from '../../../modules/validation';
import { EnvironmentName, StateBackendConfig } from '../../../stacks/common/environment';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { GamingPlatformEnvironment } from '../../../stacks/gaming-platform/gaming-platform-environment';
import { gamingPlatformSystem } from '../../../stacks/gaming-platform/gaming-platform-system';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';
import { directorySnapshot } from '../../fixtures/directory-snapshot';

const PREFIX = 'gaming-platform.environments.prod';
const network = BASE_ENVIRONMENT.network;

// Each bad configuration, and the message that must name its setting, the value and what is accepted.
// Overrides are typed: a value of a type the configuration refuses is cast on its own, so a misspelt
// setting name still fails to compile instead of silently testing the default.
const BAD_CONFIGURATIONS: [string, Partial<GamingPlatformEnvironment>, string][] = [
  ['an unknown environment name', { name: 'production' as EnvironmentName }, `${PREFIX}.name must be one of "dev", "staging", "prod", got "production"`],
  ['an unknown primary Region', { primaryRegion: 'eu-west-22' }, `${PREFIX}.primaryRegion must be an AWS Region (af-south-1,`],
  ['an unknown secondary Region', { secondaryRegion: 'mars-north-1' }, `${PREFIX}.secondaryRegion must be an AWS Region (af-south-1,`],
  ['a secondary Region equal to the primary', { secondaryRegion: 'eu-west-2', network: { 'eu-west-2': network['eu-west-2'] } }, `${PREFIX}.secondaryRegion must differ from primaryRegion (eu-west-2), got "eu-west-2"`],
  ['a malformed account ID', { allowedAccountIds: ['1234'] }, `${PREFIX}.allowedAccountIds[0] must be a 12-digit AWS account ID, got "1234"`],
  ['a malformed role ARN', { assumeRoleArn: 'deployer' }, `${PREFIX}.assumeRoleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got "deployer"`],
  ['a missing backend', { stateBackend: undefined }, `${PREFIX}.stateBackend must be set to an s3 or cloud backend, got nothing`],
  ['an unknown backend type', { stateBackend: { type: 'gcs' } as unknown as StateBackendConfig }, `${PREFIX}.stateBackend.type must be one of "s3", "cloud", got "gcs"`],
  ['an S3 backend without a bucket', { stateBackend: { type: 's3', region: 'eu-west-2' } as StateBackendConfig }, `${PREFIX}.stateBackend.bucket must be an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens), got nothing`],
  ['an S3 backend in an unknown Region', { stateBackend: { type: 's3', bucket: 'state', region: 'moon-1' } }, `${PREFIX}.stateBackend.region must be an AWS Region`],
  ['a cloud backend without organization', { stateBackend: { type: 'cloud', workspace: { name: 'w' } } as StateBackendConfig }, `${PREFIX}.stateBackend.organization must be set to a non-empty string, got nothing`],
  ['a cloud backend without workspace', { stateBackend: { type: 'cloud', organization: 'org' } as StateBackendConfig }, `${PREFIX}.stateBackend.workspace must name one existing workspace ({ name }) or select workspaces by non-empty tags ({ tags }), got nothing`],
  ['no network for the secondary Region', { network: { 'eu-west-2': network['eu-west-2'] } }, `${PREFIX}.network must have an entry for every Region the environment uses (eu-west-2, eu-west-1), missing "eu-west-1"`],
  ['a network for an unused Region', { network: { ...network, 'us-east-1': network['eu-west-2'] } }, `${PREFIX}.network has an entry for "us-east-1", which is neither primaryRegion nor secondaryRegion (accepted: eu-west-2, eu-west-1)`],
  ['a single private subnet', { network: { ...network, 'eu-west-1': { ...network['eu-west-1'], privateSubnets: { ids: ['subnet-1aaa'] } } } }, `${PREFIX}.network.eu-west-1.privateSubnets.ids must list at least 2 IDs starting with "subnet-", got ["subnet-1aaa"]`],
  ['a security group selector with no tags', { network: { ...network, 'eu-west-1': { ...network['eu-west-1'], applicationSecurityGroups: { tags: {} } } } }, `${PREFIX}.network.eu-west-1.applicationSecurityGroups must give { ids: [...] } or { tags: {...} } with at least one tag, got {"tags":{}}`],
  ['a malformed VPC ID', { network: { ...network, 'eu-west-2': { ...network['eu-west-2'], vpc: { id: 'main' } } } }, `${PREFIX}.network.eu-west-2.vpc must give { id: "vpc-..." } or { tags: {...} } with at least one tag, got {"id":"main"}`],
  ['a single data subnet', { network: { ...network, 'eu-west-2': { ...network['eu-west-2'], dataSubnets: { ids: ['subnet-0ddd'] } } } }, `${PREFIX}.network.eu-west-2.dataSubnets.ids must list at least 2 IDs starting with "subnet-", got ["subnet-0ddd"]`],
  ['an unknown policy setting', { policy: { keepForever: true } as unknown as GamingPlatformEnvironment['policy'] }, `${PREFIX}.policy key must be one of "deletionProtection", "preventDestroy", "finalSnapshot", "applyImmediately", "production", "logRetentionDays", got "keepForever"`],
  ['a policy flag that is not a boolean', { policy: { deletionProtection: 'yes' as unknown as boolean } }, `${PREFIX}.policy.deletionProtection must be true or false, got "yes"`],
  ['a policy log retention CloudWatch refuses', { policy: { logRetentionDays: 10 } }, `${PREFIX}.policy.logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,`],
  ['an existing topic in another Region', { alarms: { existingTopics: { 'eu-west-2': 'arn:aws:sns:us-east-1:111122223333:alerts' } } }, `${PREFIX}.alarms.existingTopics.eu-west-2 must be an SNS topic ARN in eu-west-2 (arn:aws:sns:eu-west-2:<account>:<name>; alarms notify topics in their own Region only), got "arn:aws:sns:us-east-1:111122223333:alerts"`],
  ['existing topics for an unused Region', { alarms: { existingTopics: { 'us-east-1': 'arn:aws:sns:us-east-1:111122223333:alerts' } } }, `${PREFIX}.alarms.existingTopics has an entry for "us-east-1", which is neither primaryRegion nor secondaryRegion (accepted: eu-west-2, eu-west-1)`],
  [
    'an existing topic per severity missing one',
    { alarms: { existingTopics: { 'eu-west-1': { critical: 'arn:aws:sns:eu-west-1:111122223333:c', warning: 'arn:aws:sns:eu-west-1:111122223333:w' } as unknown as ExistingAlarmTopics } } },
    `${PREFIX}.alarms.existingTopics.eu-west-1.info must be an SNS topic ARN in eu-west-1`,
  ],
  ['an email subscription to a URL', { alarms: { subscriptions: [{ protocol: 'email', endpoint: 'https://example.com' }] } }, `${PREFIX}.alarms.subscriptions[0].endpoint must be an email address for protocol email, got "https://example.com"`],
  ['an HTTP (not HTTPS) subscription', { alarms: { subscriptions: [{ protocol: 'https', endpoint: 'http://example.com/hook' }] } }, `${PREFIX}.alarms.subscriptions[0].endpoint must be an https:// URL for protocol https, got "http://example.com/hook"`],
  ['an unknown subscription protocol', { alarms: { subscriptions: [{ protocol: 'sms', endpoint: '+4470000000' } as unknown as AlarmSubscription] } }, `${PREFIX}.alarms.subscriptions[0].protocol must be one of "email", "https", "sqs", "lambda", got "sms"`],
  ['an unknown severity', { alarms: { subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com', severities: ['urgent' as AlarmSeverity] }] } }, `${PREFIX}.alarms.subscriptions[0].severities[0] must be one of "critical", "warning", "info", got "urgent"`],
  ['a subscription with no severity', { alarms: { subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com', severities: [] }] } }, `${PREFIX}.alarms.subscriptions[0].severities must name at least one severity (or be left out for all), got []`],
  [
    'subscriptions with existing topics in every Region',
    { alarms: { existingTopics: { 'eu-west-2': 'arn:aws:sns:eu-west-2:111122223333:a', 'eu-west-1': 'arn:aws:sns:eu-west-1:111122223333:a' }, subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com' }] } },
    `${PREFIX}.alarms.subscriptions must be left out when every Region uses existing topics (subscribe to those where they are made), got 1 subscription(s)`,
  ],
  ['a managed password rotation on the Global Database', { aurora: { ...BASE_ENVIRONMENT.aurora, managedPasswordRotationDays: 30 } }, `${PREFIX}.aurora.managedPasswordRotationDays must be left out for a Global Database (RDS-managed passwords are not supported there; bump masterPasswordVersion to rotate), got 30`],
  ['a migrations timeout above 15 minutes', { migrations: { timeoutSeconds: 901 } }, `${PREFIX}.migrations.timeoutSeconds must be an integer 30-900, got 901`],
  ['a DynamoDB latency threshold of 0', { dynamodb: { ...BASE_ENVIRONMENT.dynamodb, requestLatencyThresholdMs: 0 } }, `${PREFIX}.dynamodb.requestLatencyThresholdMs must be an integer 1-60000, got 0`],
  ['a Global Datastore on burstable nodes', { cache: { ...BASE_ENVIRONMENT.cache, nodeType: 'cache.t4g.medium', globalDatastore: {} } }, `${PREFIX}.cache.globalDatastore.nodeType must be an M5/R5 or newer node type (not burstable, not r6gd) for a Global Datastore, got "cache.t4g.medium"`],
  ['too many Aurora instances', { aurora: { ...BASE_ENVIRONMENT.aurora, primary: { instanceCount: 20, instanceClass: 'db.r6g.xlarge' } } }, `${PREFIX}.aurora.primary.instanceCount must be an integer 1-16, got 20`],
  ['a negative secondary instance count', { aurora: { ...BASE_ENVIRONMENT.aurora, secondary: { instanceCount: -1, instanceClass: 'db.r6g.xlarge' } } }, `${PREFIX}.aurora.secondary.instanceCount must be an integer 0-16, got -1`],
  ['a backup retention AWS rejects', { aurora: { ...BASE_ENVIRONMENT.aurora, backupRetentionDays: 40 } }, `${PREFIX}.aurora.backupRetentionDays must be an integer 1-35, got 40`],
  ['a Performance Insights retention AWS rejects', { aurora: { ...BASE_ENVIRONMENT.aurora, performanceInsights: { enabled: true, retentionDays: 30 } } }, `${PREFIX}.aurora.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 30`],
  ['an unknown Aurora instance class', { aurora: { ...BASE_ENVIRONMENT.aurora, primary: { instanceCount: 3, instanceClass: 'db.r6g.huge' } } }, `${PREFIX}.aurora.primary.instanceClass must be a known Aurora PostgreSQL instance class (db.serverless, db.t3.medium,`],
  ['a secondary Region without an Aurora secondary', { aurora: { ...BASE_ENVIRONMENT.aurora, secondary: undefined } }, `${PREFIX}.aurora.secondary must be set ({ instanceCount, instanceClass }) when secondaryRegion is set (eu-west-1), got nothing`],
  ['too many Redis nodes', { cache: { ...BASE_ENVIRONMENT.cache, nodeCount: 7 } }, `${PREFIX}.cache.nodeCount must be an integer 1-6, got 7`],
  ['a DAX replication factor above 10', { dax: { ...BASE_ENVIRONMENT.dax, replicationFactor: 11 } }, `${PREFIX}.dax.replicationFactor must be an integer 1-10, got 11`],
  ['an unknown DAX node type', { dax: { ...BASE_ENVIRONMENT.dax, nodeType: 'dax.r6g.large' as DaxNodeType } }, `${PREFIX}.dax.nodeType must be one of "dax.t2.small", "dax.t2.medium", "dax.t3.small",`],
  ['a negative DAX query cache TTL', { dax: { ...BASE_ENVIRONMENT.dax, queryTtlMillis: -5 } }, `${PREFIX}.dax.queryTtlMillis must be a whole number of milliseconds, 0 or more, got -5`],
  ['an unknown DynamoDB billing mode', { dynamodb: { billing: { mode: 'ON_DEMAND' as 'PAY_PER_REQUEST' } } }, `${PREFIX}.dynamodb.billing.mode must be one of "PAY_PER_REQUEST", "PROVISIONED", got "ON_DEMAND"`],
  [
    'an autoscaling target utilization above 90',
    { dynamodb: { billing: { mode: 'PROVISIONED', readCapacity: { min: 5, max: 10 }, writeCapacity: { min: 5, max: 10 }, targetUtilizationPercent: 95 } } },
    `${PREFIX}.dynamodb.billing.targetUtilizationPercent must be an integer 20-90, got 95`,
  ],
  [
    'a provisioned read capacity min above its max',
    { dynamodb: { billing: { mode: 'PROVISIONED', readCapacity: { min: 50, max: 10 }, writeCapacity: { min: 5, max: 10 } } } },
    `${PREFIX}.dynamodb.billing.readCapacity.min must not be above ${PREFIX}.dynamodb.billing.readCapacity.max (10), got 50`,
  ],
];

describe('configuration is validated before anything is synthesized', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-out-'));
    fs.mkdirSync(path.join(outdir, 'stacks', 'gaming-platform-prod'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', 'gaming-platform-prod', 'cdk.tf.json'), '{"previous":"output"}');
    fs.writeFileSync(path.join(outdir, 'manifest.json'), '{"previous":"manifest"}');
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN the shipped configuration WHEN validated THEN every rule passes', () => {
    expect(gamingPlatformSystem(GAMING_PLATFORM_ENVIRONMENTS).validationRules().filter((rule) => !rule.condition)).toEqual([]);
  });

  test.each(BAD_CONFIGURATIONS)('GIVEN %s WHEN synthesized THEN it fails with exactly one message naming the setting, and leaves the output as it was', (_case, overrides, message) => {
    const before = directorySnapshot(outdir);
    const system = gamingPlatformSystem({ prod: environmentWith(overrides) });
    let caught: unknown;
    try {
      synthesizeSystems([system], outdir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    // One setting broken, one message: every setting is checked in exactly one place.
    expect((caught as ConfigurationError).problems).toEqual([expect.stringContaining(message)]);
    expect(directorySnapshot(outdir)).toEqual(before);
  });

  test('GIVEN an environment filed under an unknown key WHEN validated THEN the key is named', () => {
    const rules = gamingPlatformSystem({ qa: { ...BASE_ENVIRONMENT } }).validationRules();
    const messages = rules.filter((rule) => !rule.condition).map((rule) => rule.message);
    expect(messages).toContain('gaming-platform.environments key must be one of "dev", "staging", "prod", got "qa"');
  });

  test('GIVEN a system with no environment WHEN validated THEN it says one is needed', () => {
    const messages = gamingPlatformSystem({}).validationRules().filter((rule) => !rule.condition).map((rule) => rule.message);
    expect(messages).toEqual(['gaming-platform.environments must define at least one of dev, staging, prod, got none']);
  });

  test('GIVEN several bad settings WHEN synthesized THEN every problem is reported at once', () => {
    const system = gamingPlatformSystem({ prod: environmentWith({ primaryRegion: 'nowhere', dax: { nodeType: 'dax.r4.large', replicationFactor: 0 } }) });
    expect(() => synthesizeSystems([system], outdir)).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.stringContaining(`${PREFIX}.primaryRegion must be an AWS Region`),
          `${PREFIX}.dax.replicationFactor must be an integer 1-10, got 0`,
        ]),
      }),
    );
  });
});
