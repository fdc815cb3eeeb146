import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-003',
  title: 'Performance Insights encrypted with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster_instance', 'aws_db_instance', 'aws_rds_cluster'],
  rationale: 'Performance Insights keeps SQL text and wait data; without a customer-managed key it falls back to the AWS managed aws/rds key.',
  controls: ['CKV_AWS_354'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      isTrue(block.body.performance_insights_enabled)
        ? customerManagedKeyProblem(stack, 'performance_insights_kms_key_id', block.body.performance_insights_kms_key_id)
        : undefined,
    ),
};
