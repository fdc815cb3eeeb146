import { logRetentionRule } from '../logs';
import { describeValue, integerInRange, oneOf, ValidationRule } from '../validation';
import { INTERFACE_ENDPOINT_SERVICES } from './endpoint-services';
import { Ipv4Cidr } from './ipv4-cidr';
import {
  availabilityZoneCount,
  largestCarvedPrefix,
  MAX_AVAILABILITY_ZONES,
  MIN_AVAILABILITY_ZONES,
  plannedSubnets,
  SMALLEST_SUBNET_PREFIX,
  tierLayout,
} from './subnet-layout';
import {
  APPLICATION_EGRESS_MODES,
  FLOW_LOG_AGGREGATION_INTERVALS,
  FLOW_LOG_TRAFFIC_TYPES,
  GATEWAY_ENDPOINT_SERVICES,
  VPC_NETWORK_DEFAULTS,
  VPC_SUBNET_TIERS,
  VpcFlowLogSettings,
  VpcNetworkSettings,
  VpcSubnetTier,
} from './vpc-network-settings';

/** The VPC block sizes a created VPC may have. */
export const VPC_PREFIX_RANGE = { largest: 16, smallest: 24 } as const;

/** The data tier holds RDS and ElastiCache subnet groups: two zones at least. */
const DATA_TIER_MIN_ZONES = 2;

function vpcCidrRule(setting: string, cidr: string): ValidationRule {
  const block = Ipv4Cidr.parse(cidr);
  return {
    condition: block !== undefined && block.prefix >= VPC_PREFIX_RANGE.largest && block.prefix <= VPC_PREFIX_RANGE.smallest,
    message: `${setting}.cidr must be an IPv4 network address with a prefix of /${VPC_PREFIX_RANGE.largest} to /${VPC_PREFIX_RANGE.smallest} (e.g. "10.0.0.0/16"), got ${describeValue(cidr)}`,
  };
}

function availabilityZoneRules(setting: string, settings: VpcNetworkSettings, region: string): ValidationRule[] {
  const zones = settings.availabilityZones;
  if (zones === undefined) {
    return settings.availabilityZoneCount === undefined
      ? []
      : [integerInRange(`${setting}.availabilityZoneCount`, settings.availabilityZoneCount, MIN_AVAILABILITY_ZONES, MAX_AVAILABILITY_ZONES)];
  }
  const zoneName = new RegExp(`^${region}[a-z]$`);
  return [
    {
      condition: settings.availabilityZoneCount === undefined,
      message: `${setting}.availabilityZoneCount must be left out when availabilityZones names the zones, got ${describeValue(settings.availabilityZoneCount)}`,
    },
    {
      condition: Array.isArray(zones) && zones.length >= MIN_AVAILABILITY_ZONES && zones.length <= MAX_AVAILABILITY_ZONES,
      message: `${setting}.availabilityZones must name ${MIN_AVAILABILITY_ZONES}-${MAX_AVAILABILITY_ZONES} zones, got ${describeValue(zones)}`,
    },
    ...(Array.isArray(zones) ? zones : []).map((zone, index) => ({
      condition: typeof zone === 'string' && zoneName.test(zone) && zones.indexOf(zone) === index,
      message: `${setting}.availabilityZones[${index}] must be a zone of ${region} (${region}a, ${region}b...) named once, got ${describeValue(zone)}`,
    })),
  ];
}

/** The checks of each tier's own layout: a mask that fits the tier's quarter, or 1-N (data: 2-N) given blocks. */
function tierLayoutRules(setting: string, settings: VpcNetworkSettings, vpc: Ipv4Cidr, zones: number): ValidationRule[] {
  return VPC_SUBNET_TIERS.flatMap((tier): ValidationRule[] => {
    const layout = tierLayout(settings, tier);
    const path = `${setting}.subnets.${tier}`;
    if (layout === false) {
      return tier === 'data' ? [{ condition: false, message: `${path} must be a layout ({ cidrMask } or { cidrs }): the data tier cannot be left out, got false` }] : [];
    }
    if ('cidrs' in layout) {
      const minimum = tier === 'data' ? DATA_TIER_MIN_ZONES : 1;
      const cidrs = layout.cidrs;
      return [
        {
          condition: Array.isArray(cidrs) && cidrs.length >= minimum && cidrs.length <= zones,
          message: `${path}.cidrs must list ${minimum === zones ? minimum : `${minimum}-${zones}`} blocks, one per Availability Zone in zone order${tier === 'data' ? ' (RDS subnet groups need two zones)' : ''}, got ${describeValue(cidrs)}`,
        },
        ...(Array.isArray(cidrs) ? cidrs : []).map((cidr, index) => {
          const block = Ipv4Cidr.parse(cidr);
          return {
            condition: block !== undefined && block.prefix <= SMALLEST_SUBNET_PREFIX && vpc.contains(block),
            message: `${path}.cidrs[${index}] must be an IPv4 block inside ${vpc} no smaller than /${SMALLEST_SUBNET_PREFIX}, got ${describeValue(cidr)}`,
          };
        }),
      ];
    }
    const largest = largestCarvedPrefix(vpc.prefix, zones);
    return [
      {
        condition: layout.cidrMask === undefined || (Number.isInteger(layout.cidrMask) && layout.cidrMask >= largest && layout.cidrMask <= SMALLEST_SUBNET_PREFIX),
        // A /24 VPC still fits three /28 subnets per quarter, so `largest` never passes SMALLEST_SUBNET_PREFIX.
        message: `${path}.cidrMask must be an integer ${largest}-${SMALLEST_SUBNET_PREFIX} (${zones} subnets in the tier's quarter of ${vpc}), got ${describeValue(layout.cidrMask ?? VPC_NETWORK_DEFAULTS.cidrMask)}`,
      },
    ];
  });
}

/** No two subnets share an address (checked once every tier's layout is valid). */
function disjointSubnetRules(setting: string, settings: VpcNetworkSettings, vpc: Ipv4Cidr): ValidationRule[] {
  const subnets = plannedSubnets(settings, vpc);
  return subnets.flatMap((subnet, index) =>
    subnets.slice(0, index).map((earlier) => ({
      condition: !subnet.cidr!.overlaps(earlier.cidr!),
      message: `${setting}.${subnet.source} must not overlap another subnet (${earlier.text} of ${setting}.${earlier.source}, zone ${earlier.zone + 1}), got ${describeValue(subnet.text)} in zone ${subnet.zone + 1}`,
    })),
  );
}

function natGatewayRules(setting: string, settings: VpcNetworkSettings, zones: number): ValidationRule[] {
  const nat = settings.natGateways;
  if (nat === undefined) return [];
  const publicTier = tierLayout(settings, 'public');
  if (publicTier === false) {
    return [{ condition: nat === 0, message: `${setting}.natGateways must be 0 without a public tier (NAT gateways live in public subnets), got ${describeValue(nat)}` }];
  }
  const publicSubnets = 'cidrs' in publicTier && Array.isArray(publicTier.cidrs) ? publicTier.cidrs.length : zones;
  return [
    {
      condition: Number.isInteger(nat) && nat >= 0 && nat <= publicSubnets,
      message: `${setting}.natGateways must be an integer 0-${publicSubnets} (at most one per public subnet, one per zone), got ${describeValue(nat)}`,
    },
  ];
}

function gatewayEndpointRules(setting: string, services: readonly string[] | undefined): ValidationRule[] {
  return (services ?? []).flatMap((service, index) => [
    oneOf(`${setting}.gatewayEndpoints[${index}]`, service, GATEWAY_ENDPOINT_SERVICES as readonly string[]),
    {
      condition: services!.indexOf(service) === index,
      message: `${setting}.gatewayEndpoints must name each service once, got ${describeValue(service)} twice`,
    },
  ]);
}

function interfaceEndpointRules(setting: string, settings: VpcNetworkSettings): ValidationRule[] {
  const endpoints = settings.interfaceEndpoints;
  if (endpoints === undefined) return [];
  const services = endpoints.services;
  const tier = endpoints.tier ?? VPC_NETWORK_DEFAULTS.interfaceEndpointTier;
  const tierRule = oneOf(`${setting}.interfaceEndpoints.tier`, tier, VPC_SUBNET_TIERS as readonly VpcSubnetTier[]);
  return [
    {
      condition: Array.isArray(services) && services.length > 0,
      message: `${setting}.interfaceEndpoints.services must name at least one service (or leave interfaceEndpoints out), got ${describeValue(services)}`,
    },
    ...(Array.isArray(services) ? services : []).flatMap((service, index) => [
      oneOf(`${setting}.interfaceEndpoints.services[${index}]`, service, INTERFACE_ENDPOINT_SERVICES as readonly string[]),
      {
        condition: services.indexOf(service) === index,
        message: `${setting}.interfaceEndpoints.services must name each service once, got ${describeValue(service)} twice`,
      },
    ]),
    tierRule,
    ...(tierRule.condition
      ? [
          {
            condition: tierLayout(settings, tier) !== false,
            message: `${setting}.interfaceEndpoints.tier must name a tier the VPC has (subnets.${tier} is false), got ${describeValue(tier)}`,
          },
        ]
      : []),
  ];
}

function flowLogRules(setting: string, flowLogs: VpcFlowLogSettings | false | undefined): ValidationRule[] {
  if (flowLogs === undefined || flowLogs === false) return [];
  return [
    ...(flowLogs.trafficType === undefined ? [] : [oneOf(`${setting}.flowLogs.trafficType`, flowLogs.trafficType, FLOW_LOG_TRAFFIC_TYPES)]),
    ...(flowLogs.maxAggregationIntervalSeconds === undefined
      ? []
      : [oneOf(`${setting}.flowLogs.maxAggregationIntervalSeconds`, flowLogs.maxAggregationIntervalSeconds, FLOW_LOG_AGGREGATION_INTERVALS as readonly number[])]),
    ...(flowLogs.retentionDays === undefined ? [] : [logRetentionRule(`${setting}.flowLogs.retentionDays`, flowLogs.retentionDays)]),
  ];
}

/**
 * The checks of a created VPC's settings, before anything is synthesized.
 * @param setting the settings' path (`content-hub.environments.prod.network.us-east-1.create`)
 * @param region the VPC's Region (zone names start with it)
 */
export function vpcNetworkRules(setting: string, settings: VpcNetworkSettings, region: string): ValidationRule[] {
  const cidrRule = vpcCidrRule(setting, settings.cidr);
  const zoneRules = availabilityZoneRules(setting, settings, region);
  const rules: ValidationRule[] = [cidrRule, ...zoneRules];
  // The layout is checked against a valid block and zone count only: one mistake, one message.
  if (cidrRule.condition && zoneRules.every((rule) => rule.condition)) {
    const vpc = Ipv4Cidr.parse(settings.cidr)!;
    const zones = availabilityZoneCount(settings);
    const layoutRules = tierLayoutRules(setting, settings, vpc, zones);
    rules.push(...layoutRules);
    if (layoutRules.every((rule) => rule.condition)) rules.push(...disjointSubnetRules(setting, settings, vpc));
    rules.push(...natGatewayRules(setting, settings, zones));
  }
  rules.push(
    ...gatewayEndpointRules(setting, settings.gatewayEndpoints),
    ...interfaceEndpointRules(setting, settings),
    ...(settings.applicationEgress === undefined ? [] : [oneOf(`${setting}.applicationEgress`, settings.applicationEgress, APPLICATION_EGRESS_MODES)]),
    ...flowLogRules(setting, settings.flowLogs),
  );
  return rules;
}

