import { Construct } from 'constructs';
import type { VpcNetwork } from '../../modules/network';
import { describeValue, ValidationRule } from '../../modules/validation';
import { outputNamesRules } from '../components/output-names';
import { declareOutputs, OutputDeclaration, OutputNames } from './outputs';

/** The outputs of a network the stack creates, by default name. */
export const NETWORK_OUTPUTS = ['vpc_id', 'private_subnet_ids', 'data_subnet_ids', 'public_subnet_ids', 'application_security_group_id'] as const;

type NetworkOutput = (typeof NETWORK_OUTPUTS)[number];

const DESCRIPTIONS: Readonly<Record<NetworkOutput, string>> = {
  vpc_id: 'ID of the VPC the stack created',
  private_subnet_ids: 'Private subnets with egress (Lambda functions), one per Availability Zone',
  data_subnet_ids: 'Isolated data subnets (databases, proxies, caches), one per Availability Zone',
  public_subnet_ids: 'Public subnets (NAT gateways), one per Availability Zone',
  application_security_group_id: 'The security group applications carry: the data tier and the VPC endpoints admit it',
};

function valueOf(network: VpcNetwork, output: NetworkOutput): unknown {
  switch (output) {
    case 'vpc_id':
      return network.vpcId;
    case 'private_subnet_ids':
      return network.privateSubnetIds;
    case 'data_subnet_ids':
      return network.dataSubnetIds;
    case 'public_subnet_ids':
      // Declared only where there is a public tier.
      return network.publicSubnetIds.length > 0 ? network.publicSubnetIds : undefined;
    case 'application_security_group_id':
      return network.applicationSecurityGroupId;
  }
}

/** A network the stack created in one Region, and the names its configuration gives the outputs. */
export interface CreatedNetwork {
  readonly region: string;
  readonly network: VpcNetwork;
  readonly names?: OutputNames;
}

/**
 * The outputs of the networks a stack created. In a single-Region environment each output holds the value
 * itself (`vpc_id = "vpc-..."`); in a two-Region environment each holds a map keyed by Region
 * (`vpc_id = { "eu-west-2" = "vpc-...", ... }`), with the Regions whose network was created only. An output a
 * Region renames is declared under its new name, for that Region.
 */
export function declareNetworkOutputs(scope: Construct, created: readonly CreatedNetwork[], keyedByRegion: boolean): void {
  const byName = new Map<string, { output: NetworkOutput; values: Record<string, unknown> }>();
  for (const { region, network, names } of created) {
    for (const output of NETWORK_OUTPUTS) {
      const name = names?.[output] ?? output;
      const value = valueOf(network, output);
      if (name === false || value === undefined) continue;
      const entry = byName.get(name) ?? { output, values: {} };
      entry.values[region] = value;
      byName.set(name, entry);
    }
  }
  const declarations: OutputDeclaration[] = [...byName.entries()].map(([name, { output, values }]) => ({
    name,
    description: keyedByRegion ? `${DESCRIPTIONS[output]}, by Region` : DESCRIPTIONS[output],
    value: keyedByRegion ? values : Object.values(values)[0],
  }));
  declareOutputs(scope, declarations);
}

/** A created network's output renames name its outputs, in snake_case, and give no two outputs one name. */
export function networkOutputNamesRules(setting: string, names: OutputNames | undefined): ValidationRule[] {
  const finalNames = NETWORK_OUTPUTS.map((output) => names?.[output] ?? output).filter((name): name is string => typeof name === 'string');
  return [
    ...outputNamesRules(setting, names, NETWORK_OUTPUTS),
    ...finalNames.map((name, index) => ({
      condition: finalNames.indexOf(name) === index,
      message: `${setting}.outputs must give every output a name of its own, got ${describeValue(name)} twice`,
    })),
  ];
}
