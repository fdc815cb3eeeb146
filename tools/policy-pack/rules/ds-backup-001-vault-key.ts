import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';

export const rule: PolicyRule = {
  id: 'DS-BACKUP-001',
  title: 'Backup vaults encrypted with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_backup_vault'],
  rationale: 'Recovery points of DynamoDB tables are encrypted with the vault key; without kms_key_arn that is the AWS managed aws/backup key.',
  controls: ['Backup.1', 'CKV_AWS_166'],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => customerManagedKeyProblem(stack, 'kms_key_arn', block.body.kms_key_arn)),
};
