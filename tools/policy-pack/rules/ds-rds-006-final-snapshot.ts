import { eachResource, PolicyRule } from '../rule';
import { isTrue, isUnset } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-006',
  title: 'Final snapshot taken on deletion',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'With skip_final_snapshot the last copy of the data goes with the database; without a final_snapshot_identifier the delete fails half-way.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (!isUnset(block.body.replicate_source_db)) return undefined; // a read replica has no snapshot of its own to keep
      if (isTrue(block.body.skip_final_snapshot)) return 'skip_final_snapshot must be false: the database would be deleted without a final snapshot';
      if (isUnset(block.body.final_snapshot_identifier)) return 'final_snapshot_identifier must be set, or deleting the database fails';
      return undefined;
    }),
};
