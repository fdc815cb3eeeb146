import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsSecurityGroups } from '@cdktf/provider-aws/lib/data-aws-security-groups';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Testing, TerraformStack } from 'cdktf';
import { DataTierSecurityGroup } from '../../../modules/network';

/** Synthesizes one data-tier group on 8111 and 9111 for the given sources, after `then` has added rules. */
function synthGroup(sources: (stack: TerraformStack) => readonly string[], then: (group: DataTierSecurityGroup) => void = () => undefined) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const group = new DataTierSecurityGroup(stack, 'Dax', {
    provider,
    namePrefix: 'gaming-platform-prod-dax',
    description: 'DAX gaming-platform-prod',
    vpcId: 'vpc-0a1b',
    ports: [8111, 9111],
    sourceSecurityGroupIds: sources(stack),
  });
  then(group);
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text) };
}

const rules = (json: any, type: string) => Object.entries(json.resource[type] ?? {}) as [string, any][];

describe('data-tier security group', () => {
  const { text, json } = synthGroup(() => ['sg-app1', 'sg-app2']);

  test('GIVEN two ports and two application groups WHEN synthesized THEN ingress is exactly those ports from exactly those groups, a standalone rule each', () => {
    expect(rules(json, 'aws_vpc_security_group_ingress_rule').map(([name, rule]) => [name.replace(/_[0-9A-F]{8}$/, ''), rule.from_port, rule.to_port, rule.ip_protocol, rule.referenced_security_group_id])).toEqual([
      ['Dax_Port8111FromApplication1', 8111, 8111, 'tcp', 'sg-app1'],
      ['Dax_Port8111FromApplication2', 8111, 8111, 'tcp', 'sg-app2'],
      ['Dax_Port9111FromApplication1', 9111, 9111, 'tcp', 'sg-app1'],
      ['Dax_Port9111FromApplication2', 9111, 9111, 'tcp', 'sg-app2'],
    ]);
    for (const [, rule] of rules(json, 'aws_vpc_security_group_ingress_rule')) expect(rule).not.toHaveProperty('cidr_ipv4');
  });

  test('WHEN synthesized THEN the group has no inline rules (Terraform removes the default egress), and is replaced create-before-destroy under a name prefix', () => {
    expect(text).toHaveResourceWithProperties(SecurityGroup, {
      vpc_id: 'vpc-0a1b',
      name_prefix: 'gaming-platform-prod-dax-',
      lifecycle: { create_before_destroy: true },
    });
    const [group] = Object.values(json.resource.aws_security_group) as any[];
    expect(group).not.toHaveProperty('ingress');
    expect(group).not.toHaveProperty('egress');
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  test('GIVEN application groups looked up by tags WHEN synthesized THEN one rule per port iterates over them, keyed by group ID', () => {
    const { json: looked } = synthGroup((stack) => new DataAwsSecurityGroups(stack, 'Applications', { tags: { Tier: 'application' } }).ids);
    expect(rules(looked, 'aws_vpc_security_group_ingress_rule').map(([, rule]) => [rule.from_port, rule.for_each, rule.referenced_security_group_id])).toEqual([
      [8111, '${toset(data.aws_security_groups.Applications.ids)}', '${each.value}'],
      [9111, '${toset(data.aws_security_groups.Applications.ids)}', '${each.value}'],
    ]);
  });

  test('GIVEN a group created later admitted through allowFrom, and egress through allowTo WHEN synthesized THEN each is a rule of its own on that port', () => {
    const { json: added } = synthGroup(
      () => ['sg-app1'],
      (group) => {
        group.allowFrom('FromProxy', 'sg-proxy', 9111, 'the proxy');
        group.allowTo('ToDatabase', 'sg-database', 5432, 'the database');
      },
    );
    const ingress = rules(added, 'aws_vpc_security_group_ingress_rule').find(([name]) => name.startsWith('Dax_FromProxy_'))![1];
    expect(ingress).toMatchObject({ referenced_security_group_id: 'sg-proxy', from_port: 9111, to_port: 9111, description: 'the proxy' });
    expect(rules(added, 'aws_vpc_security_group_egress_rule').map(([, rule]) => [rule.referenced_security_group_id, rule.from_port, rule.to_port])).toEqual([['sg-database', 5432, 5432]]);
  });
});
