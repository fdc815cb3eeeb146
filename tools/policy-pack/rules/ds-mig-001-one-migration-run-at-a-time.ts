import { eachResource, PolicyRule } from '../rule';
import { refersTo } from '../terraform/references';
import { asNumber } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-MIG-001',
  title: 'Functions Terraform invokes on deploy run one at a time',
  severity: 'warning',
  resourceTypes: ['aws_lambda_function'],
  rationale:
    'Two deploys (or a deploy and a retry) can invoke a migrations function together; reserved concurrency 1 makes the second invocation fail instead of migrating twice. A lock taken by the function code is not visible in the JSON.',
  controls: ['CKV_AWS_115'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (fn) => {
      const invoked = stack.resources('aws_lambda_invocation').some((invocation) => refersTo(invocation.body.function_name, fn.address));
      if (!invoked) return undefined;
      const reserved = asNumber(fn.body.reserved_concurrent_executions);
      return reserved === 1
        ? undefined
        : `an aws_lambda_invocation runs it on every deploy, but reserved_concurrent_executions is ${reserved ?? 'unset'}; set it to 1 so two runs cannot overlap`;
    }),
};
