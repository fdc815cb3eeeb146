import { subnetCidrsByTier, VpcNetworkSettings } from '../../../modules/network';

const layout = (settings: VpcNetworkSettings) => subnetCidrsByTier(settings);

describe('the subnet layout of a created VPC', () => {
  test('GIVEN a /16 and two zones WHEN laid out THEN each tier takes /24s from the start of its quarter: public, private, data', () => {
    expect(layout({ cidr: '10.0.0.0/16' })).toEqual({
      public: ['10.0.0.0/24', '10.0.1.0/24'],
      private: ['10.0.64.0/24', '10.0.65.0/24'],
      data: ['10.0.128.0/24', '10.0.129.0/24'],
    });
  });

  test('GIVEN three zones WHEN laid out THEN the third zone adds a subnet per tier and moves none of the first two', () => {
    const two = layout({ cidr: '10.0.0.0/16' });
    const three = layout({ cidr: '10.0.0.0/16', availabilityZoneCount: 3 });
    expect(three).toEqual({
      public: [...two.public, '10.0.2.0/24'],
      private: [...two.private, '10.0.66.0/24'],
      data: [...two.data, '10.0.130.0/24'],
    });
  });

  test('GIVEN zones by name WHEN laid out THEN there is one subnet per named zone and tier', () => {
    expect(layout({ cidr: '10.0.0.0/16', availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'] }).data).toEqual(['10.0.128.0/24', '10.0.129.0/24', '10.0.130.0/24']);
  });

  test('GIVEN the public tier left out, then added WHEN laid out THEN the private and data subnets stay where they were', () => {
    const without = layout({ cidr: '10.0.0.0/16', subnets: { public: false } });
    const withPublic = layout({ cidr: '10.0.0.0/16' });
    expect({ without, private: withPublic.private, data: withPublic.data }).toEqual({
      without: { public: [], private: withPublic.private, data: withPublic.data },
      private: without.private,
      data: without.data,
    });
  });

  test('GIVEN a /26 mask for the data tier WHEN laid out THEN only the data subnets change', () => {
    expect(layout({ cidr: '10.0.0.0/16', subnets: { data: { cidrMask: 26 } } })).toEqual({
      public: ['10.0.0.0/24', '10.0.1.0/24'],
      private: ['10.0.64.0/24', '10.0.65.0/24'],
      data: ['10.0.128.0/26', '10.0.128.64/26'],
    });
  });

  test('GIVEN a /24 VPC and /28 subnets WHEN laid out THEN the quarters are /26s', () => {
    const mask = { cidrMask: 28 };
    expect(layout({ cidr: '192.168.10.0/24', availabilityZoneCount: 3, subnets: { public: mask, private: mask, data: mask } })).toEqual({
      public: ['192.168.10.0/28', '192.168.10.16/28', '192.168.10.32/28'],
      private: ['192.168.10.64/28', '192.168.10.80/28', '192.168.10.96/28'],
      data: ['192.168.10.128/28', '192.168.10.144/28', '192.168.10.160/28'],
    });
  });

  test('GIVEN explicit blocks for a tier WHEN laid out THEN they are used as given, in zone order, and the other tiers are carved', () => {
    expect(layout({ cidr: '10.0.0.0/16', subnets: { private: { cidrs: ['10.0.200.0/22', '10.0.204.0/22'] } } })).toEqual({
      public: ['10.0.0.0/24', '10.0.1.0/24'],
      private: ['10.0.200.0/22', '10.0.204.0/22'],
      data: ['10.0.128.0/24', '10.0.129.0/24'],
    });
  });

  test('GIVEN explicit blocks for fewer zones than the VPC spans WHEN laid out THEN the tier covers the first zones only', () => {
    expect(layout({ cidr: '10.0.0.0/16', availabilityZoneCount: 3, subnets: { public: { cidrs: ['10.0.0.0/26'] } } }).public).toEqual(['10.0.0.0/26']);
  });
});
