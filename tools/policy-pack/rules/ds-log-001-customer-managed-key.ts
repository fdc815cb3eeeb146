import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';

export const rule: PolicyRule = {
  id: 'DS-LOG-001',
  title: 'Log groups encrypted with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_cloudwatch_log_group'],
  rationale: 'Database and function logs carry statements, hosts and user names; without kms_key_id CloudWatch Logs encrypts them with a key no policy of yours controls.',
  controls: ['CKV_AWS_158'],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => customerManagedKeyProblem(stack, 'kms_key_id', block.body.kms_key_id)),
};
