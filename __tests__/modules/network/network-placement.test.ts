import { NetworkPlacementConfig } from '../../../modules/network';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

describe('network placement', () => {
  test('GIVEN subnets and security groups by ID WHEN synthesized THEN no network data source is looked up', () => {
    const { json, stack } = synthGamingPlatform(environmentWith({}));
    expect(json.data.aws_vpc).toBeUndefined();
    expect(json.data.aws_subnets).toBeUndefined();
    expect(json.data.aws_security_groups).toBeUndefined();
    expect(stack.region('eu-west-1').network.privateSubnetIds).toEqual(['subnet-1aaa', 'subnet-1bbb']);
    expect(stack.region('eu-west-1').network.dataSubnetIds).toEqual(['subnet-1ddd', 'subnet-1eee']);
    expect(stack.region('eu-west-2').network.applicationSecurityGroupIds).toEqual(['sg-0app']);
    expect(stack.region('eu-west-2').network.vpcId).toBe('vpc-0a1b2c3d');
  });

  test('GIVEN no data subnets WHEN synthesized THEN the data tier is the private subnets (one tier for everything)', () => {
    const { dataSubnets: _data, ...withoutDataSubnets } = BASE_ENVIRONMENT.network['eu-west-2'] as NetworkPlacementConfig;
    const { stack } = synthGamingPlatform(environmentWith({ network: { ...BASE_ENVIRONMENT.network, 'eu-west-2': withoutDataSubnets } }));
    expect(stack.region('eu-west-2').network.dataSubnetIds).toEqual(['subnet-0aaa', 'subnet-0bbb']);
  });

  test('GIVEN the shipped prod environment (tags) WHEN synthesized THEN VPC, both subnet tiers and security groups are looked up by tags in each Region', () => {
    const { json } = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.prod);
    const vpcs = Object.values(json.data.aws_vpc) as any[];
    expect(vpcs.map((vpc) => [vpc.provider, vpc.tags])).toEqual([
      ['aws.eu_west_1', { Project: 'gaming-platform', Environment: 'prod' }],
      ['aws.eu_west_2', { Project: 'gaming-platform', Environment: 'prod' }],
    ]);
    const subnets = Object.entries(json.data.aws_subnets) as [string, any][];
    expect(subnets.map(([name, lookup]) => [name.replace(/_[0-9A-F]{8}$/, ''), lookup.tags]).sort()).toEqual([
      ['NetworkEuWest1_DataSubnets', { Tier: 'isolated' }],
      ['NetworkEuWest1_PrivateSubnets', { Tier: 'private' }],
      ['NetworkEuWest2_DataSubnets', { Tier: 'isolated' }],
      ['NetworkEuWest2_PrivateSubnets', { Tier: 'private' }],
    ]);
    for (const [, lookup] of subnets) expect(lookup.filter[0].name).toBe('vpc-id');
    for (const groups of Object.values(json.data.aws_security_groups) as any[]) {
      expect(groups.tags).toEqual({ Tier: 'application' });
    }
  });

  test('GIVEN a Region the stack does not use WHEN its context is asked for THEN the error names the Regions in use', () => {
    const { stack } = synthGamingPlatform(environmentWith({}));
    expect(() => stack.region('us-east-1')).toThrow('gaming-platform-prod has no Region us-east-1; it uses eu-west-2, eu-west-1');
  });
});
