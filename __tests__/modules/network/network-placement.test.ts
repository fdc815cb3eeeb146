import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

describe('network placement', () => {
  test('GIVEN subnets and security groups by ID WHEN synthesized THEN no network data source is looked up', () => {
    const { json, stack } = synthGamingPlatform(environmentWith({}));
    expect(json.data.aws_vpc).toBeUndefined();
    expect(json.data.aws_subnets).toBeUndefined();
    expect(json.data.aws_security_groups).toBeUndefined();
    expect(stack.networkFor('eu-west-1').privateSubnetIds).toEqual(['subnet-1aaa', 'subnet-1bbb']);
    expect(stack.networkFor('eu-west-2').applicationSecurityGroupIds).toEqual(['sg-0app']);
    expect(stack.networkFor('eu-west-2').vpcId).toBe('vpc-0a1b2c3d');
  });

  test('GIVEN the shipped prod environment (tags) WHEN synthesized THEN VPC, subnets and security groups are looked up by tags in each Region', () => {
    const { json } = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.prod);
    const vpcs = Object.values(json.data.aws_vpc) as any[];
    expect(vpcs.map((vpc) => [vpc.provider, vpc.tags])).toEqual([
      ['aws.eu_west_1', { Project: 'gaming-platform', Environment: 'prod' }],
      ['aws.eu_west_2', { Project: 'gaming-platform', Environment: 'prod' }],
    ]);
    for (const subnets of Object.values(json.data.aws_subnets) as any[]) {
      expect(subnets.tags).toEqual({ Tier: 'private' });
      expect(subnets.filter[0].name).toBe('vpc-id');
    }
    for (const groups of Object.values(json.data.aws_security_groups) as any[]) {
      expect(groups.tags).toEqual({ Tier: 'application' });
    }
  });

  test('GIVEN a Region the stack does not use WHEN its network is asked for THEN the error names the Regions in use', () => {
    const { stack } = synthGamingPlatform(environmentWith({}));
    expect(() => stack.networkFor('us-east-1')).toThrow('No network placement for Region us-east-1; this stack uses eu-west-2, eu-west-1');
  });
});
