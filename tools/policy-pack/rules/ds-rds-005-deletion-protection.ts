import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-005',
  title: 'Deletion protection on clusters, instances and global clusters',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance', 'aws_rds_global_cluster'],
  rationale: 'Deletion protection makes the API refuse to delete the database, whoever asks, until it is turned off on purpose.',
  controls: ['RDS.7', 'RDS.8', 'AwsSolutions-RDS10', 'CKV_AWS_139', 'CKV_AWS_293'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      isTrue(block.body.deletion_protection) ? undefined : `deletion_protection must be true, got ${JSON.stringify(block.body.deletion_protection ?? null)}`,
    ),
};
