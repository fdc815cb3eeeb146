import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';
import { asBlocks } from '../terraform/stack-document';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-DDB-001',
  title: 'DynamoDB tables and replicas under customer-managed keys',
  severity: 'error',
  resourceTypes: ['aws_dynamodb_table'],
  rationale: 'By default a table uses an AWS owned key no key policy of yours controls; every replica needs a customer-managed key of its own Region.',
  controls: ['CKV_AWS_119', 'CKV_AWS_271'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const encryption = asBlocks(block.body.server_side_encryption)[0];
      const found: string[] = [];
      if (!isTrue(encryption?.enabled)) found.push('server_side_encryption.enabled must be true (otherwise an AWS owned key encrypts the table)');
      else {
        const problem = customerManagedKeyProblem(stack, 'server_side_encryption.kms_key_arn', encryption?.kms_key_arn);
        if (problem) found.push(problem);
      }
      for (const replica of asBlocks(block.body.replica)) {
        const problem = customerManagedKeyProblem(stack, `replica ${String(replica.region_name)} kms_key_arn`, replica.kms_key_arn);
        if (problem) found.push(problem);
      }
      return found;
    }),
};
