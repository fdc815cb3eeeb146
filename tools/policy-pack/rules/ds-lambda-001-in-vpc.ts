import { eachResource, PolicyRule } from '../rule';
import { asBlocks } from '../terraform/stack-document';
import { asStringList } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-LAMBDA-001',
  title: 'Functions run inside the VPC',
  severity: 'warning',
  resourceTypes: ['aws_lambda_function'],
  rationale: 'A function that talks to the databases belongs in their VPC, behind security groups, rather than reaching them over public endpoints.',
  controls: ['Lambda.3', 'CKV_AWS_117'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (fn) => {
      const vpc = asBlocks(fn.body.vpc_config)[0];
      return vpc !== undefined && asStringList(vpc.subnet_ids).length > 0 && asStringList(vpc.security_group_ids).length > 0
        ? undefined
        : 'vpc_config must name subnets and security groups';
    }),
};
