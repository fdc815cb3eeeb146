import { eachResource, PolicyRule } from '../rule';
import { asBlocks } from '../terraform/stack-document';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-DDB-003',
  title: 'DynamoDB deletion protection on tables and replicas',
  severity: 'error',
  resourceTypes: ['aws_dynamodb_table'],
  rationale: 'Deletion protection makes DeleteTable fail until it is turned off on purpose; a replica is deleted separately and needs its own.',
  controls: ['DynamoDB.6'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => [
      ...(isTrue(block.body.deletion_protection_enabled) ? [] : ['deletion_protection_enabled must be true']),
      ...asBlocks(block.body.replica)
        .filter((replica) => !isTrue(replica.deletion_protection_enabled))
        .map((replica) => `replica ${String(replica.region_name)} must set deletion_protection_enabled = true`),
    ]),
};
