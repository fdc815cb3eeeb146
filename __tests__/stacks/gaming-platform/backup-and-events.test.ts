import { Testing } from 'cdktf';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { GamingPlatformEnvironment } from '../../../stacks/gaming-platform/gaming-platform-environment';
import { GAMING_PLATFORM } from '../../../stacks/gaming-platform/gaming-platform-system';
import { failedMessages } from '../../../modules/validation';
import { resourceAt, resourcesByPath } from '../../modules/postgres-instance/region-context-fixture';

function synth(environment: GamingPlatformEnvironment): any {
  return JSON.parse(Testing.synth(GAMING_PLATFORM.addStack(Testing.app(), environment)));
}

/** Every Terraform address of a synthesized stack (resources, data sources, outputs). */
function addresses(json: any): string[] {
  const blocks = (kind: string) => Object.entries(json[kind] ?? {}).flatMap(([type, named]) => Object.keys(named as object).map((name) => `${kind}.${type}.${name}`));
  return [...blocks('resource'), ...blocks('data'), ...Object.keys(json.output ?? {}).map((name) => `output.${name}`)].sort();
}

const TABLES = ['Games', 'GameMoves', 'Leaderboard', 'UserSessions'];

describe('gaming platform: AWS Backup with a cross-Region copy and RDS event subscriptions', () => {
  const prod = synth(GAMING_PLATFORM_ENVIRONMENTS.prod);
  const staging = synth(GAMING_PLATFORM_ENVIRONMENTS.staging);
  const dev = synth(GAMING_PLATFORM_ENVIRONMENTS.dev);

  test('GIVEN the shipped environments WHEN checked THEN they are valid', () => {
    expect(failedMessages(GAMING_PLATFORM.validationRules())).toEqual([]);
  });

  test('GIVEN prod WHEN synthesized THEN a daily rule kept 35 days and a monthly rule kept 365 days are both copied to the eu-west-1 vault', () => {
    const plan = resourceAt(prod, 'aws_backup_plan', 'Backup/PlanEuWest2/Plan');
    expect(plan.rule.map((rule: any) => [rule.rule_name, rule.schedule, rule.lifecycle.delete_after, rule.copy_action[0].lifecycle.delete_after])).toEqual([
      ['daily', 'cron(0 5 * * ? *)', 35, 35],
      ['monthly', 'cron(0 7 1 * ? *)', 365, 365],
    ]);
    expect(plan.rule[0].copy_action[0].destination_vault_arn).toMatch(/^\$\{aws_backup_vault\.Backup_VaultEuWest1_Vault_[0-9A-F]{8}\.arn\}$/);
    expect(resourceAt(prod, 'aws_backup_vault', 'Backup/VaultEuWest1/Vault')).toMatchObject({ name: 'gaming-platform-prod-backup-eu-west-1', provider: 'aws.eu_west_1' });
  });

  test('GIVEN prod WHEN synthesized THEN the selection is the four DynamoDB tables and the Aurora primary cluster', () => {
    expect(resourceAt(prod, 'aws_backup_selection', 'Backup/PlanEuWest2/Selection').resources).toEqual([
      ...TABLES.map((table) => expect.stringMatching(new RegExp(`^\\$\\{aws_dynamodb_table\\.DynamoDbTable${table}_Table_[0-9A-F]{8}\\.arn\\}$`))),
      expect.stringMatching(/^\$\{aws_rds_cluster\.Aurora_ClusterEuWest2_Cluster_[0-9A-F]{8}\.arn\}$/),
    ]);
  });

  test('GIVEN prod WHEN synthesized THEN the backup role may use the vault keys, both Regions\' DynamoDB keys and both Aurora keys', () => {
    const keys: string[] = resourcesByPath(prod, 'aws_iam_policy_document', 'data')['Backup/Role/KeyPolicy'].statement[0].resources;
    const named = (pattern: RegExp) => keys.filter((key) => pattern.test(key)).length;
    expect([
      named(/aws_kms_key\.Backup_Vault(EuWest2|EuWest1)_Key_/),
      named(/aws_kms_key\.DynamoDbKey(EuWest2|EuWest1)_/),
      named(/aws_kms_key\.Aurora_Cluster(EuWest2|EuWest1)_Key_/),
      keys.length,
    ]).toEqual([2, 2, 2, 6]);
  });

  test('GIVEN staging WHEN synthesized THEN daily backups are kept 35 days and copied to eu-west-1, with no monthly rule', () => {
    const plan = resourceAt(staging, 'aws_backup_plan', 'Backup/PlanEuWest2/Plan');
    expect(plan.rule.map((rule: any) => [rule.rule_name, rule.lifecycle.delete_after, rule.copy_action.length])).toEqual([['daily', 35, 1]]);
  });

  test('GIVEN staging WHEN synthesized THEN nothing prevents destroying the vaults (staging\'s policy), prod\'s are protected', () => {
    expect(resourceAt(staging, 'aws_backup_vault', 'Backup/VaultEuWest2/Vault')).not.toHaveProperty('lifecycle');
    expect(resourceAt(prod, 'aws_backup_vault', 'Backup/VaultEuWest2/Vault').lifecycle).toEqual({ prevent_destroy: true });
  });

  test('GIVEN prod WHEN synthesized THEN each member cluster has a critical and a warning subscription in its own Region, to that Region\'s topics', () => {
    const subscriptions = resourcesByPath(prod, 'aws_db_event_subscription');
    expect(Object.keys(subscriptions).sort()).toEqual([
      'RdsEvents/ClustersEuWest1/Critical',
      'RdsEvents/ClustersEuWest1/Warning',
      'RdsEvents/ClustersEuWest2/Critical',
      'RdsEvents/ClustersEuWest2/Warning',
    ]);
    expect(subscriptions['RdsEvents/ClustersEuWest1/Critical']).toMatchObject({
      provider: 'aws.eu_west_1',
      source_type: 'db-cluster',
      event_categories: ['deletion', 'failover', 'failure', 'global-failover'],
    });
    expect(subscriptions['RdsEvents/ClustersEuWest1/Critical'].source_ids).toEqual([expect.stringMatching(/^\$\{aws_rds_cluster\.Aurora_ClusterEuWest1_Cluster_[0-9A-F]{8}\.cluster_identifier\}$/)]);
    expect(subscriptions['RdsEvents/ClustersEuWest1/Critical'].sns_topic).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsEuWest1_Critical_[0-9A-F]{8}\.arn\}$/);
    expect(subscriptions['RdsEvents/ClustersEuWest2/Warning'].sns_topic).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsEuWest2_Warning_[0-9A-F]{8}\.arn\}$/);
  });

  test('GIVEN staging WHEN synthesized THEN it has the same four cluster subscriptions', () => {
    expect(Object.keys(resourcesByPath(staging, 'aws_db_event_subscription'))).toHaveLength(4);
  });

  test('GIVEN dev (one Region, disposable data) WHEN synthesized THEN it has no backup plan, vault or event subscription', () => {
    expect([dev.resource.aws_backup_plan, dev.resource.aws_backup_vault, dev.resource.aws_backup_selection, dev.resource.aws_db_event_subscription]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test.each(['staging', 'prod'] as const)('GIVEN %s WHEN synthesized with and without backup and events THEN every earlier address is unchanged and only Backup, RdsEvents and backup outputs are new', (name) => {
    const { backup: _backup, rdsEvents: _rdsEvents, ...without } = GAMING_PLATFORM_ENVIRONMENTS[name];
    const before = addresses(synth(without as GamingPlatformEnvironment));
    const after = addresses(name === 'prod' ? prod : staging);
    expect(after).toEqual(expect.arrayContaining(before));
    const added = after.filter((address) => !before.includes(address));
    expect(added.filter((address) => !/\.(Backup|RdsEvents)_|^output\.backup_/.test(address))).toEqual([]);
    expect(added.length).toBeGreaterThan(0);
  });
});
