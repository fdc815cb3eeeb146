import { eachResource, PolicyRule } from '../rule';
import { isUnset } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-CACHE-003',
  title: 'ElastiCache clients authenticate',
  severity: 'error',
  resourceTypes: ['aws_elasticache_replication_group', 'aws_elasticache_serverless_cache'],
  rationale: 'Without an AUTH token or RBAC user group, any client the security group admits can read, write and FLUSHALL.',
  controls: ['ElastiCache.6', 'AwsSolutions-AEC6', 'CKV_AWS_31'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (block.type === 'aws_elasticache_serverless_cache') {
        return isUnset(block.body.user_group_id) ? 'user_group_id must name an RBAC user group; without one the default user needs no password' : undefined;
      }
      return isUnset(block.body.auth_token) && isUnset(block.body.user_group_ids) ? 'auth_token or user_group_ids must be set so clients authenticate' : undefined;
    }),
};
