import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-CACHE-002',
  title: 'ElastiCache requires TLS',
  severity: 'error',
  resourceTypes: ['aws_elasticache_replication_group'],
  rationale: 'Without in-transit encryption the AUTH token and every key travel in clear; mode "preferred" still admits plaintext clients (serverless caches are TLS-only).',
  controls: ['ElastiCache.5', 'AwsSolutions-AEC3', 'CKV_AWS_30'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (!isTrue(block.body.transit_encryption_enabled)) return 'transit_encryption_enabled must be true';
      return block.body.transit_encryption_mode === 'preferred' ? 'transit_encryption_mode must be "required" (or unset), got "preferred"' : undefined;
    }),
};
