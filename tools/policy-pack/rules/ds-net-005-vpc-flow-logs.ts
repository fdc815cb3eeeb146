import { eachResource, PolicyRule } from '../rule';
import { refersTo } from '../terraform/references';

export const rule: PolicyRule = {
  id: 'DS-NET-005',
  title: 'Flow logs on every created VPC',
  severity: 'warning',
  resourceTypes: ['aws_vpc'],
  rationale: 'Flow logs are the only record of which addresses reached the databases (or tried to) when an incident is investigated.',
  controls: ['EC2.6', 'AwsSolutions-VPC7', 'CKV2_AWS_11'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (vpc) =>
      stack.resources('aws_flow_log').some((log) => refersTo(log.body.vpc_id, vpc.address)) ? undefined : 'no aws_flow_log records this VPC',
    ),
};
