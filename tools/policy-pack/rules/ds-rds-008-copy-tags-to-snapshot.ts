import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-008',
  title: 'Tags copied to snapshots',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'Snapshots without the database tags escape tag-based access control, cost reports and retention tooling.',
  controls: ['RDS.16', 'RDS.17', 'RDS.47', 'CKV_AWS_313', 'CKV2_AWS_60'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => (isTrue(block.body.copy_tags_to_snapshot) ? undefined : 'copy_tags_to_snapshot must be true')),
};
