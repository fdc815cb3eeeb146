import { eachResource, PolicyRule } from '../rule';
import { asBlocks } from '../terraform/stack-document';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-DAX-001',
  title: 'DAX encrypted at rest',
  severity: 'error',
  resourceTypes: ['aws_dax_cluster'],
  rationale: 'DAX caches table items on its nodes; server-side encryption is off by default and cannot be turned on later (DAX offers no customer-managed key).',
  controls: ['DynamoDB.3', 'AwsSolutions-DDB4', 'CKV_AWS_47'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      isTrue(asBlocks(block.body.server_side_encryption)[0]?.enabled) ? undefined : 'server_side_encryption.enabled must be true',
    ),
};
