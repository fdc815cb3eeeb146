import { resourceAt, resourcesByPath } from '../../modules/postgres-instance/region-context-fixture';
import { configurationProblems, environmentWith, synthTestSystem } from './component-fixture';
import { TEST_ENVIRONMENT } from './data-tier-test-system';

describe('awsBackup component', () => {
  const { json } = synthTestSystem();

  test('GIVEN an environment with a secondaryRegion and no copyRegion WHEN built THEN backups are copied to the secondaryRegion', () => {
    expect(Object.keys(resourcesByPath(json, 'aws_backup_vault')).sort()).toEqual(['Backup/VaultUsEast1/Vault', 'Backup/VaultUsWest2/Vault']);
    const plan = resourceAt(json, 'aws_backup_plan', 'Backup/PlanUsEast1/Plan');
    expect(plan.provider).toBe('aws.us_east_1');
    expect(plan.rule.map((rule: any) => rule.copy_action[0].destination_vault_arn)).toEqual([
      expect.stringMatching(/^\$\{aws_backup_vault\.Backup_VaultUsWest2_Vault_[0-9A-F]{8}\.arn\}$/),
      expect.stringMatching(/^\$\{aws_backup_vault\.Backup_VaultUsWest2_Vault_[0-9A-F]{8}\.arn\}$/),
    ]);
  });

  test('GIVEN the PostgreSQL component before it WHEN built THEN the selection is the primary instance (its replica holds the same data)', () => {
    expect(resourceAt(json, 'aws_backup_selection', 'Backup/PlanUsEast1/Selection').resources).toEqual([
      expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}\.arn\}$/),
    ]);
  });

  test('GIVEN the PostgreSQL component before it WHEN built THEN the backup role may use the instance key', () => {
    const policy = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Backup/Role/KeyPolicy'];
    expect(policy.statement[0].resources).toContainEqual(expect.stringMatching(/^\$\{aws_kms_key\.Postgres_InstanceUsEast1_Key_[0-9A-F]{8}\.arn\}$/));
  });

  test('GIVEN the component WHEN built THEN it declares the plan, the vaults by Region and the role', () => {
    expect(json.output.backup_plan_id.value).toMatch(/^\$\{aws_backup_plan\.Backup_PlanUsEast1_Plan_[0-9A-F]{8}\.id\}$/);
    expect(Object.keys(json.output.backup_vault_arns.value)).toEqual(['us-east-1', 'us-west-2']);
    expect(json.output.backup_role_arn.value).toMatch(/aws_iam_role\.Backup_Role_/);
  });

  test('GIVEN a single-Region environment WHEN built THEN there is one vault and no copy', () => {
    const { json: single } = synthTestSystem(environmentWith({ secondaryRegion: undefined, network: { 'us-east-1': TEST_ENVIRONMENT.network['us-east-1'] }, cache: undefined }));
    expect(Object.keys(resourcesByPath(single, 'aws_backup_vault'))).toEqual(['Backup/VaultUsEast1/Vault']);
    expect(resourceAt(single, 'aws_backup_plan', 'Backup/PlanUsEast1/Plan').rule[0]).not.toHaveProperty('copy_action');
  });

  test('GIVEN a copy to the primary Region WHEN the app checks the environment THEN it is refused before any stack exists', () => {
    expect(configurationProblems(environmentWith({ backup: { copyRegion: 'us-east-1' } }))).toEqual([
      'pgtest.environments.prod.backup.copyRegion must be a Region other than the plan\'s own (us-east-1): a copy in the same Region does not survive a Regional outage, got "us-east-1"',
    ]);
  });

  test('GIVEN a copy to a Region the environment does not use WHEN the app checks it THEN it is refused', () => {
    expect(configurationProblems(environmentWith({ backup: { copyRegion: 'eu-west-1' } }))).toEqual([
      'pgtest.environments.prod.backup.copyRegion must be one of the environment\'s Regions other than us-east-1 (us-west-2), got "eu-west-1"',
    ]);
  });

  test('GIVEN a retention of 0 WHEN the app checks it THEN it is refused with the full path', () => {
    expect(configurationProblems(environmentWith({ backup: { dailyRetentionDays: 0 } }))).toEqual([
      'pgtest.environments.prod.backup.dailyRetentionDays must be an integer 1-36500, got 0',
    ]);
  });
});
