import { Ipv4Cidr } from './ipv4-cidr';
import { SubnetTierLayout, VPC_NETWORK_DEFAULTS, VPC_SUBNET_TIERS, VpcNetworkSettings, VpcSubnetTier } from './vpc-network-settings';

/** A created VPC spans two or three Availability Zones. */
export const MIN_AVAILABILITY_ZONES = 2;
export const MAX_AVAILABILITY_ZONES = 3;

/** AWS's smallest subnet. */
export const SMALLEST_SUBNET_PREFIX = 28;

/**
 * Where each tier's carved subnets start: its own quarter of the VPC block (public the first, private the
 * second, data the third; the fourth is left for later). A tier's place depends on nothing but the VPC
 * block, so adding a zone, adding a tier or resizing another tier moves no existing subnet.
 */
const TIER_QUARTER: Readonly<Record<VpcSubnetTier, number>> = { public: 0, private: 1, data: 2 };

/** The Availability Zones a VPC spans. */
export function availabilityZoneCount(settings: Pick<VpcNetworkSettings, 'availabilityZones' | 'availabilityZoneCount'>): number {
  return settings.availabilityZones?.length ?? settings.availabilityZoneCount ?? VPC_NETWORK_DEFAULTS.availabilityZoneCount;
}

/** A tier's layout with the default applied; `false` when the tier is left out. */
export function tierLayout(settings: VpcNetworkSettings, tier: VpcSubnetTier): SubnetTierLayout | false {
  const layout = settings.subnets?.[tier];
  return layout === undefined ? { cidrMask: VPC_NETWORK_DEFAULTS.cidrMask } : layout;
}

/** The tier's quarter of the VPC block. */
export function tierQuarter(vpc: Ipv4Cidr, tier: VpcSubnetTier): Ipv4Cidr {
  const quarter = vpc.size / 4;
  return Ipv4Cidr.of(vpc.network + TIER_QUARTER[tier] * quarter, vpc.prefix + 2);
}

/** The smallest prefix that puts `zones` subnets into a tier's quarter of a /`vpcPrefix` block. */
export function largestCarvedPrefix(vpcPrefix: number, zones: number): number {
  return vpcPrefix + 2 + Math.ceil(Math.log2(zones));
}

/** `zones` consecutive /`cidrMask` blocks from the start of the tier's quarter. */
export function carveTier(vpc: Ipv4Cidr, tier: VpcSubnetTier, cidrMask: number, zones: number): Ipv4Cidr[] {
  const start = tierQuarter(vpc, tier).network;
  const size = 2 ** (32 - cidrMask);
  return Array.from({ length: zones }, (_, zone) => Ipv4Cidr.of(start + zone * size, cidrMask));
}

/** One subnet of the layout, with the setting that placed it (for messages). */
export interface PlannedSubnet {
  readonly tier: VpcSubnetTier;
  /** The zone's index, 0-based. */
  readonly zone: number;
  /** The block, or undefined when the setting does not name a valid one. */
  readonly cidr?: Ipv4Cidr;
  /** The block as given (for messages). */
  readonly text: string;
  /** The setting path below the network's, e.g. `subnets.data.cidrs[1]` or `subnets.private.cidrMask`. */
  readonly source: string;
}

/**
 * Every subnet the settings ask for, tier by tier, zone by zone: carved ones at their place in the tier's
 * quarter, given ones as given. Assumes a valid VPC block.
 */
export function plannedSubnets(settings: VpcNetworkSettings, vpc: Ipv4Cidr): PlannedSubnet[] {
  const zones = availabilityZoneCount(settings);
  return VPC_SUBNET_TIERS.flatMap((tier): PlannedSubnet[] => {
    const layout = tierLayout(settings, tier);
    if (layout === false) return [];
    if ('cidrs' in layout) {
      return layout.cidrs.map((text, zone) => ({ tier, zone, cidr: Ipv4Cidr.parse(text), text, source: `subnets.${tier}.cidrs[${zone}]` }));
    }
    const mask = layout.cidrMask ?? VPC_NETWORK_DEFAULTS.cidrMask;
    return carveTier(vpc, tier, mask, zones).map((cidr, zone) => ({ tier, zone, cidr, text: cidr.toString(), source: `subnets.${tier}.cidrMask` }));
  });
}

/** The subnets' blocks by tier, in zone order (empty for a tier left out). Assumes valid settings. */
export function subnetCidrsByTier(settings: VpcNetworkSettings): Record<VpcSubnetTier, string[]> {
  const vpc = Ipv4Cidr.parse(settings.cidr);
  if (vpc === undefined) throw new Error(`not an IPv4 block: ${settings.cidr}`);
  const byTier: Record<VpcSubnetTier, string[]> = { public: [], private: [], data: [] };
  for (const subnet of plannedSubnets(settings, vpc)) byTier[subnet.tier].push(subnet.text);
  return byTier;
}
