import { Testing } from 'cdktf';
import { AwsBackup, AwsBackupProps, BACKUP_DEFAULTS, BACKUP_SERVICE_POLICIES, backupSettingsRules } from '../../../modules/backup';
import { EnvironmentPolicy } from '../../../modules/context';
import { ConfigurationError, failedMessages } from '../../../modules/validation';
import { warningsOf } from '../../fixtures/annotations';
import { DEV_POLICY, referenceTo, regionContextStack, resourceAt, resourcesByPath } from '../postgres-instance/region-context-fixture';

const TABLE = { arn: 'arn:aws:dynamodb:eu-west-2:123456789012:table/games', kmsKeyArns: ['arn:aws:kms:eu-west-2:123456789012:key/table', 'arn:aws:kms:eu-west-1:123456789012:key/table'] };
const CLUSTER = { arn: 'arn:aws:rds:eu-west-2:123456789012:cluster:gaming-platform-prod-aurora-eu-west-2', kmsKeyArns: ['arn:aws:kms:eu-west-2:123456789012:key/aurora'] };

type Overrides = Partial<Omit<AwsBackupProps, 'context' | 'copyTo'>> & { readonly copy?: boolean };

function synthBackup(overrides: Overrides = {}, policy?: EnvironmentPolicy) {
  const { stack, context } = regionContextStack({ regions: ['eu-west-2', 'eu-west-1'], system: 'gaming-platform', environment: 'prod', policy });
  const { copy = true, ...props } = overrides;
  const backup = new AwsBackup(stack, 'Backup', {
    resources: [TABLE, CLUSTER],
    ...props,
    context: context('eu-west-2'),
    copyTo: copy ? context('eu-west-1') : undefined,
  });
  const json = JSON.parse(Testing.synth(stack));
  return { json, backup };
}

const plan = (json: any) => resourceAt(json, 'aws_backup_plan', 'Backup/PlanEuWest2/Plan');
const vault = (json: any, region: 'EuWest2' | 'EuWest1') => resourceAt(json, 'aws_backup_vault', `Backup/Vault${region}/Vault`);

describe('AwsBackup defaults (gaming-platform prod, eu-west-2 copied to eu-west-1)', () => {
  const { json, backup } = synthBackup();

  test('GIVEN a copy Region WHEN synthesized THEN there is a vault in each Region, named <system>-<env>-backup-<region>', () => {
    expect([vault(json, 'EuWest2'), vault(json, 'EuWest1')].map((each) => [each.name, each.provider])).toEqual([
      ['gaming-platform-prod-backup-eu-west-2', 'aws.eu_west_2'],
      ['gaming-platform-prod-backup-eu-west-1', 'aws.eu_west_1'],
    ]);
  });

  test('GIVEN defaults WHEN synthesized THEN each vault is encrypted with a customer-managed key of its own Region', () => {
    expect(vault(json, 'EuWest1').kms_key_arn).toBe(referenceTo(json, 'aws_kms_key', 'Backup/VaultEuWest1/Key', 'arn'));
    expect(resourceAt(json, 'aws_kms_key', 'Backup/VaultEuWest1/Key')).toMatchObject({ provider: 'aws.eu_west_1', enable_key_rotation: true });
  });

  test('GIVEN a production policy WHEN synthesized THEN vaults are never force-destroyed and Terraform refuses to destroy them and their keys', () => {
    expect(vault(json, 'EuWest2')).toMatchObject({ force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(resourceAt(json, 'aws_kms_key', 'Backup/VaultEuWest2/Key').lifecycle).toEqual({ prevent_destroy: true });
  });

  test('GIVEN defaults WHEN synthesized THEN the plan has one daily rule at 05:00 UTC kept 35 days into the eu-west-2 vault', () => {
    expect(plan(json)).toMatchObject({ name: 'gaming-platform-prod-backup', provider: 'aws.eu_west_2' });
    expect(plan(json).rule).toEqual([
      expect.objectContaining({
        rule_name: 'daily',
        schedule: 'cron(0 5 * * ? *)',
        lifecycle: { delete_after: 35 },
        target_vault_name: referenceTo(json, 'aws_backup_vault', 'Backup/VaultEuWest2/Vault', 'name'),
        recovery_point_tags: { Rule: 'daily' },
      }),
    ]);
  });

  test('GIVEN a copy Region WHEN synthesized THEN every daily backup is copied to the eu-west-1 vault and kept as long', () => {
    expect(plan(json).rule[0].copy_action).toEqual([
      { destination_vault_arn: referenceTo(json, 'aws_backup_vault', 'Backup/VaultEuWest1/Vault', 'arn'), lifecycle: { delete_after: 35 } },
    ]);
  });

  test('GIVEN two resources WHEN synthesized THEN the selection lists their ARNs under the backup role', () => {
    expect(resourceAt(json, 'aws_backup_selection', 'Backup/PlanEuWest2/Selection')).toMatchObject({
      name: 'gaming-platform-prod-backup',
      plan_id: referenceTo(json, 'aws_backup_plan', 'Backup/PlanEuWest2/Plan', 'id'),
      iam_role_arn: referenceTo(json, 'aws_iam_role', 'Backup/Role', 'arn'),
      resources: [TABLE.arn, CLUSTER.arn],
    });
  });

  test('GIVEN defaults WHEN synthesized THEN the role is trusted by backup.amazonaws.com alone', () => {
    const trust = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Backup/Role/Trust'];
    expect(trust.statement).toEqual([{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['backup.amazonaws.com'] }] }]);
    expect(resourceAt(json, 'aws_iam_role', 'Backup/Role').name).toBe('gaming-platform-prod-backup');
  });

  test('GIVEN defaults WHEN synthesized THEN the role carries AWS Backup\'s backup and restore service policies', () => {
    const attachments = Object.values(resourcesByPath(json, 'aws_iam_role_policy_attachment')).map((each: any) => each.policy_arn);
    expect(attachments).toEqual(BACKUP_SERVICE_POLICIES.map((policy) => expect.stringMatching(new RegExp(`:iam::aws:policy/service-role/${policy}$`))));
    expect(BACKUP_SERVICE_POLICIES).toEqual(['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores']);
  });

  test('GIVEN resources with keys WHEN synthesized THEN the role may use exactly the vaults\' and the resources\' keys, grants only for AWS resources', () => {
    const policy = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Backup/Role/KeyPolicy'];
    const keys = [
      referenceTo(json, 'aws_kms_key', 'Backup/VaultEuWest2/Key', 'arn'),
      referenceTo(json, 'aws_kms_key', 'Backup/VaultEuWest1/Key', 'arn'),
      ...TABLE.kmsKeyArns,
      ...CLUSTER.kmsKeyArns,
    ];
    expect(policy.statement[0]).toEqual({
      sid: 'UseBackupKeys',
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      resources: keys,
    });
    expect(policy.statement[1]).toEqual({
      sid: 'GrantBackupKeysToAwsResources',
      actions: ['kms:CreateGrant'],
      resources: keys,
      condition: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
    });
  });

  test('GIVEN no vault lock WHEN synthesized THEN no lock configuration and no warning', () => {
    expect(json.resource.aws_backup_vault_lock_configuration).toBeUndefined();
    expect(warningsOf(backup)).toEqual([]);
  });

  test('GIVEN the defaults table WHEN read THEN it is what the plan got', () => {
    expect(BACKUP_DEFAULTS).toMatchObject({ dailyRetentionDays: 35, dailySchedule: 'cron(0 5 * * ? *)', monthlySchedule: 'cron(0 7 1 * ? *)' });
    expect(backup.planRegion).toBe('eu-west-2');
    expect([...backup.vaults.keys()]).toEqual(['eu-west-2', 'eu-west-1']);
  });
});

describe('AwsBackup overrides', () => {
  test('GIVEN a monthly backup kept a year WHEN synthesized THEN a second rule on the 1st at 07:00 is kept and copied 365 days', () => {
    const { json } = synthBackup({ monthly: { retentionDays: 365 } });
    expect(plan(json).rule[1]).toMatchObject({
      rule_name: 'monthly',
      schedule: 'cron(0 7 1 * ? *)',
      lifecycle: { delete_after: 365 },
      copy_action: [{ lifecycle: { delete_after: 365 } }],
      recovery_point_tags: { Rule: 'monthly' },
    });
  });

  test('GIVEN a retention of 14 days and schedules WHEN synthesized THEN the rules use them', () => {
    const { json } = synthBackup({ dailyRetentionDays: 14, dailySchedule: 'cron(30 1 * * ? *)', monthly: { retentionDays: 400, schedule: 'cron(0 2 15 * ? *)' } });
    expect(plan(json).rule.map((rule: any) => [rule.rule_name, rule.schedule, rule.lifecycle.delete_after])).toEqual([
      ['daily', 'cron(30 1 * * ? *)', 14],
      ['monthly', 'cron(0 2 15 * ? *)', 400],
    ]);
  });

  test('GIVEN no copy Region WHEN synthesized THEN one vault and rules without copy actions', () => {
    const { json } = synthBackup({ copy: false });
    expect(Object.keys(resourcesByPath(json, 'aws_backup_vault'))).toEqual(['Backup/VaultEuWest2/Vault']);
    expect(plan(json).rule[0]).not.toHaveProperty('copy_action');
  });

  test('GIVEN a dev policy WHEN synthesized THEN nothing prevents destroying the vaults', () => {
    const { json } = synthBackup({}, DEV_POLICY);
    expect(vault(json, 'EuWest2')).not.toHaveProperty('lifecycle');
  });

  test('GIVEN a governance lock WHEN synthesized THEN every vault gets min and max retention and no grace period', () => {
    const { json, backup } = synthBackup({ vaultLock: { mode: 'governance', minRetentionDays: 7, maxRetentionDays: 400 } });
    const locks = resourcesByPath(json, 'aws_backup_vault_lock_configuration');
    expect(locks).toEqual({
      'Backup/VaultEuWest2/Lock': {
        provider: 'aws.eu_west_2',
        min_retention_days: 7,
        max_retention_days: 400,
        backup_vault_name: referenceTo(json, 'aws_backup_vault', 'Backup/VaultEuWest2/Vault', 'name'),
      },
      'Backup/VaultEuWest1/Lock': {
        provider: 'aws.eu_west_1',
        min_retention_days: 7,
        max_retention_days: 400,
        backup_vault_name: referenceTo(json, 'aws_backup_vault', 'Backup/VaultEuWest1/Vault', 'name'),
      },
    });
    expect(warningsOf(backup)).toEqual([]);
  });

  test('GIVEN a compliance lock WHEN synthesized THEN it has the 3-day grace period and synthesis warns it becomes irreversible', () => {
    const { json, backup } = synthBackup({ vaultLock: { mode: 'compliance', minRetentionDays: 7 } });
    const locks = resourcesByPath(json, 'aws_backup_vault_lock_configuration');
    expect([locks['Backup/VaultEuWest2/Lock'].changeable_for_days, locks['Backup/VaultEuWest1/Lock'].changeable_for_days]).toEqual([3, 3]);
    expect(warningsOf(backup)).toEqual([
      expect.stringContaining('backup.vaultLock is in compliance mode on gaming-platform-prod-backup-eu-west-2: 3 days after it is applied it can never be removed'),
      expect.stringContaining('backup.vaultLock is in compliance mode on gaming-platform-prod-backup-eu-west-1'),
    ]);
  });
});

describe('AwsBackup validation', () => {
  const problems = (overrides: Overrides, sameRegion = false): readonly string[] => {
    const { stack, context } = regionContextStack({ regions: ['eu-west-2', 'eu-west-1'], system: 'gaming-platform' });
    const { copy = true, ...props } = overrides;
    try {
      new AwsBackup(stack, 'Backup', {
        resources: [TABLE],
        ...props,
        context: context('eu-west-2'),
        copyTo: sameRegion ? context('eu-west-2') : copy ? context('eu-west-1') : undefined,
      });
    } catch (error) {
      if (error instanceof ConfigurationError) return error.problems;
      throw error;
    }
    return [];
  };

  test('GIVEN a copy to the plan\'s own Region WHEN constructed THEN it is refused', () => {
    expect(problems({}, true)).toEqual([
      'backup.copyRegion must be a Region other than the plan\'s own (eu-west-2): a copy in the same Region does not survive a Regional outage, got "eu-west-2"',
    ]);
  });

  test.each<[string, Overrides, string]>([
    ['a daily retention of 0', { dailyRetentionDays: 0 }, 'backup.dailyRetentionDays must be an integer 1-36500, got 0'],
    ['a monthly retention above 100 years', { monthly: { retentionDays: 40000 } }, 'backup.monthly.retentionDays must be an integer 1-36500, got 40000'],
    ['a rate expression', { dailySchedule: 'rate(1 day)' }, 'backup.dailySchedule must be an AWS Backup cron expression with six fields, such as "cron(0 5 * * ? *)", got "rate(1 day)"'],
    ['a five-field cron', { monthly: { retentionDays: 365, schedule: 'cron(0 7 1 * *)' } }, 'backup.monthly.schedule must be an AWS Backup cron expression with six fields, such as "cron(0 5 * * ? *)", got "cron(0 7 1 * *)"'],
    ['no resource', { resources: [] }, 'backup.resources must list at least one resource ARN to back up, got 0 resources'],
    ['an unknown lock mode', { vaultLock: { mode: 'strict' as never, minRetentionDays: 7 } }, 'backup.vaultLock.mode must be one of "governance", "compliance", got "strict"'],
    ['a lock maximum below its minimum', { vaultLock: { mode: 'governance', minRetentionDays: 30, maxRetentionDays: 7 } }, 'backup.vaultLock.maxRetentionDays must be at least minRetentionDays (30), got 7'],
    ['a compliance grace period of 1 day', { vaultLock: { mode: 'compliance', minRetentionDays: 7, changeableForDays: 1 } }, 'backup.vaultLock.changeableForDays must be an integer 3-36500, got 1'],
    [
      'a grace period in governance mode',
      { vaultLock: { mode: 'governance', minRetentionDays: 7, changeableForDays: 3 } },
      'backup.vaultLock.changeableForDays must be left out in governance mode (it sets compliance mode\'s grace period), got 3',
    ],
    [
      'daily backups shorter than the lock allows',
      { dailyRetentionDays: 7, vaultLock: { mode: 'governance', minRetentionDays: 30 } },
      'backup.dailyRetentionDays must be within backup.vaultLock\'s 30-36500 days (a locked vault refuses recovery points kept shorter or longer), got 7',
    ],
    [
      'monthly backups longer than the lock allows',
      { monthly: { retentionDays: 365 }, vaultLock: { mode: 'governance', minRetentionDays: 7, maxRetentionDays: 100 } },
      'backup.monthly.retentionDays must be within backup.vaultLock\'s 7-100 days (a locked vault refuses recovery points kept shorter or longer), got 365',
    ],
  ])('GIVEN %s WHEN constructed THEN it fails: %s', (_case, overrides, message) => {
    expect(problems(overrides)).toEqual([message]);
  });

  test('GIVEN a system name that makes the vault name longer than 50 WHEN constructed THEN it is refused', () => {
    const { stack, context } = regionContextStack({ regions: ['eu-west-2'], system: 'a-system-whose-name-is-far-too-long-for-a-vault' });
    expect(() => new AwsBackup(stack, 'Backup', { resources: [TABLE], context: context('eu-west-2') })).toThrow(
      'backup.name must be 2-50 letters, digits, hyphens or underscores (shorten the system name), got "a-system-whose-name-is-far-too-long-for-a-vault-prod-backup-eu-west-2"',
    );
  });

  test('GIVEN only defaults WHEN checked THEN they are valid', () => {
    expect(failedMessages(backupSettingsRules('backup', {}))).toEqual([]);
  });
});
