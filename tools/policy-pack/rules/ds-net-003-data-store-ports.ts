import { PolicyRule, RuleFinding } from '../rule';
import { DAX_PLAINTEXT_PORT, dataStores } from '../terraform/data-stores';
import { attachedGroups, describePorts, SecurityGroupRule, ingressRules } from '../terraform/security-groups';

function opensOnly(ingress: SecurityGroupRule, ports: readonly number[]): boolean {
  if (ingress.protocol !== 'tcp' || ingress.fromPort === undefined || ingress.toPort === undefined) return false;
  for (let port = ingress.fromPort; port <= ingress.toPort; port++) if (!ports.includes(port)) return false;
  return true;
}

export const rule: PolicyRule = {
  id: 'DS-NET-003',
  title: 'Data store security groups open only the ports the store listens on',
  severity: 'error',
  resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  rationale:
    'A data store group should open the service port only: 5432 for PostgreSQL and RDS Proxy, 6379 (6380 for serverless readers) for ElastiCache, 9111 for DAX with TLS; DAX 8111 is its unencrypted port.',
  controls: ['EC2.18'],
  check: (stack) => {
    const findings = dataStores(stack)
      .filter(({ kind }) => kind.listeningPorts !== undefined && kind.securityGroupsArgument !== undefined)
      .flatMap(({ block, kind }) => {
        const ports = kind.listeningPorts?.(block) ?? [];
        return attachedGroups(stack, block.body[kind.securityGroupsArgument as string]).flatMap((resolution): RuleFinding[] =>
          resolution.kind === 'group'
            ? ingressRules(stack, resolution.group)
                .filter((ingress) => !opensOnly(ingress, ports))
                .map((ingress) => ({
                  address: ingress.declaredBy,
                  message: `opens ${ingress.protocol === '-1' ? 'every protocol' : `${ingress.protocol} ${describePorts(ingress)}`} to ${block.address}, which listens on ${ports.join(', ')} only${
                    kind.type === 'aws_dax_cluster' && ingress.fromPort !== undefined && ingress.toPort !== undefined && ingress.fromPort <= DAX_PLAINTEXT_PORT && DAX_PLAINTEXT_PORT <= ingress.toPort && !ports.includes(DAX_PLAINTEXT_PORT)
                      ? ` (${DAX_PLAINTEXT_PORT} is DAX's unencrypted port, unused by a TLS cluster)`
                      : ''
                  }`,
                }))
            : [],
        );
      });
    return [...new Map(findings.map((finding) => [`${finding.address} ${finding.message}`, finding])).values()];
  },
};
