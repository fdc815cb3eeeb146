import { PolicyRule, RuleFinding } from '../rule';
import { refersTo } from '../terraform/references';
import { asBlocks } from '../terraform/stack-document';

export const rule: PolicyRule = {
  id: 'DS-NET-004',
  title: 'Default security group of a created VPC allows nothing',
  severity: 'error',
  resourceTypes: ['aws_vpc', 'aws_default_security_group'],
  rationale: 'Every VPC starts with a default group that admits its own members and any outbound traffic; anything launched without a group lands in it.',
  controls: ['EC2.2', 'CKV2_AWS_12'],
  check: (stack) =>
    stack.resources('aws_vpc').flatMap((vpc): RuleFinding[] => {
      const defaults = stack.resources('aws_default_security_group').filter((group) => refersTo(group.body.vpc_id, vpc.address));
      if (defaults.length === 0) return [{ address: vpc.address, message: 'no aws_default_security_group takes over this VPC default group and removes its rules' }];
      return defaults
        .filter((group) => asBlocks(group.body.ingress).length + asBlocks(group.body.egress).length > 0)
        .map((group) => ({ address: group.address, message: 'the default security group must have no ingress and no egress rules' }));
    }),
};
