import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { EnvironmentPolicy } from '../../../modules/context';
import { NetworkPolicy, VPC_NETWORK_DEFAULTS, VpcNetwork, VpcNetworkSettings } from '../../../modules/network';
import { ConfigurationError } from '../../../modules/validation';
import { warningsOf } from '../../fixtures/annotations';
import { address, NAMING, reference, resolved, resourceAt, resourcesOf, STAGING_POLICY, synthesized } from '../rds-proxy/region-context-fixture';

const CONTENT_HUB_ENDPOINTS = ['secretsmanager', 'sqs', 'lambda', 'monitoring', 'logs', 'cognito-idp', 'bedrock-runtime', 'rds-data', 'email'];

function synthNetwork(settings: VpcNetworkSettings, policy: NetworkPolicy = STAGING_POLICY) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const network = new VpcNetwork(stack, 'Network', { ...settings, provider, region: 'eu-west-2', naming: NAMING, policy });
  return { ...synthesized(stack), network, resolve: (value: unknown) => resolved(stack, value) };
}

const all = (json: any, type: string): any[] => Object.values(resourcesOf(json, type));
const sorted = (values: string[]) => [...values].sort();

describe('a created VPC with every setting at its default (10.0.0.0/16)', () => {
  const { json, network, resolve } = synthNetwork({ cidr: '10.0.0.0/16' });
  const subnets = all(json, 'aws_subnet');
  const subnet = (tier: string, zone: number) => resourceAt(json, 'aws_subnet', `Network/${tier}Subnet${zone}`);
  const routesOf = (table: string) => all(json, 'aws_route').filter((route) => route.route_table_id === reference(json, 'aws_route_table', `Network/${table}`, 'id'));
  const associated = (table: string) =>
    sorted(all(json, 'aws_route_table_association').filter((association) => association.route_table_id === reference(json, 'aws_route_table', `Network/${table}`, 'id')).map((association) => association.subnet_id));

  test('WHEN synthesized THEN the VPC has the block, DNS support and DNS hostnames, and its name', () => {
    expect(resourceAt(json, 'aws_vpc', 'Network/Vpc')).toMatchObject({
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Name: 'trivia-nft-staging-vpc-eu-west-2' },
    });
  });

  test('WHEN synthesized THEN the default security group is managed with no ingress and no egress', () => {
    expect(resourceAt(json, 'aws_default_security_group', 'Network/DefaultSecurityGroup')).toMatchObject({
      vpc_id: reference(json, 'aws_vpc', 'Network/Vpc', 'id'),
      ingress: [],
      egress: [],
    });
  });

  test('GIVEN no zones WHEN synthesized THEN the zones are read from the Region: available, no opt-in (no Local Zones)', () => {
    expect(Object.values(json.data.aws_availability_zones)).toEqual([
      expect.objectContaining({ state: 'available', filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }] }),
    ]);
  });

  test('GIVEN no zone count WHEN synthesized THEN each tier has 2 subnets, zone i taking element i of the Region list', () => {
    expect(['Public', 'Private', 'Data'].map((tier) => [subnet(tier, 1).availability_zone, subnet(tier, 2).availability_zone])).toEqual(
      ['Public', 'Private', 'Data'].map(() => [
        expect.stringMatching(/^\$\{element\(data\.aws_availability_zones\.Network_AvailabilityZones_[0-9A-F]+\.names, 0\)\}$/),
        expect.stringMatching(/^\$\{element\(data\.aws_availability_zones\.Network_AvailabilityZones_[0-9A-F]+\.names, 1\)\}$/),
      ]),
    );
  });

  test('GIVEN zones read from the Region WHEN synthesized THEN a subnet ignores later changes of its zone (the list may change; the subnet cannot move)', () => {
    expect(subnets.map((found) => found.lifecycle)).toEqual(subnets.map(() => ({ ignore_changes: ['availability_zone'] })));
  });

  test('GIVEN no masks WHEN synthesized THEN every tier has /24s at the start of its quarter', () => {
    expect(['Public', 'Private', 'Data'].map((tier) => [subnet(tier, 1).cidr_block, subnet(tier, 2).cidr_block])).toEqual([
      ['10.0.0.0/24', '10.0.1.0/24'],
      ['10.0.64.0/24', '10.0.65.0/24'],
      ['10.0.128.0/24', '10.0.129.0/24'],
    ]);
  });

  test('WHEN synthesized THEN no subnet gives public addresses at launch, and each is tagged with its tier (isolated for data)', () => {
    expect(subnets.map((found) => [found.map_public_ip_on_launch, found.tags.Tier])).toEqual([
      [false, 'public'],
      [false, 'public'],
      [false, 'private'],
      [false, 'private'],
      [false, 'isolated'],
      [false, 'isolated'],
    ]);
  });

  test('WHEN synthesized THEN the internet gateway exists and the public route table sends 0.0.0.0/0 to it', () => {
    expect(routesOf('PublicRouteTable')).toEqual([
      expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', gateway_id: reference(json, 'aws_internet_gateway', 'Network/InternetGateway', 'id') }),
    ]);
  });

  test('WHEN synthesized THEN the public route table serves the public subnets', () => {
    expect(associated('PublicRouteTable')).toEqual(sorted([reference(json, 'aws_subnet', 'Network/PublicSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/PublicSubnet2', 'id')]));
  });

  test('GIVEN no NAT count WHEN synthesized THEN one NAT gateway with an Elastic IP sits in the first public subnet, after the internet gateway', () => {
    expect({ nats: all(json, 'aws_nat_gateway'), eips: all(json, 'aws_eip').map((eip) => eip.domain) }).toEqual({
      nats: [
        expect.objectContaining({
          subnet_id: reference(json, 'aws_subnet', 'Network/PublicSubnet1', 'id'),
          allocation_id: reference(json, 'aws_eip', 'Network/NatAddress1', 'allocation_id'),
          connectivity_type: 'public',
          depends_on: [address(json, 'aws_internet_gateway', 'Network/InternetGateway')],
        }),
      ],
      eips: ['vpc'],
    });
  });

  test('GIVEN one NAT gateway WHEN synthesized THEN one private route table serves both zones and sends 0.0.0.0/0 to it', () => {
    expect({ routes: routesOf('PrivateRouteTable1'), subnets: associated('PrivateRouteTable1') }).toEqual({
      routes: [expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', nat_gateway_id: reference(json, 'aws_nat_gateway', 'Network/NatGateway1', 'id') })],
      subnets: sorted([reference(json, 'aws_subnet', 'Network/PrivateSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/PrivateSubnet2', 'id')]),
    });
  });

  test('WHEN synthesized THEN the data route table serves the data subnets and has no route out', () => {
    expect({ routes: routesOf('DataRouteTable'), subnets: associated('DataRouteTable') }).toEqual({
      routes: [],
      subnets: sorted([reference(json, 'aws_subnet', 'Network/DataSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/DataSubnet2', 'id')]),
    });
  });

  test('GIVEN no gateway endpoints WHEN synthesized THEN S3 and DynamoDB gateway endpoints serve the private and data route tables', () => {
    const tables = [reference(json, 'aws_route_table', 'Network/PrivateRouteTable1', 'id'), reference(json, 'aws_route_table', 'Network/DataRouteTable', 'id')];
    expect(all(json, 'aws_vpc_endpoint').map((endpoint) => [endpoint.service_name, endpoint.vpc_endpoint_type, endpoint.route_table_ids])).toEqual([
      ['com.amazonaws.eu-west-2.s3', 'Gateway', tables],
      ['com.amazonaws.eu-west-2.dynamodb', 'Gateway', tables],
    ]);
  });

  test('GIVEN no interface endpoints WHEN synthesized THEN there is no endpoint security group', () => {
    expect({ group: network.endpointSecurityGroupId, groups: all(json, 'aws_security_group').length }).toEqual({ group: undefined, groups: 1 });
  });

  test('GIVEN no egress setting WHEN synthesized THEN the application security group may send anything anywhere, and admits nothing', () => {
    const group = reference(json, 'aws_security_group', 'Network/ApplicationSecurityGroup/SecurityGroup', 'id');
    expect({
      egress: all(json, 'aws_vpc_security_group_egress_rule').map((rule) => [rule.security_group_id, rule.ip_protocol, rule.cidr_ipv4]),
      ingress: all(json, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.security_group_id === group),
    }).toEqual({ egress: [[group, '-1', '0.0.0.0/0']], ingress: [] });
  });

  test('WHEN synthesized THEN the application security group is tagged Tier=application, replaced create-before-destroy under a name prefix', () => {
    expect(resourceAt(json, 'aws_security_group', 'Network/ApplicationSecurityGroup/SecurityGroup')).toMatchObject({
      name_prefix: 'trivia-nft-staging-application-eu-west-2-',
      tags: { Tier: 'application' },
      lifecycle: { create_before_destroy: true },
      vpc_id: reference(json, 'aws_vpc', 'Network/Vpc', 'id'),
    });
  });

  describe('its flow logs', () => {
    test('GIVEN no flow log settings WHEN synthesized THEN ALL traffic is aggregated over 600 s into the log group, through the role', () => {
      expect(resourceAt(json, 'aws_flow_log', 'Network/FlowLogs/FlowLog')).toMatchObject({
        vpc_id: reference(json, 'aws_vpc', 'Network/Vpc', 'id'),
        traffic_type: 'ALL',
        max_aggregation_interval: 600,
        log_destination_type: 'cloud-watch-logs',
        log_destination: reference(json, 'aws_cloudwatch_log_group', 'Network/FlowLogs/Logs/Group', 'arn'),
        iam_role_arn: reference(json, 'aws_iam_role', 'Network/FlowLogs/Role', 'arn'),
        depends_on: [address(json, 'aws_iam_role_policy', 'Network/FlowLogs/RolePolicy')],
      });
    });

    test('GIVEN no retention WHEN synthesized THEN the log group keeps the policy retention, encrypted with its own key', () => {
      expect(resourceAt(json, 'aws_cloudwatch_log_group', 'Network/FlowLogs/Logs/Group')).toMatchObject({
        name: '/aws/vpc/flow-logs/trivia-nft-staging-vpc-eu-west-2',
        retention_in_days: 365,
        kms_key_id: reference(json, 'aws_kms_key', 'Network/FlowLogs/Logs/Key/Key', 'arn'),
      });
    });

    test('WHEN synthesized THEN only vpc-flow-logs.amazonaws.com may assume the role, for this account and its flow logs in this Region', () => {
      const trust: any = Object.values(json.data.aws_iam_policy_document).find((document: any) => document['//'].metadata.path === 'test/Network/FlowLogs/Trust');
      const account = expect.stringMatching(/^\$\{data\.aws_caller_identity\.Network_FlowLogs_Account_[0-9A-F]+\.account_id\}$/);
      expect(trust.statement).toEqual([
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account] },
            {
              test: 'ArnLike',
              variable: 'aws:SourceArn',
              values: [expect.stringMatching(/^arn:\$\{data\.aws_partition\.[A-Za-z0-9_]+\.partition\}:ec2:eu-west-2:\$\{data\.aws_caller_identity\.[A-Za-z0-9_]+\.account_id\}:vpc-flow-log\/\*$/)],
            },
          ],
        },
      ]);
    });

    test('WHEN synthesized THEN the role may create streams, put events and describe streams on its log group only', () => {
      const policy: any = Object.values(json.data.aws_iam_policy_document).find((document: any) => document['//'].metadata.path === 'test/Network/FlowLogs/Policy');
      const group = reference(json, 'aws_cloudwatch_log_group', 'Network/FlowLogs/Logs/Group', 'arn');
      expect(policy.statement).toEqual([
        { sid: 'DeliverToOwnLogGroup', actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [group, `${group}:*`] },
      ]);
    });
  });

  test('WHEN built THEN it offers the RegionNetwork shape: the VPC, both tiers and the application group', () => {
    expect(resolve({ vpcId: network.vpcId, privateSubnetIds: network.privateSubnetIds, dataSubnetIds: network.dataSubnetIds, groups: network.applicationSecurityGroupIds })).toEqual({
      vpcId: reference(json, 'aws_vpc', 'Network/Vpc', 'id'),
      privateSubnetIds: [reference(json, 'aws_subnet', 'Network/PrivateSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/PrivateSubnet2', 'id')],
      dataSubnetIds: [reference(json, 'aws_subnet', 'Network/DataSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/DataSubnet2', 'id')],
      groups: [reference(json, 'aws_security_group', 'Network/ApplicationSecurityGroup/SecurityGroup', 'id')],
    });
  });

  test('WHEN resolved THEN the defaults applied are those of VPC_NETWORK_DEFAULTS', () => {
    expect(network.settings).toMatchObject({
      availabilityZoneCount: VPC_NETWORK_DEFAULTS.availabilityZoneCount,
      natGateways: 1,
      gatewayEndpoints: VPC_NETWORK_DEFAULTS.gatewayEndpoints,
      interfaceEndpoints: undefined,
      applicationEgress: VPC_NETWORK_DEFAULTS.applicationEgress,
      flowLogs: {
        trafficType: VPC_NETWORK_DEFAULTS.flowLogTrafficType,
        maxAggregationIntervalSeconds: VPC_NETWORK_DEFAULTS.flowLogMaxAggregationIntervalSeconds,
        retentionDays: STAGING_POLICY.logRetentionDays,
      },
    });
  });
});

describe('a created VPC, settings overridden', () => {
  const routeTablesOfNat = (json: any) =>
    all(json, 'aws_route')
      .filter((route) => route.nat_gateway_id !== undefined)
      .map((route) => [route.route_table_id, route.nat_gateway_id]);

  test('GIVEN zones by name WHEN synthesized THEN subnets take them as given, with no data source and nothing ignored', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', availabilityZones: ['eu-west-2b', 'eu-west-2c'] });
    expect({
      zones: all(json, 'aws_subnet').map((found) => [found.availability_zone, found.lifecycle]),
      dataSources: json.data?.aws_availability_zones,
    }).toEqual({ zones: [0, 1, 2].flatMap(() => [['eu-west-2b', undefined], ['eu-west-2c', undefined]]), dataSources: undefined });
  });

  test('GIVEN three zones WHEN synthesized THEN each tier has three subnets, the third taking element 2', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', availabilityZoneCount: 3 });
    expect(resourceAt(json, 'aws_subnet', 'Network/DataSubnet3')).toMatchObject({
      cidr_block: '10.0.130.0/24',
      availability_zone: expect.stringMatching(/\.names, 2\)\}$/),
    });
  });

  test('GIVEN a /26 mask for the data tier WHEN synthesized THEN the data subnets are /26s', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', subnets: { data: { cidrMask: 26 } } });
    expect([resourceAt(json, 'aws_subnet', 'Network/DataSubnet1').cidr_block, resourceAt(json, 'aws_subnet', 'Network/DataSubnet2').cidr_block]).toEqual([
      '10.0.128.0/26',
      '10.0.128.64/26',
    ]);
  });

  test('GIVEN explicit private blocks WHEN synthesized THEN the private subnets take them', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', subnets: { private: { cidrs: ['10.0.8.0/22', '10.0.12.0/22'] } } });
    expect([resourceAt(json, 'aws_subnet', 'Network/PrivateSubnet1').cidr_block, resourceAt(json, 'aws_subnet', 'Network/PrivateSubnet2').cidr_block]).toEqual([
      '10.0.8.0/22',
      '10.0.12.0/22',
    ]);
  });

  test('GIVEN no public tier WHEN synthesized THEN there is no internet gateway, no NAT, no public subnet, and no route out of the private tier', () => {
    const { json, network } = synthNetwork({ cidr: '10.0.0.0/16', subnets: { public: false } });
    expect({
      gateways: all(json, 'aws_internet_gateway').length,
      nats: all(json, 'aws_nat_gateway').length,
      eips: all(json, 'aws_eip').length,
      publicSubnets: network.publicSubnetIds,
      routes: all(json, 'aws_route').length,
      tables: Object.keys(resourcesOf(json, 'aws_route_table')).map((id) => id.replace(/_[0-9A-F]+$/, '')),
    }).toEqual({ gateways: 0, nats: 0, eips: 0, publicSubnets: [], routes: 0, tables: ['Network_PrivateRouteTable1', 'Network_DataRouteTable'] });
  });

  test('GIVEN no private tier WHEN synthesized THEN functions get the data subnets, and gateway endpoints serve the data route table only', () => {
    const { json, network, resolve } = synthNetwork({ cidr: '10.0.0.0/16', subnets: { private: false } });
    expect({
      privateSubnets: resolve(network.privateSubnetIds),
      endpointTables: all(json, 'aws_vpc_endpoint').map((endpoint) => endpoint.route_table_ids),
    }).toEqual({
      privateSubnets: [reference(json, 'aws_subnet', 'Network/DataSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/DataSubnet2', 'id')],
      endpointTables: [0, 1].map(() => [reference(json, 'aws_route_table', 'Network/DataRouteTable', 'id')]),
    });
  });

  test('GIVEN a NAT gateway per zone WHEN synthesized THEN each zone has its own private route table to the NAT gateway in its zone', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', natGateways: 2 });
    expect({
      nats: all(json, 'aws_nat_gateway').map((nat) => nat.subnet_id),
      routes: routeTablesOfNat(json),
      zone2: resourceAt(json, 'aws_route_table_association', 'Network/PrivateSubnet2RouteTable').route_table_id,
    }).toEqual({
      nats: [reference(json, 'aws_subnet', 'Network/PublicSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/PublicSubnet2', 'id')],
      routes: [
        [reference(json, 'aws_route_table', 'Network/PrivateRouteTable1', 'id'), reference(json, 'aws_nat_gateway', 'Network/NatGateway1', 'id')],
        [reference(json, 'aws_route_table', 'Network/PrivateRouteTable2', 'id'), reference(json, 'aws_nat_gateway', 'Network/NatGateway2', 'id')],
      ],
      zone2: reference(json, 'aws_route_table', 'Network/PrivateRouteTable2', 'id'),
    });
  });

  test('GIVEN two NAT gateways in three zones WHEN synthesized THEN the third zone uses the first NAT gateway (zone index mod NAT count)', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', availabilityZoneCount: 3, natGateways: 2 });
    expect(routeTablesOfNat(json).map(([table, nat]) => [table.replace(/_[0-9A-F]+\.id\}$/, ''), nat.replace(/_[0-9A-F]+\.id\}$/, '')])).toEqual([
      ['${aws_route_table.Network_PrivateRouteTable1', '${aws_nat_gateway.Network_NatGateway1'],
      ['${aws_route_table.Network_PrivateRouteTable2', '${aws_nat_gateway.Network_NatGateway2'],
      ['${aws_route_table.Network_PrivateRouteTable3', '${aws_nat_gateway.Network_NatGateway1'],
    ]);
  });

  test('GIVEN no NAT gateway with a public tier WHEN synthesized THEN the internet gateway stays and the private tier has no route out', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', natGateways: 0 });
    expect({ gateways: all(json, 'aws_internet_gateway').length, nats: all(json, 'aws_nat_gateway').length, natRoutes: routeTablesOfNat(json) }).toEqual({
      gateways: 1,
      nats: 0,
      natRoutes: [],
    });
  });

  test('GIVEN only the S3 gateway endpoint WHEN synthesized THEN there is no DynamoDB endpoint', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', gatewayEndpoints: ['s3'] });
    expect(all(json, 'aws_vpc_endpoint').map((endpoint) => endpoint.service_name)).toEqual(['com.amazonaws.eu-west-2.s3']);
  });

  test('GIVEN no gateway endpoints WHEN synthesized THEN there is none', () => {
    expect(all(synthNetwork({ cidr: '10.0.0.0/16', gatewayEndpoints: [] }).json, 'aws_vpc_endpoint')).toEqual([]);
  });

  describe('GIVEN the nine interface endpoints of content-hub', () => {
    const { json, network, resolve } = synthNetwork({ cidr: '10.0.0.0/16', interfaceEndpoints: { services: CONTENT_HUB_ENDPOINTS } });
    const interfaces = all(json, 'aws_vpc_endpoint').filter((endpoint) => endpoint.vpc_endpoint_type === 'Interface');
    const endpointGroup = reference(json, 'aws_security_group', 'Network/EndpointSecurityGroup/SecurityGroup', 'id');

    test('WHEN synthesized THEN each is an interface endpoint with private DNS, by its service name', () => {
      expect(interfaces.map((endpoint) => [endpoint.service_name, endpoint.private_dns_enabled])).toEqual(
        CONTENT_HUB_ENDPOINTS.map((service) => [`com.amazonaws.eu-west-2.${service}`, true]),
      );
    });

    test('GIVEN no tier WHEN synthesized THEN they sit in the data subnets, behind the endpoint security group', () => {
      const dataSubnets = [reference(json, 'aws_subnet', 'Network/DataSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/DataSubnet2', 'id')];
      expect(interfaces.map((endpoint) => [endpoint.subnet_ids, endpoint.security_group_ids])).toEqual(CONTENT_HUB_ENDPOINTS.map(() => [dataSubnets, [endpointGroup]]));
    });

    test('WHEN synthesized THEN the endpoint security group admits HTTPS from the application security group only, and sends nothing', () => {
      expect({
        ingress: all(json, 'aws_vpc_security_group_ingress_rule').map((rule) => [rule.security_group_id, rule.referenced_security_group_id, rule.from_port, rule.to_port]),
        egress: all(json, 'aws_vpc_security_group_egress_rule').filter((rule) => rule.security_group_id === endpointGroup),
      }).toEqual({
        ingress: [[endpointGroup, reference(json, 'aws_security_group', 'Network/ApplicationSecurityGroup/SecurityGroup', 'id'), 443, 443]],
        egress: [],
      });
    });

    test('WHEN built THEN the endpoint security group is exposed', () => {
      expect(resolve(network.endpointSecurityGroupId)).toBe(endpointGroup);
    });
  });

  test('GIVEN interface endpoints in the private tier WHEN synthesized THEN they sit in the private subnets', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', interfaceEndpoints: { services: ['logs'], tier: 'private' } });
    const endpoint = resourceAt(json, 'aws_vpc_endpoint', 'Network/InterfaceEndpointLogs');
    expect(endpoint.subnet_ids).toEqual([reference(json, 'aws_subnet', 'Network/PrivateSubnet1', 'id'), reference(json, 'aws_subnet', 'Network/PrivateSubnet2', 'id')]);
  });

  test('GIVEN within-vpc egress WHEN synthesized THEN applications reach the VPC block and HTTPS on the gateway endpoints prefix lists, nothing else', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', applicationEgress: 'within-vpc' });
    expect(all(json, 'aws_vpc_security_group_egress_rule').map((rule) => [rule.ip_protocol, rule.cidr_ipv4, rule.prefix_list_id, rule.from_port])).toEqual([
      ['-1', '10.0.0.0/16', undefined, undefined],
      ['tcp', undefined, reference(json, 'aws_vpc_endpoint', 'Network/GatewayEndpointS3', 'prefix_list_id'), 443],
      ['tcp', undefined, reference(json, 'aws_vpc_endpoint', 'Network/GatewayEndpointDynamodb', 'prefix_list_id'), 443],
    ]);
  });

  test('GIVEN flow logs off WHEN synthesized THEN there is no flow log, log group or role', () => {
    const { json, network } = synthNetwork({ cidr: '10.0.0.0/16', flowLogs: false });
    expect([all(json, 'aws_flow_log').length, all(json, 'aws_cloudwatch_log_group').length, all(json, 'aws_iam_role').length, network.flowLogs]).toEqual([0, 0, 0, undefined]);
  });

  test('GIVEN rejected traffic over 60 s kept 30 days WHEN synthesized THEN the flow log and its group say so', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16', flowLogs: { trafficType: 'REJECT', maxAggregationIntervalSeconds: 60, retentionDays: 30 } });
    expect([
      resourceAt(json, 'aws_flow_log', 'Network/FlowLogs/FlowLog').traffic_type,
      resourceAt(json, 'aws_flow_log', 'Network/FlowLogs/FlowLog').max_aggregation_interval,
      resourceAt(json, 'aws_cloudwatch_log_group', 'Network/FlowLogs/Logs/Group').retention_in_days,
    ]).toEqual(['REJECT', 60, 30]);
  });

  test('GIVEN a policy that prevents destruction WHEN synthesized THEN the flow log group and its key refuse a destroy', () => {
    const { json } = synthNetwork({ cidr: '10.0.0.0/16' }, { ...STAGING_POLICY, preventDestroy: true });
    expect([
      resourceAt(json, 'aws_cloudwatch_log_group', 'Network/FlowLogs/Logs/Group').lifecycle,
      resourceAt(json, 'aws_kms_key', 'Network/FlowLogs/Logs/Key/Key').lifecycle,
    ]).toEqual([{ prevent_destroy: true }, { prevent_destroy: true }]);
  });
});

describe('a created VPC in production', () => {
  const production: EnvironmentPolicy = { ...STAGING_POLICY, production: true };

  test('GIVEN one NAT gateway for two zones WHEN built in production THEN it warns that one zone failing cuts every zone off', () => {
    expect(warningsOf(synthNetwork({ cidr: '10.0.0.0/16' }, production).network)).toEqual([
      "network.natGateways is 1 for 2 zones in production: the private subnets of every zone lose their egress when the NAT gateway's zone fails",
    ]);
  });

  test('GIVEN a NAT gateway per zone WHEN built in production THEN there is no warning', () => {
    expect(warningsOf(synthNetwork({ cidr: '10.0.0.0/16', natGateways: 2 }, production).network)).toEqual([]);
  });

  test('GIVEN one NAT gateway outside production WHEN built THEN there is no warning', () => {
    expect(warningsOf(synthNetwork({ cidr: '10.0.0.0/16' }).network)).toEqual([]);
  });
});

test('GIVEN bad settings WHEN the construct is built THEN it refuses them before creating anything', () => {
  expect(() => synthNetwork({ cidr: '10.0.0.0/8' })).toThrow(ConfigurationError);
});
