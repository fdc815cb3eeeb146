import { DataAwsSecurityGroups } from '@cdktf/provider-aws/lib/data-aws-security-groups';
import { DataAwsSubnets } from '@cdktf/provider-aws/lib/data-aws-subnets';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { RegionNetwork } from './region-network';

/** Existing resources given by ID, or looked up through data sources by their tags. */
export type ResourceSelector = { readonly ids: readonly string[] } | { readonly tags: Readonly<Record<string, string>> };

/** An existing network in one Region: the VPC, its subnet tiers and the applications' security groups. */
export interface NetworkPlacementConfig {
  /** The VPC, by ID or by tags (the tags must match exactly one VPC). */
  readonly vpc: { readonly id: string } | { readonly tags: Readonly<Record<string, string>> };
  /** Private subnets with egress (NAT or VPC endpoints), at least two, in different Availability Zones: Lambda functions. */
  readonly privateSubnets: ResourceSelector;
  /**
   * Subnets with no route to the internet, at least two, in different Availability Zones: databases, proxies, caches.
   * @default - the private subnets (one tier for everything)
   */
  readonly dataSubnets?: ResourceSelector;
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
 * An existing network, resolved into the IDs components take.
 *
 * IDs given in configuration pass straight through; tags become `aws_vpc`, `aws_subnets` and
 * `aws_security_groups` look-ups, so the shipped configuration synthesizes without any account and
 * works in every account that tags its network the same way.
 */
export class NetworkPlacement extends Construct implements RegionNetwork {
  public readonly vpcId: string;
  public readonly privateSubnetIds: string[];
  public readonly dataSubnetIds: string[];
  public readonly applicationSecurityGroupIds: string[];

  constructor(scope: Construct, id: string, props: NetworkPlacementProps) {
    super(scope, id);
    const { config, provider } = props;

    this.vpcId =
      'id' in config.vpc
        ? config.vpc.id
        : new DataAwsVpc(this, 'Vpc', { provider, tags: { ...config.vpc.tags } }).id;

    const inVpc = [{ name: 'vpc-id', values: [this.vpcId] }];
    const subnets = (constructId: string, selector: ResourceSelector) =>
      'ids' in selector ? [...selector.ids] : new DataAwsSubnets(this, constructId, { provider, filter: inVpc, tags: { ...selector.tags } }).ids;
    this.privateSubnetIds = subnets('PrivateSubnets', config.privateSubnets);
    this.dataSubnetIds = config.dataSubnets === undefined ? this.privateSubnetIds : subnets('DataSubnets', config.dataSubnets);
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
