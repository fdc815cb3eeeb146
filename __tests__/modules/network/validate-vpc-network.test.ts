import { INTERFACE_ENDPOINT_SERVICES, VpcNetworkSettings, vpcNetworkRules } from '../../../modules/network';
import { failedMessages } from '../../../modules/validation';

const SETTING = 'app.environments.prod.network.eu-west-2.create';
const messagesOf = (settings: VpcNetworkSettings) => failedMessages(vpcNetworkRules(SETTING, settings, 'eu-west-2'));
const VPC = { cidr: '10.0.0.0/16' };
const CIDR_ACCEPTED = 'an IPv4 network address with a prefix of /16 to /24 (e.g. "10.0.0.0/16")';
const KNOWN_SERVICES = INTERFACE_ENDPOINT_SERVICES.map((service) => `"${service}"`).join(', ');

describe('created VPC checks', () => {
  test('GIVEN only a block WHEN checked THEN the defaults pass', () => {
    expect(messagesOf(VPC)).toEqual([]);
  });

  test('GIVEN the layout of a system with every option WHEN checked THEN it passes', () => {
    expect(
      messagesOf({
        cidr: '10.0.0.0/16',
        availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'],
        subnets: { public: { cidrMask: 26 }, private: { cidrs: ['10.0.64.0/22', '10.0.68.0/22', '10.0.72.0/22'] }, data: { cidrMask: 24 } },
        natGateways: 3,
        gatewayEndpoints: ['s3'],
        interfaceEndpoints: { services: ['secretsmanager', 'sqs', 'lambda', 'monitoring', 'logs', 'cognito-idp', 'bedrock-runtime', 'rds-data', 'email'], tier: 'private' },
        applicationEgress: 'within-vpc',
        flowLogs: { trafficType: 'REJECT', maxAggregationIntervalSeconds: 60, retentionDays: 30 },
      }),
    ).toEqual([]);
  });

  test('GIVEN a /24 VPC with /27 subnets in two zones WHEN checked THEN it passes', () => {
    const mask = { cidrMask: 27 };
    expect(messagesOf({ cidr: '192.168.1.0/24', subnets: { public: mask, private: mask, data: mask } })).toEqual([]);
  });

  test.each<[string, VpcNetworkSettings, string[]]>([
    ['a block with host bits set', { cidr: '10.0.0.1/16' }, [`${SETTING}.cidr must be ${CIDR_ACCEPTED}, got "10.0.0.1/16"`]],
    ['a block larger than /16', { cidr: '10.0.0.0/15' }, [`${SETTING}.cidr must be ${CIDR_ACCEPTED}, got "10.0.0.0/15"`]],
    ['a block smaller than /24', { cidr: '10.0.0.0/25' }, [`${SETTING}.cidr must be ${CIDR_ACCEPTED}, got "10.0.0.0/25"`]],
    ['no IPv4 address', { cidr: '10.0.0/16' }, [`${SETTING}.cidr must be ${CIDR_ACCEPTED}, got "10.0.0/16"`]],
    ['no block at all', {} as VpcNetworkSettings, [`${SETTING}.cidr must be ${CIDR_ACCEPTED}, got nothing`]],
    ['one zone by count', { ...VPC, availabilityZoneCount: 1 }, [`${SETTING}.availabilityZoneCount must be an integer 2-3, got 1`]],
    ['four zones by count', { ...VPC, availabilityZoneCount: 4 }, [`${SETTING}.availabilityZoneCount must be an integer 2-3, got 4`]],
    ['one zone by name', { ...VPC, availabilityZones: ['eu-west-2a'] }, [`${SETTING}.availabilityZones must name 2-3 zones, got ["eu-west-2a"]`]],
    [
      'four zones by name',
      { ...VPC, availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c', 'eu-west-2d'] },
      [`${SETTING}.availabilityZones must name 2-3 zones, got ["eu-west-2a","eu-west-2b","eu-west-2c","eu-west-2d"]`],
    ],
    [
      "a zone of another Region",
      { ...VPC, availabilityZones: ['eu-west-2a', 'eu-west-1b'] },
      [`${SETTING}.availabilityZones[1] must be a zone of eu-west-2 (eu-west-2a, eu-west-2b...) named once, got "eu-west-1b"`],
    ],
    [
      'a zone named twice',
      { ...VPC, availabilityZones: ['eu-west-2a', 'eu-west-2a'] },
      [`${SETTING}.availabilityZones[1] must be a zone of eu-west-2 (eu-west-2a, eu-west-2b...) named once, got "eu-west-2a"`],
    ],
    [
      'zones by name and a count',
      { ...VPC, availabilityZones: ['eu-west-2a', 'eu-west-2b'], availabilityZoneCount: 2 },
      [`${SETTING}.availabilityZoneCount must be left out when availabilityZones names the zones, got 2`],
    ],
    [
      'a mask larger than the tier quarter holds',
      { ...VPC, subnets: { private: { cidrMask: 18 } } },
      [`${SETTING}.subnets.private.cidrMask must be an integer 19-28 (2 subnets in the tier's quarter of 10.0.0.0/16), got 18`],
    ],
    [
      'the default /24 in a /24 VPC',
      { cidr: '10.0.0.0/24' },
      ['public', 'private', 'data'].map((tier) => `${SETTING}.subnets.${tier}.cidrMask must be an integer 27-28 (2 subnets in the tier's quarter of 10.0.0.0/24), got 24`),
    ],
    [
      'a mask smaller than AWS allows',
      { ...VPC, subnets: { data: { cidrMask: 29 } } },
      [`${SETTING}.subnets.data.cidrMask must be an integer 19-28 (2 subnets in the tier's quarter of 10.0.0.0/16), got 29`],
    ],
    ['no data tier', { ...VPC, subnets: { data: false as never } }, [`${SETTING}.subnets.data must be a layout ({ cidrMask } or { cidrs }): the data tier cannot be left out, got false`]],
    [
      'a data tier in one zone',
      { ...VPC, subnets: { data: { cidrs: ['10.0.128.0/24'] } } },
      [`${SETTING}.subnets.data.cidrs must list 2 blocks, one per Availability Zone in zone order (RDS subnet groups need two zones), got ["10.0.128.0/24"]`],
    ],
    [
      'more public blocks than zones',
      { ...VPC, subnets: { public: { cidrs: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'] } } },
      [`${SETTING}.subnets.public.cidrs must list 1-2 blocks, one per Availability Zone in zone order, got ["10.0.0.0/24","10.0.1.0/24","10.0.2.0/24"]`],
    ],
    [
      'a block outside the VPC',
      { ...VPC, subnets: { private: { cidrs: ['10.1.64.0/24', '10.0.65.0/24'] } } },
      [`${SETTING}.subnets.private.cidrs[0] must be an IPv4 block inside 10.0.0.0/16 no smaller than /28, got "10.1.64.0/24"`],
    ],
    [
      'a /29 block',
      { ...VPC, subnets: { private: { cidrs: ['10.0.64.0/29', '10.0.65.0/24'] } } },
      [`${SETTING}.subnets.private.cidrs[0] must be an IPv4 block inside 10.0.0.0/16 no smaller than /28, got "10.0.64.0/29"`],
    ],
    [
      'a given block overlapping a carved one',
      { ...VPC, subnets: { private: { cidrs: ['10.0.1.0/24', '10.0.65.0/24'] } } },
      [
        `${SETTING}.subnets.private.cidrs[0] must not overlap another subnet (10.0.1.0/24 of ${SETTING}.subnets.public.cidrMask, zone 2), got "10.0.1.0/24" in zone 1`,
      ],
    ],
    [
      'two given blocks overlapping',
      { ...VPC, subnets: { private: { cidrs: ['10.0.64.0/23', '10.0.65.0/24'] } } },
      [`${SETTING}.subnets.private.cidrs[1] must not overlap another subnet (10.0.64.0/23 of ${SETTING}.subnets.private.cidrs[0], zone 1), got "10.0.65.0/24" in zone 2`],
    ],
    ['more NAT gateways than zones', { ...VPC, natGateways: 3 }, [`${SETTING}.natGateways must be an integer 0-2 (at most one per public subnet, one per zone), got 3`]],
    ['a negative NAT count', { ...VPC, natGateways: -1 }, [`${SETTING}.natGateways must be an integer 0-2 (at most one per public subnet, one per zone), got -1`]],
    [
      'more NAT gateways than public subnets',
      { ...VPC, subnets: { public: { cidrs: ['10.0.0.0/24'] } }, natGateways: 2 },
      [`${SETTING}.natGateways must be an integer 0-1 (at most one per public subnet, one per zone), got 2`],
    ],
    [
      'a NAT gateway without a public tier',
      { ...VPC, subnets: { public: false }, natGateways: 1 },
      [`${SETTING}.natGateways must be 0 without a public tier (NAT gateways live in public subnets), got 1`],
    ],
    ['an unknown gateway endpoint', { ...VPC, gatewayEndpoints: ['sqs' as never] }, [`${SETTING}.gatewayEndpoints[0] must be one of "s3", "dynamodb", got "sqs"`]],
    ['a gateway endpoint twice', { ...VPC, gatewayEndpoints: ['s3', 's3'] }, [`${SETTING}.gatewayEndpoints must name each service once, got "s3" twice`]],
    [
      'no interface endpoint service',
      { ...VPC, interfaceEndpoints: { services: [] } },
      [`${SETTING}.interfaceEndpoints.services must name at least one service (or leave interfaceEndpoints out), got []`],
    ],
    [
      'an unknown interface endpoint service',
      { ...VPC, interfaceEndpoints: { services: ['secretmanager'] } },
      [`${SETTING}.interfaceEndpoints.services[0] must be one of ${KNOWN_SERVICES}, got "secretmanager"`],
    ],
    [
      'an interface endpoint service twice',
      { ...VPC, interfaceEndpoints: { services: ['logs', 'logs'] } },
      [`${SETTING}.interfaceEndpoints.services must name each service once, got "logs" twice`],
    ],
    [
      'interface endpoints in a tier left out',
      { ...VPC, subnets: { private: false }, interfaceEndpoints: { services: ['logs'], tier: 'private' } },
      [`${SETTING}.interfaceEndpoints.tier must name a tier the VPC has (subnets.private is false), got "private"`],
    ],
    [
      'interface endpoints in an unknown tier',
      { ...VPC, interfaceEndpoints: { services: ['logs'], tier: 'edge' as never } },
      [`${SETTING}.interfaceEndpoints.tier must be one of "public", "private", "data", got "edge"`],
    ],
    ['an unknown egress mode', { ...VPC, applicationEgress: 'none' as never }, [`${SETTING}.applicationEgress must be one of "all", "within-vpc", got "none"`]],
    ['an unknown traffic type', { ...VPC, flowLogs: { trafficType: 'SOME' as never } }, [`${SETTING}.flowLogs.trafficType must be one of "ALL", "ACCEPT", "REJECT", got "SOME"`]],
    ['an aggregation interval of 300 s', { ...VPC, flowLogs: { maxAggregationIntervalSeconds: 300 } }, [`${SETTING}.flowLogs.maxAggregationIntervalSeconds must be one of 60, 600, got 300`]],
    [
      'a flow log retention CloudWatch refuses',
      { ...VPC, flowLogs: { retentionDays: 8 } },
      [`${SETTING}.flowLogs.retentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 8`],
    ],
  ])('GIVEN %s WHEN checked THEN the messages are exactly the expected ones', (_what, settings, messages) => {
    expect(messagesOf(settings)).toEqual(messages);
  });

  test('GIVEN a bad block WHEN checked THEN the layout is not checked against it (one mistake, one message)', () => {
    expect(messagesOf({ cidr: 'nonsense', subnets: { private: { cidrs: ['10.0.0.0/24'] } }, natGateways: 9 })).toEqual([`${SETTING}.cidr must be ${CIDR_ACCEPTED}, got "nonsense"`]);
  });
});
