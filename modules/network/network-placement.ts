import { DataAwsSecurityGroups } from '@cdktf/provider-aws/lib/data-aws-security-groups';
import { DataAwsSubnets } from '@cdktf/provider-aws/lib/data-aws-subnets';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';

/** Existing resources given by ID, or looked up through data sources by their tags. */
export type ResourceSelector = { readonly ids: readonly string[] } | { readonly tags: Readonly<Record<string, string>> };

/** Where the data tier sits in one Region: existing private subnets, reached from existing application security groups. */
export interface NetworkPlacementConfig {
  /** The VPC, by ID or by tags (the tags must match exactly one VPC). */
  readonly vpc: { readonly id: string } | { readonly tags: Readonly<Record<string, string>> };
  /** The VPC's private subnets that hold the data tier (at least two, in different Availability Zones). */
  readonly privateSubnets: ResourceSelector;
  /** The security groups of the applications that may connect to the data tier. */
  readonly applicationSecurityGroups: ResourceSelector;
}

export interface NetworkPlacementProps {
  /** Where the data tier sits. */
  readonly config: NetworkPlacementConfig;
  /** The aws provider of the placement's Region. */
  readonly provider: AwsProvider;
}

/**
 * Resolves a Region's network placement into IDs the data-tier modules take.
 *
 * IDs given in configuration pass straight through; tags become `aws_vpc`, `aws_subnets` and
 * `aws_security_groups` look-ups, so the shipped configuration synthesizes without any account and
 * works in every account that tags its network the same way.
 */
export class NetworkPlacement extends Construct {
  /** The VPC's ID. */
  public readonly vpcId: string;
  /** The private subnets' IDs. */
  public readonly privateSubnetIds: string[];
  /** The application security groups' IDs: the only sources data-tier security groups admit. */
  public readonly applicationSecurityGroupIds: string[];

  constructor(scope: Construct, id: string, props: NetworkPlacementProps) {
    super(scope, id);
    const { config, provider } = props;

    this.vpcId =
      'id' in config.vpc
        ? config.vpc.id
        : new DataAwsVpc(this, 'Vpc', { provider, tags: { ...config.vpc.tags } }).id;

    const inVpc = [{ name: 'vpc-id', values: [this.vpcId] }];
    this.privateSubnetIds =
      'ids' in config.privateSubnets
        ? [...config.privateSubnets.ids]
        : new DataAwsSubnets(this, 'PrivateSubnets', { provider, filter: inVpc, tags: { ...config.privateSubnets.tags } }).ids;
    this.applicationSecurityGroupIds =
      'ids' in config.applicationSecurityGroups
        ? [...config.applicationSecurityGroups.ids]
        : new DataAwsSecurityGroups(this, 'ApplicationSecurityGroups', {
            provider,
            filter: inVpc,
            tags: { ...config.applicationSecurityGroups.tags },
          }).ids;
  }
}
