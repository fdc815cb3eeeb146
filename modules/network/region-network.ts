/**
 * The two subnet tiers of a Region's network: `data` subnets have no route to the internet (databases,
 * proxies, caches, DAX); `private` subnets reach out through NAT or VPC endpoints (Lambda functions).
 */
export type SubnetTier = 'data' | 'private';

export const SUBNET_TIERS: readonly SubnetTier[] = ['data', 'private'];

/**
 * A Region's network as every component sees it, whether the stack looked it up or created it.
 */
export interface RegionNetwork {
  /** The VPC's ID. */
  readonly vpcId: string;
  /** Subnets of the data tier, in two or more Availability Zones. */
  readonly dataSubnetIds: string[];
  /** Private subnets with egress, for functions that call AWS APIs. */
  readonly privateSubnetIds: string[];
  /** The applications' security groups: the only sources data-tier security groups admit by default. */
  readonly applicationSecurityGroupIds: string[];
}

/** The subnets of one tier. */
export function subnetIdsOf(network: RegionNetwork, tier: SubnetTier): string[] {
  return tier === 'data' ? network.dataSubnetIds : network.privateSubnetIds;
}
