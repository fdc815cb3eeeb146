import { PolicyRule, RuleFinding } from '../rule';
import { dataStores } from '../terraform/data-stores';
import { attachedGroups, describePorts, isOpenToTheWorld, securityGroupRules } from '../terraform/security-groups';

export const rule: PolicyRule = {
  id: 'DS-NET-007',
  title: 'Data store security groups allow no outbound traffic to anywhere',
  severity: 'warning',
  resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_egress_rule'],
  rationale:
    'A database, cache or proxy answers on the connections its clients open and starts none of its own to the internet; an egress rule to 0.0.0.0/0 or ::/0 is an exfiltration path (a proxy needs egress only to its database group).',
  controls: ['CKV_AWS_382'],
  check: (stack) => {
    const findings = dataStores(stack)
      .filter(({ kind }) => kind.securityGroupsArgument !== undefined)
      .flatMap(({ block, kind }) =>
        attachedGroups(stack, block.body[kind.securityGroupsArgument as string]).flatMap((resolution): RuleFinding[] =>
          resolution.kind === 'group'
            ? securityGroupRules(stack, resolution.group, 'egress')
                .filter(isOpenToTheWorld)
                .map((egress) => ({ address: egress.declaredBy, message: `lets ${block.address} send ${describePorts(egress)} to anywhere (0.0.0.0/0 or ::/0)` }))
            : [],
        ),
      );
    return [...new Map(findings.map((finding) => [`${finding.address} ${finding.message}`, finding])).values()];
  },
};
