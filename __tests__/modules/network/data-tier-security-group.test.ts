import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Testing, TerraformStack } from 'cdktf';
import { DataTierSecurityGroup } from '../../../modules/network/data-tier-security-group';

describe('data-tier security group', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  new DataTierSecurityGroup(stack, 'Dax', {
    provider,
    namePrefix: 'gaming-platform-prod-dax',
    description: 'DAX gaming-platform-prod',
    vpcId: 'vpc-0a1b',
    ports: [8111, 9111],
    sourceSecurityGroupIds: ['sg-app1', 'sg-app2'],
  });
  const text = Testing.synth(stack);
  const group = (Object.values(JSON.parse(text).resource.aws_security_group) as any[])[0];

  test('GIVEN two ports and two application groups WHEN synthesized THEN ingress is exactly those ports from exactly those groups', () => {
    expect(group.ingress.map((rule: any) => [rule.from_port, rule.to_port, rule.protocol, rule.security_groups, rule.cidr_blocks])).toEqual([
      [8111, 8111, 'tcp', ['sg-app1', 'sg-app2'], []],
      [9111, 9111, 'tcp', ['sg-app1', 'sg-app2'], []],
    ]);
  });

  test('WHEN synthesized THEN there is no egress and the group is replaced create-before-destroy under a name prefix', () => {
    expect(text).toHaveResourceWithProperties(SecurityGroup, {
      egress: [],
      vpc_id: 'vpc-0a1b',
      name_prefix: 'gaming-platform-prod-dax-',
      lifecycle: { create_before_destroy: true },
    });
  });
});
