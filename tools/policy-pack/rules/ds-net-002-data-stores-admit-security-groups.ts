import { PolicyRule, RuleFinding } from '../rule';
import { dataStores } from '../terraform/data-stores';
import { attachedGroups, describePorts, ingressRules } from '../terraform/security-groups';

export const rule: PolicyRule = {
  id: 'DS-NET-002',
  title: 'Data stores admit only security groups',
  severity: 'error',
  resourceTypes: [
    'aws_rds_cluster',
    'aws_db_instance',
    'aws_db_proxy',
    'aws_elasticache_replication_group',
    'aws_elasticache_serverless_cache',
    'aws_dax_cluster',
    'aws_security_group',
    'aws_security_group_rule',
    'aws_vpc_security_group_ingress_rule',
  ],
  rationale: 'Admitting clients by security group follows them as they scale; an address range admits whatever else lands in it. A store with no group of its own gets the VPC default group.',
  controls: ['AwsSolutions-RDS8', 'EC2.18'],
  check: (stack) =>
    dataStores(stack)
      .filter(({ kind }) => kind.securityGroupsArgument !== undefined)
      .flatMap(({ block, kind }) => {
        const groups = attachedGroups(stack, block.body[kind.securityGroupsArgument as string]);
        if (groups.length === 0) return [{ address: block.address, message: `${kind.securityGroupsArgument} is empty: the store gets the VPC default security group` }];
        return groups.flatMap((resolution): RuleFinding[] => {
          if (resolution.kind === 'unknown') {
            return [{ address: block.address, message: `${kind.securityGroupsArgument} entry ${resolution.expression} is no aws_security_group of this stack, so what it admits cannot be checked` }];
          }
          return ingressRules(stack, resolution.group)
            .filter((ingress) => ingress.ipv4Cidrs.length + ingress.ipv6Cidrs.length + ingress.prefixLists.length > 0)
            .map((ingress) => ({
              address: ingress.declaredBy,
              message: `admits ${describePorts(ingress)} from address ranges (${[...ingress.ipv4Cidrs, ...ingress.ipv6Cidrs, ...ingress.prefixLists].join(', ')}) into ${block.address}; admit the clients' security groups instead`,
            }));
        });
      }),
};
