import { eachResource, PolicyRule } from '../rule';
import { refersTo } from '../terraform/references';
import { asLiteralString } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-DDB-004',
  title: 'DynamoDB capacity follows demand',
  severity: 'warning',
  resourceTypes: ['aws_dynamodb_table'],
  rationale: 'A PROVISIONED table without auto scaling throttles at its fixed capacity; on-demand or scaling read and write targets keep it available.',
  controls: ['DynamoDB.1', 'CKV2_AWS_16'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (block.body.billing_mode !== 'PROVISIONED') return undefined;
      const name = asLiteralString(block.body.name);
      const targets = stack
        .resources('aws_appautoscaling_target')
        .filter((target) => refersTo(target.body.resource_id, block.address) || (name !== undefined && target.body.resource_id === `table/${name}`));
      const dimensions = targets.map((target) => String(target.body.scalable_dimension));
      return ['dynamodb:table:ReadCapacityUnits', 'dynamodb:table:WriteCapacityUnits']
        .filter((dimension) => !dimensions.includes(dimension))
        .map((dimension) => `a PROVISIONED table needs an aws_appautoscaling_target for ${dimension}`);
    }),
};
