import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-CACHE-001',
  title: 'ElastiCache encrypted at rest with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_elasticache_replication_group', 'aws_elasticache_serverless_cache'],
  rationale: 'Cache nodes swap and snapshot to disk; encryption at rest cannot be turned on later, and a customer-managed key keeps the snapshots under your key policy.',
  controls: ['ElastiCache.4', 'AwsSolutions-AEC3', 'CKV_AWS_29', 'CKV_AWS_191'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (block.type === 'aws_elasticache_replication_group' && !isTrue(block.body.at_rest_encryption_enabled)) {
        return `at_rest_encryption_enabled must be true, got ${JSON.stringify(block.body.at_rest_encryption_enabled ?? null)}`;
      }
      return customerManagedKeyProblem(stack, 'kms_key_id', block.body.kms_key_id);
    }),
};
