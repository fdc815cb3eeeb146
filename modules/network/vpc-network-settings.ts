/**
 * The three subnet tiers a created VPC may have: `public` (NAT gateways, nothing of the data tier),
 * `private` (egress through NAT or VPC endpoints: Lambda functions) and `data` (no route out: databases,
 * proxies, caches).
 */
export const VPC_SUBNET_TIERS = ['public', 'private', 'data'] as const;
export type VpcSubnetTier = (typeof VPC_SUBNET_TIERS)[number];

/** One tier's subnets, one per Availability Zone: carved from the VPC's block, or given. */
export type SubnetTierLayout =
  | {
      /**
       * The prefix length of each subnet, carved from the tier's quarter of the VPC block (see docs/network.md).
       * @default 24
       */
      readonly cidrMask?: number;
    }
  | {
      /** The subnets' blocks, in the order of the Availability Zones (a tier may cover the first zones only). */
      readonly cidrs: readonly string[];
    };

/** The tiers of a created VPC. */
export interface VpcSubnetTiers {
  /**
   * Public subnets (NAT gateways live here; `false` leaves them out, and with them the internet gateway).
   * @default { cidrMask: 24 }
   */
  readonly public?: SubnetTierLayout | false;
  /**
   * Private subnets with egress (`false` leaves them out: functions then run in the data subnets).
   * @default { cidrMask: 24 }
   */
  readonly private?: SubnetTierLayout | false;
  /**
   * Isolated subnets for the data tier, in two zones at least (RDS subnet groups require two).
   * @default { cidrMask: 24 }
   */
  readonly data?: SubnetTierLayout;
}

/** The gateway endpoints AWS offers (free; routes in the private and data route tables). */
export const GATEWAY_ENDPOINT_SERVICES = ['s3', 'dynamodb'] as const;
export type GatewayEndpointService = (typeof GATEWAY_ENDPOINT_SERVICES)[number];

/** Where the applications' security group may send traffic. */
export const APPLICATION_EGRESS_MODES = ['all', 'within-vpc'] as const;
export type ApplicationEgress = (typeof APPLICATION_EGRESS_MODES)[number];

/** Interface endpoints of a created VPC. */
export interface InterfaceEndpointSettings {
  /** Services by their short name (`secretsmanager`, `logs`, `bedrock-runtime`...; INTERFACE_ENDPOINT_SERVICES lists them). */
  readonly services: readonly string[];
  /**
   * The tier whose subnets hold the endpoints' network interfaces (one per zone of the tier).
   * @default 'data'
   */
  readonly tier?: VpcSubnetTier;
}

/** What VPC flow logs record. */
export const FLOW_LOG_TRAFFIC_TYPES = ['ALL', 'ACCEPT', 'REJECT'] as const;
export type FlowLogTrafficType = (typeof FLOW_LOG_TRAFFIC_TYPES)[number];

/** The aggregation intervals flow logs accept, in seconds. */
export const FLOW_LOG_AGGREGATION_INTERVALS = [60, 600] as const;

/** VPC flow logs of a created VPC. */
export interface VpcFlowLogSettings {
  /**
   * Which traffic is recorded.
   * @default 'ALL'
   */
  readonly trafficType?: FlowLogTrafficType;
  /**
   * Seconds over which a flow is aggregated into one record: 60 or 600.
   * @default 600
   */
  readonly maxAggregationIntervalSeconds?: number;
  /**
   * Days CloudWatch Logs keeps the records.
   * @default - the environment policy's logRetentionDays
   */
  readonly retentionDays?: number;
}

/** A VPC the stack creates: what an environment configures for `network.<region>.create`. */
export interface VpcNetworkSettings {
  /** The VPC's IPv4 block, /16 to /24 (`10.0.0.0/16`). */
  readonly cidr: string;
  /**
   * The Availability Zones by name (`eu-west-2a`), two or three.
   * @default - the first `availabilityZoneCount` zones of the Region that are available and need no opt-in
   */
  readonly availabilityZones?: readonly string[];
  /**
   * How many zones to take from the Region's available zones when `availabilityZones` is not given: 2 or 3.
   * @default 2
   */
  readonly availabilityZoneCount?: number;
  /**
   * The subnet tiers and their sizes.
   * @default - public, private and data tiers, a /24 per zone each
   */
  readonly subnets?: VpcSubnetTiers;
  /**
   * NAT gateways, each in the public subnet of one zone (the first `natGateways` zones); private subnets of
   * a zone without one use the NAT gateway of zone `index mod natGateways`.
   * @default - 1 with a public tier, 0 without
   */
  readonly natGateways?: number;
  /**
   * Gateway endpoints, on the route tables of the private and data tiers.
   * @default ['s3', 'dynamodb']
   */
  readonly gatewayEndpoints?: readonly GatewayEndpointService[];
  /**
   * Interface endpoints with private DNS, admitting HTTPS from the application security group only.
   * @default - none
   */
  readonly interfaceEndpoints?: InterfaceEndpointSettings;
  /**
   * Where the application security group may send traffic: `all` (anywhere, as NAT allows), or `within-vpc`
   * (the VPC's block, and HTTPS to the gateway endpoints' prefix lists: AWS APIs only through endpoints).
   * @default 'all'
   */
  readonly applicationEgress?: ApplicationEgress;
  /**
   * VPC flow logs to a KMS-encrypted CloudWatch Logs group (`false` turns them off).
   * @default { trafficType: 'ALL', maxAggregationIntervalSeconds: 600 } kept the environment policy's logRetentionDays
   */
  readonly flowLogs?: VpcFlowLogSettings | false;
}

/** A created VPC's defaults, in one place (docs/network.md quotes them; a test compares). */
export const VPC_NETWORK_DEFAULTS = {
  availabilityZoneCount: 2,
  cidrMask: 24,
  gatewayEndpoints: ['s3', 'dynamodb'] as readonly GatewayEndpointService[],
  interfaceEndpointTier: 'data' as VpcSubnetTier,
  applicationEgress: 'all' as ApplicationEgress,
  flowLogTrafficType: 'ALL' as FlowLogTrafficType,
  flowLogMaxAggregationIntervalSeconds: 600,
} as const;

/** One NAT gateway where there is a public tier to hold it, none otherwise. */
export function defaultNatGateways(hasPublicTier: boolean): number {
  return hasPublicTier ? 1 : 0;
}
