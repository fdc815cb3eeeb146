import { eachResource, PolicyRule } from '../rule';
import { blocksReferencing } from '../terraform/references';

export const rule: PolicyRule = {
  id: 'DS-SECRET-005',
  title: 'Secrets rotate automatically',
  severity: 'warning',
  resourceTypes: ['aws_secretsmanager_secret'],
  rationale: 'A credential that never changes stays valid for whoever copied it once; Secrets Manager rotation bounds that window.',
  controls: ['SecretsManager.1', 'AwsSolutions-SMG4', 'CKV2_AWS_57'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      blocksReferencing(stack, block, 'aws_secretsmanager_secret_rotation').length > 0 ? undefined : 'no aws_secretsmanager_secret_rotation rotates this secret',
    ),
};
