import { eachResource, PolicyRule } from '../rule';
import { asBlocks } from '../terraform/stack-document';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-DDB-002',
  title: 'DynamoDB point-in-time recovery on tables and replicas',
  severity: 'error',
  resourceTypes: ['aws_dynamodb_table'],
  rationale: 'Point-in-time recovery restores a table to any second of the last 35 days; a global table replica needs it in its own Region.',
  controls: ['DynamoDB.2', 'AwsSolutions-DDB3', 'CKV_AWS_28', 'CKV_AWS_165'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => [
      ...(isTrue(asBlocks(block.body.point_in_time_recovery)[0]?.enabled) ? [] : ['point_in_time_recovery.enabled must be true']),
      ...asBlocks(block.body.replica)
        .filter((replica) => !isTrue(replica.point_in_time_recovery))
        .map((replica) => `replica ${String(replica.region_name)} must set point_in_time_recovery = true`),
    ]),
};
