import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-SECRET-001',
  title: 'Secrets encrypted with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_secretsmanager_secret', 'aws_rds_cluster', 'aws_db_instance'],
  rationale: 'A secret under the AWS managed aws/secretsmanager key is readable by anyone allowed GetSecretValue; a customer-managed key adds a key policy and cross-account control.',
  controls: ['CKV_AWS_149'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (block.type === 'aws_secretsmanager_secret') return customerManagedKeyProblem(stack, 'kms_key_id', block.body.kms_key_id);
      // RDS-managed master secrets: the key is named on the database.
      return isTrue(block.body.manage_master_user_password)
        ? customerManagedKeyProblem(stack, 'master_user_secret_kms_key_id', block.body.master_user_secret_kms_key_id)
        : undefined;
    }),
};
