// Terraform itself on the test system's synthesized stack, offline through the stand-in providers: every
// resource kind this system adds (an RDS instance and its replica, their parameter group, AWS Backup vaults,
// vault lock, plan and selection, RDS event subscriptions, the ElastiCache notification topic and its policy)
// passes `terraform validate` against the real provider schema and plans.
import { testSystem } from './data-tier-test-system';
import { validateAndPlanOffline } from '../../support/offline-validate-and-plan';

jest.setTimeout(600_000);

const NEW_RESOURCE_KINDS = [
  'aws_db_instance', 'aws_db_parameter_group', 'aws_backup_vault', 'aws_backup_vault_lock_configuration', 'aws_backup_plan',
  'aws_backup_selection', 'aws_iam_role_policy', 'aws_db_event_subscription', 'aws_sns_topic_policy', 'aws_secretsmanager_secret_version',
];

describe('the test system (RDS instance + replica, AWS Backup, RDS and ElastiCache events) through offline Terraform', () => {
  const offline = validateAndPlanOffline('datastack-data-tier-', () => testSystem());

  test('GIVEN the synthesized stack WHEN terraform validate runs THEN it is valid', () => {
    expect(offline.validation().output).not.toMatch(/Error/);
    expect(offline.validation().valid).toBe(true);
  });

  test('GIVEN the synthesized stack WHEN terraform plan runs on empty state THEN it plans', () => {
    expect(offline.plan().output).not.toMatch(/Error/);
    expect(offline.plan().succeeded).toBe(true);
    expect(offline.plan().summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
  });

  test.each(NEW_RESOURCE_KINDS)('GIVEN the plan WHEN read THEN it creates %s', (kind) => {
    expect(offline.plan().changes.some((change) => change.startsWith(`create ${kind}.`))).toBe(true);
  });

  test('GIVEN the plan WHEN read THEN it creates the primary and the replica, two vaults and two event subscriptions', () => {
    const count = (kind: string) => offline.plan().changes.filter((change) => change.startsWith(`create ${kind}.`)).length;
    expect([count('aws_db_instance'), count('aws_backup_vault'), count('aws_db_event_subscription')]).toEqual([2, 2, 2]);
  });
});
