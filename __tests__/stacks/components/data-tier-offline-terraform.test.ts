// Terraform itself on the test system's synthesized stack, offline through the stand-in providers: every
// resource kind this system adds (an RDS instance and its replica, their parameter group, AWS Backup vaults,
// vault lock, plan and selection, RDS event subscriptions, the ElastiCache notification topic and its policy)
// passes `terraform validate` against the real provider schema and plans.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { OfflineTerraform } from '../../../tools/offline-provider/terraform/offline-terraform';
import { planStack, StackPlan } from '../../../tools/offline-provider/terraform/plan-stack';
import { synthesizedStacks } from '../../../tools/offline-provider/terraform/stack-selection';
import { StackValidation, validateStack } from '../../../tools/offline-provider/terraform/validate-stacks';
import { testSystem } from './data-tier-test-system';

jest.setTimeout(600_000);

const NEW_RESOURCE_KINDS = [
  'aws_db_instance', 'aws_db_parameter_group', 'aws_backup_vault', 'aws_backup_vault_lock_configuration', 'aws_backup_plan',
  'aws_backup_selection', 'aws_iam_role_policy', 'aws_db_event_subscription', 'aws_sns_topic_policy', 'aws_secretsmanager_secret_version',
];

describe('the test system (RDS instance + replica, AWS Backup, RDS and ElastiCache events) through offline Terraform', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-data-tier-'));
  const terraform = new OfflineTerraform();
  let validation: StackValidation;
  let plan: StackPlan;

  beforeAll(async () => {
    synthesizeSystems([testSystem()], outdir);
    const [stack] = synthesizedStacks(outdir);
    validation = await validateStack(terraform, stack);
    plan = await planStack(terraform, stack);
  });
  afterAll(() => {
    terraform.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('GIVEN the synthesized stack WHEN terraform validate runs THEN it is valid', () => {
    expect(validation.output).not.toMatch(/Error/);
    expect(validation.valid).toBe(true);
  });

  test('GIVEN the synthesized stack WHEN terraform plan runs on empty state THEN it plans', () => {
    expect(plan.output).not.toMatch(/Error/);
    expect(plan.succeeded).toBe(true);
    expect(plan.summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
  });

  test.each(NEW_RESOURCE_KINDS)('GIVEN the plan WHEN read THEN it creates %s', (kind) => {
    expect(plan.changes.some((change) => change.startsWith(`create ${kind}.`))).toBe(true);
  });

  test('GIVEN the plan WHEN read THEN it creates the primary and the replica, two vaults and two event subscriptions', () => {
    const count = (kind: string) => plan.changes.filter((change) => change.startsWith(`create ${kind}.`)).length;
    expect([count('aws_db_instance'), count('aws_backup_vault'), count('aws_db_event_subscription')]).toEqual([2, 2, 2]);
  });
});
