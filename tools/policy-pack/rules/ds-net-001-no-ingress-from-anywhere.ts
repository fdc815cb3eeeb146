import { PolicyRule, RuleFinding } from '../rule';
import { describePorts, ingressRules, isOpenToTheWorld } from '../terraform/security-groups';

export const rule: PolicyRule = {
  id: 'DS-NET-001',
  title: 'No security group admits the whole internet',
  severity: 'error',
  resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  rationale: 'Nothing DataStack builds serves the internet; an inbound rule from 0.0.0.0/0 or ::/0 exposes it to every scanner.',
  controls: ['EC2.18', 'EC2.19', 'AwsSolutions-EC23', 'AwsSolutions-RDS8', 'CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'CKV_AWS_277'],
  check: (stack) => {
    const findings = stack.resources('aws_security_group').flatMap((group) =>
      ingressRules(stack, group)
        .filter(isOpenToTheWorld)
        .map((ingress): RuleFinding => ({ address: ingress.declaredBy, message: `admits ${describePorts(ingress)} from anywhere (0.0.0.0/0 or ::/0) into ${group.address}` })),
    );
    return [...new Map(findings.map((finding) => [`${finding.address} ${finding.message}`, finding])).values()];
  },
};
