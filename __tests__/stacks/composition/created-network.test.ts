import { failedMessages } from '../../../modules/validation';
import { auroraCluster } from '../../../stacks/components/aurora-cluster';
import { CreatedNetworkConfig, EnvironmentConfig, NetworkConfig } from '../../../stacks/common/environment';
import { Component } from '../../../stacks/composition/component';
import { defineSystem } from '../../../stacks/composition/define-system';
import { reference, resourceAt, resourcesOf } from '../../modules/rds-proxy/region-context-fixture';
import { synthSystemStack } from '../components/proxied-app-system';

const S3_STATE = { type: 's3', bucket: 'datastack-state-test', region: 'eu-west-2' } as const;
const LOOKED_UP: NetworkConfig = {
  vpc: { id: 'vpc-0abc' },
  privateSubnets: { ids: ['subnet-01', 'subnet-02'] },
  applicationSecurityGroups: { ids: ['sg-0app'] },
};

function environment(network: Record<string, NetworkConfig>, secondaryRegion?: string): EnvironmentConfig {
  return { name: 'dev', primaryRegion: 'eu-west-2', secondaryRegion, stateBackend: S3_STATE, network };
}

function system(env: EnvironmentConfig, components: () => readonly Component[] = () => []) {
  return defineSystem<EnvironmentConfig>({ name: 'netapp', environments: { dev: env }, components });
}

const synth = (env: EnvironmentConfig, components?: () => readonly Component[]) => synthSystemStack(system(env, components), env).json;
const STACK = 'netapp-dev';
const created = (settings: Partial<CreatedNetworkConfig['create']> = {}, outputs?: CreatedNetworkConfig['outputs']): CreatedNetworkConfig => ({
  create: { cidr: '10.30.0.0/16', ...settings },
  outputs,
});

describe('an environment whose network the stack creates', () => {
  const json = synth(environment({ 'eu-west-2': created() }), () => [
    auroraCluster({ instanceCount: 1, instanceClass: 'db.serverless', serverlessV2: { minCapacity: 0.5, maxCapacity: 2 } }),
  ]);

  test('WHEN synthesized THEN the VPC sits at Network<Region>, where a looked-up network sits', () => {
    expect(resourceAt(json, 'aws_vpc', 'NetworkEuWest2/Vpc', STACK).cidr_block).toBe('10.30.0.0/16');
  });

  test("WHEN synthesized THEN the components are placed in it: the cluster's subnet group takes the created data subnets", () => {
    expect(resourceAt(json, 'aws_db_subnet_group', 'Aurora/ClusterEuWest2/SubnetGroup', STACK).subnet_ids).toEqual([
      reference(json, 'aws_subnet', 'NetworkEuWest2/DataSubnet1', 'id', STACK),
      reference(json, 'aws_subnet', 'NetworkEuWest2/DataSubnet2', 'id', STACK),
    ]);
  });

  test("WHEN synthesized THEN the cluster admits the created application security group", () => {
    expect(resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'Aurora/ClusterEuWest2/SecurityGroup/Port5432FromApplication1', STACK).referenced_security_group_id).toBe(
      reference(json, 'aws_security_group', 'NetworkEuWest2/ApplicationSecurityGroup/SecurityGroup', 'id', STACK),
    );
  });

  test('GIVEN one Region WHEN synthesized THEN the network outputs hold the values themselves', () => {
    const subnets = (tier: string) => [1, 2].map((zone) => reference(json, 'aws_subnet', `NetworkEuWest2/${tier}Subnet${zone}`, 'id', STACK));
    expect({
      vpc_id: json.output.vpc_id.value,
      private_subnet_ids: json.output.private_subnet_ids.value,
      data_subnet_ids: json.output.data_subnet_ids.value,
      public_subnet_ids: json.output.public_subnet_ids.value,
      application_security_group_id: json.output.application_security_group_id.value,
    }).toEqual({
      vpc_id: reference(json, 'aws_vpc', 'NetworkEuWest2/Vpc', 'id', STACK),
      private_subnet_ids: subnets('Private'),
      data_subnet_ids: subnets('Data'),
      public_subnet_ids: subnets('Public'),
      application_security_group_id: reference(json, 'aws_security_group', 'NetworkEuWest2/ApplicationSecurityGroup/SecurityGroup', 'id', STACK),
    });
  });

  test('WHEN synthesized THEN each network output says what it is', () => {
    expect(json.output.data_subnet_ids.description).toBe('Isolated data subnets (databases, proxies, caches), one per Availability Zone');
  });
});

describe('network outputs', () => {
  test('GIVEN no public tier WHEN synthesized THEN there is no public_subnet_ids output', () => {
    const json = synth(environment({ 'eu-west-2': created({ subnets: { public: false } }) }));
    expect(Object.keys(json.output).sort()).toEqual(['application_security_group_id', 'data_subnet_ids', 'private_subnet_ids', 'vpc_id']);
  });

  test('GIVEN renames and a dropped output WHEN synthesized THEN the outputs carry the names the environment chose', () => {
    const json = synth(environment({ 'eu-west-2': created({}, { application_security_group_id: 'lambda_security_group_id', public_subnet_ids: false }) }));
    expect(Object.keys(json.output).sort()).toEqual(['data_subnet_ids', 'lambda_security_group_id', 'private_subnet_ids', 'vpc_id']);
  });

  test('GIVEN two Regions, both created WHEN synthesized THEN each output is a map keyed by Region', () => {
    const json = synth(environment({ 'eu-west-2': created(), 'eu-west-1': created({ cidr: '10.31.0.0/16' }) }, 'eu-west-1'));
    expect({ value: json.output.vpc_id.value, description: json.output.vpc_id.description }).toEqual({
      value: {
        'eu-west-2': reference(json, 'aws_vpc', 'NetworkEuWest2/Vpc', 'id', STACK),
        'eu-west-1': reference(json, 'aws_vpc', 'NetworkEuWest1/Vpc', 'id', STACK),
      },
      description: 'ID of the VPC the stack created, by Region',
    });
  });

  test('GIVEN two Regions, one created and one looked up WHEN synthesized THEN the map holds the created Region only', () => {
    const json = synth(environment({ 'eu-west-2': LOOKED_UP, 'eu-west-1': created() }, 'eu-west-1'));
    expect(json.output.application_security_group_id.value).toEqual({
      'eu-west-1': reference(json, 'aws_security_group', 'NetworkEuWest1/ApplicationSecurityGroup/SecurityGroup', 'id', STACK),
    });
  });

  test('GIVEN a looked-up network only WHEN synthesized THEN there is neither VPC nor network output', () => {
    const json = synth(environment({ 'eu-west-2': LOOKED_UP }));
    expect({ vpcs: Object.keys(resourcesOf(json, 'aws_vpc')), outputs: json.output }).toEqual({ vpcs: [], outputs: undefined });
  });
});

describe('the checks of a created network, with setting paths', () => {
  const messagesOf = (network: Record<string, NetworkConfig>, secondaryRegion?: string) => failedMessages(system(environment(network, secondaryRegion)).validationRules());

  test('GIVEN a valid created network WHEN checked THEN the environment passes', () => {
    expect(messagesOf({ 'eu-west-2': created({ natGateways: 2 }, { vpc_id: 'main_vpc_id' }) })).toEqual([]);
  });

  test.each<[string, Record<string, NetworkConfig>, string[]]>([
    [
      'a VPC block too large',
      { 'eu-west-2': created({ cidr: '10.0.0.0/8' }) },
      ['netapp.environments.dev.network.eu-west-2.create.cidr must be an IPv4 network address with a prefix of /16 to /24 (e.g. "10.0.0.0/16"), got "10.0.0.0/8"'],
    ],
    [
      "a zone of another Region than the entry's",
      { 'eu-west-2': created({ availabilityZones: ['eu-west-2a', 'eu-west-1a'] }) },
      ['netapp.environments.dev.network.eu-west-2.create.availabilityZones[1] must be a zone of eu-west-2 (eu-west-2a, eu-west-2b...) named once, got "eu-west-1a"'],
    ],
    [
      'overlapping subnets',
      { 'eu-west-2': created({ subnets: { data: { cidrs: ['10.30.64.0/24', '10.30.129.0/24'] } } }) },
      [
        'netapp.environments.dev.network.eu-west-2.create.subnets.data.cidrs[0] must not overlap another subnet (10.30.64.0/24 of netapp.environments.dev.network.eu-west-2.create.subnets.private.cidrMask, zone 1), got "10.30.64.0/24" in zone 1',
      ],
    ],
    [
      'a rename of an output the network does not have',
      { 'eu-west-2': created({}, { subnet_ids: 'x' }) },
      [
        'netapp.environments.dev.network.eu-west-2.outputs renames "subnet_ids", which is not an output of this component (its outputs: vpc_id, private_subnet_ids, data_subnet_ids, public_subnet_ids, application_security_group_id)',
      ],
    ],
    [
      'a rename that is no output name',
      { 'eu-west-2': created({}, { vpc_id: 'Vpc-Id' }) },
      ['netapp.environments.dev.network.eu-west-2.outputs.vpc_id must be a snake_case output name or false (left out), got "Vpc-Id"'],
    ],
    [
      'two outputs renamed to one name',
      { 'eu-west-2': created({}, { private_subnet_ids: 'subnet_ids', data_subnet_ids: 'subnet_ids' }) },
      ['netapp.environments.dev.network.eu-west-2.outputs must give every output a name of its own, got "subnet_ids" twice'],
    ],
    [
      'a looked-up network with a bad VPC id (the look-up checks are unchanged)',
      { 'eu-west-2': { ...LOOKED_UP, vpc: { id: 'vpc_123' } } as NetworkConfig },
      ['netapp.environments.dev.network.eu-west-2.vpc must give { id: "vpc-..." } or { tags: {...} } with at least one tag, got {"id":"vpc_123"}'],
    ],
  ])('GIVEN %s WHEN checked THEN the messages are exactly the expected ones', (_what, network, messages) => {
    expect(messagesOf(network)).toEqual(messages);
  });

  test('GIVEN a created network in the secondary Region WHEN checked THEN its zones are checked against that Region', () => {
    expect(messagesOf({ 'eu-west-2': LOOKED_UP, 'eu-west-1': created({ availabilityZones: ['eu-west-1a', 'eu-west-2b'] }) }, 'eu-west-1')).toEqual([
      'netapp.environments.dev.network.eu-west-1.create.availabilityZones[1] must be a zone of eu-west-1 (eu-west-1a, eu-west-1b...) named once, got "eu-west-2b"',
    ]);
  });
});
