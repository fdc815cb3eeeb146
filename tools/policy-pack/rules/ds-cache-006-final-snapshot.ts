import { eachResource, PolicyRule } from '../rule';
import { isUnset } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-CACHE-006',
  title: 'ElastiCache final snapshot on deletion',
  severity: 'warning',
  resourceTypes: ['aws_elasticache_replication_group'],
  rationale: 'Without final_snapshot_identifier, deleting the replication group deletes its data with it.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => (isUnset(block.body.final_snapshot_identifier) ? 'final_snapshot_identifier must be set' : undefined)),
};
