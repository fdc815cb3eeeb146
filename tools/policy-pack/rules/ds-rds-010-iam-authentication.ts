import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-010',
  title: 'IAM database authentication available',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'IAM authentication lets people and services connect with short-lived tokens instead of long-lived passwords.',
  controls: ['RDS.10', 'RDS.12', 'AwsSolutions-RDS6', 'CKV_AWS_161', 'CKV_AWS_162'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      isTrue(block.body.iam_database_authentication_enabled) ? undefined : 'iam_database_authentication_enabled is not true',
    ),
};
