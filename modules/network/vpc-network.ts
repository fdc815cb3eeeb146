import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Annotations, Fn } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceNaming } from '../naming';
import { assertValid } from '../validation';
import { ApplicationSecurityGroup } from './application-security-group';
import { DataTierSecurityGroup } from './data-tier-security-group';
import { endpointServiceName } from './endpoint-services';
import { RegionNetwork } from './region-network';
import { availabilityZoneCount, subnetCidrsByTier, tierLayout } from './subnet-layout';
import { vpcNetworkRules } from './validate-vpc-network';
import { VpcFlowLogs } from './vpc-flow-logs';
import {
  ApplicationEgress,
  defaultNatGateways,
  FlowLogTrafficType,
  GatewayEndpointService,
  VPC_NETWORK_DEFAULTS,
  VpcNetworkSettings,
  VpcSubnetTier,
} from './vpc-network-settings';

/** What the environment's policy decides for a created network (an EnvironmentPolicy satisfies it). */
export interface NetworkPolicy {
  /** The flow logs' retention unless their settings give one. */
  readonly logRetentionDays: number;
  /** `prevent_destroy` on the flow logs' log group and key. */
  readonly preventDestroy: boolean;
  /** Risky layouts (a single NAT gateway for several zones) raise synthesis warnings. */
  readonly production: boolean;
}

export interface VpcNetworkProps extends VpcNetworkSettings {
  /** The aws provider of the VPC's Region. */
  readonly provider: AwsProvider;
  /** The VPC's Region. */
  readonly region: string;
  /** Physical names: the VPC is `<system>-<environment>-vpc-<region>`. */
  readonly naming: ResourceNaming;
  readonly policy: NetworkPolicy;
}

/** A created VPC's settings with every default applied. */
export interface ResolvedVpcNetworkSettings {
  readonly cidr: string;
  /** The zones by name, or undefined when they are taken from the Region's available zones. */
  readonly availabilityZones?: readonly string[];
  readonly availabilityZoneCount: number;
  /** Each tier's subnet blocks in zone order; empty for a tier left out. */
  readonly subnets: Readonly<Record<VpcSubnetTier, string[]>>;
  readonly natGateways: number;
  readonly gatewayEndpoints: readonly GatewayEndpointService[];
  readonly interfaceEndpoints?: { readonly services: readonly string[]; readonly tier: VpcSubnetTier };
  readonly applicationEgress: ApplicationEgress;
  readonly flowLogs?: { readonly trafficType: FlowLogTrafficType; readonly maxAggregationIntervalSeconds: number; readonly retentionDays: number };
}

/** Applies the defaults, once (the settings must be valid: see vpcNetworkRules). */
export function resolveVpcNetworkSettings(settings: VpcNetworkSettings, policy: Pick<NetworkPolicy, 'logRetentionDays'>): ResolvedVpcNetworkSettings {
  const flowLogs = settings.flowLogs;
  return {
    cidr: settings.cidr,
    availabilityZones: settings.availabilityZones,
    availabilityZoneCount: availabilityZoneCount(settings),
    subnets: subnetCidrsByTier(settings),
    natGateways: settings.natGateways ?? defaultNatGateways(tierLayout(settings, 'public') !== false),
    gatewayEndpoints: settings.gatewayEndpoints ?? VPC_NETWORK_DEFAULTS.gatewayEndpoints,
    interfaceEndpoints:
      settings.interfaceEndpoints === undefined
        ? undefined
        : { services: settings.interfaceEndpoints.services, tier: settings.interfaceEndpoints.tier ?? VPC_NETWORK_DEFAULTS.interfaceEndpointTier },
    applicationEgress: settings.applicationEgress ?? VPC_NETWORK_DEFAULTS.applicationEgress,
    flowLogs:
      flowLogs === false
        ? undefined
        : {
            trafficType: flowLogs?.trafficType ?? VPC_NETWORK_DEFAULTS.flowLogTrafficType,
            maxAggregationIntervalSeconds: flowLogs?.maxAggregationIntervalSeconds ?? VPC_NETWORK_DEFAULTS.flowLogMaxAggregationIntervalSeconds,
            retentionDays: flowLogs?.retentionDays ?? policy.logRetentionDays,
          },
  };
}

/** How each tier's subnets are tagged: `Tier=isolated` for the data tier, as tagged look-ups (NetworkPlacement) expect. */
export const SUBNET_TIER_TAGS: Readonly<Record<VpcSubnetTier, string>> = { public: 'public', private: 'private', data: 'isolated' };

/** `bedrock-runtime` -> `BedrockRuntime`, `ecr.api` -> `EcrApi`, for construct ids. */
function pascalCase(name: string): string {
  return name
    .split(/[-.]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

const TIER_IDS: Readonly<Record<VpcSubnetTier, string>> = { public: 'Public', private: 'Private', data: 'Data' };

/**
 * A VPC created in the stack, with the same shape as a looked-up network (`RegionNetwork`), so components
 * never care which it was.
 *
 * In two or three Availability Zones: public, private-with-egress and isolated data subnets (one per zone and
 * tier, laid out by `subnetCidrsByTier`), an internet gateway when there is a public tier, NAT gateways with
 * Elastic IPs, route tables per tier (the data tier's has no default route), gateway endpoints on the private
 * and data route tables, interface endpoints with private DNS behind a security group that admits HTTPS from
 * the application security group only, the application security group itself, the default security group
 * stripped of every rule, and flow logs to a KMS-encrypted log group.
 */
export class VpcNetwork extends Construct implements RegionNetwork {
  public readonly vpc: Vpc;
  public readonly vpcId: string;
  public readonly cidrBlock: string;
  /** The VPC's physical name (its Name tag). */
  public readonly vpcName: string;
  /** The zones, in the order subnets are placed (tokens when taken from the Region's available zones). */
  public readonly availabilityZones: string[];
  public readonly publicSubnetIds: string[] = [];
  /** The private subnets; the data subnets when the VPC has no private tier. */
  public readonly privateSubnetIds: string[];
  public readonly dataSubnetIds: string[] = [];
  public readonly natGatewayIds: string[] = [];
  /** The group applications carry. */
  public readonly applicationSecurityGroupId: string;
  public readonly applicationSecurityGroupIds: string[];
  /** The interface endpoints' group, when the VPC has interface endpoints. */
  public readonly endpointSecurityGroupId?: string;
  /** The flow logs, unless turned off. */
  public readonly flowLogs?: VpcFlowLogs;
  public readonly settings: ResolvedVpcNetworkSettings;
  private readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: VpcNetworkProps) {
    super(scope, id);
    const { provider, region, naming, policy } = props;
    assertValid(vpcNetworkRules('network', props, region));
    const settings = resolveVpcNetworkSettings(props, policy);
    this.settings = settings;
    this.provider = provider;
    this.vpcName = naming.name('vpc', region);

    this.vpc = new Vpc(this, 'Vpc', {
      provider,
      cidrBlock: settings.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: this.vpcName },
    });
    this.vpcId = this.vpc.id;
    this.cidrBlock = settings.cidr;
    // Managing the default group strips its rules: nothing that lands in it by accident can talk to anything.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', {
      provider,
      vpcId: this.vpcId,
      ingress: [],
      egress: [],
      tags: { Name: `${this.vpcName}-default-no-rules` },
    });

    this.availabilityZones = this.zones(settings);
    const fromDataSource = settings.availabilityZones === undefined;
    const subnets = (tier: VpcSubnetTier) =>
      settings.subnets[tier].map(
        (cidr, zone) =>
          new Subnet(this, `${TIER_IDS[tier]}Subnet${zone + 1}`, {
            provider,
            vpcId: this.vpcId,
            cidrBlock: cidr,
            availabilityZone: this.availabilityZones[zone],
            // Nothing of the data layer runs in the public tier but NAT gateways, which carry Elastic IPs.
            mapPublicIpOnLaunch: false,
            tags: { Name: `${this.vpcName}-${tier}-${zone + 1}`, Tier: SUBNET_TIER_TAGS[tier] },
            // A zone read from the Region's list stays the subnet's zone even if the list changes later.
            lifecycle: fromDataSource ? { ignoreChanges: ['availability_zone'] } : undefined,
          }),
      );
    const publicSubnets = subnets('public');
    const privateSubnets = subnets('private');
    const dataSubnets = subnets('data');
    this.publicSubnetIds.push(...publicSubnets.map((subnet) => subnet.id));
    this.dataSubnetIds.push(...dataSubnets.map((subnet) => subnet.id));
    this.privateSubnetIds = privateSubnets.length > 0 ? privateSubnets.map((subnet) => subnet.id) : [...this.dataSubnetIds];

    const natGateways = this.publicTier(publicSubnets, settings.natGateways);
    const privateRouteTables = this.privateTier(privateSubnets, natGateways);
    const dataRouteTable = this.routeTable('DataRouteTable', 'data', dataSubnets);
    const gatewayEndpoints = settings.gatewayEndpoints.map((service) => ({
      service,
      endpoint: new VpcEndpoint(this, `GatewayEndpoint${pascalCase(service)}`, {
        provider,
        vpcId: this.vpcId,
        serviceName: endpointServiceName(region, service),
        vpcEndpointType: 'Gateway',
        routeTableIds: [...privateRouteTables, dataRouteTable].map((table) => table.id),
        tags: { Name: `${this.vpcName}-${service}` },
      }),
    }));

    const application = new ApplicationSecurityGroup(this, 'ApplicationSecurityGroup', {
      provider,
      vpcId: this.vpcId,
      vpcCidr: settings.cidr,
      namePrefix: naming.name('application', region),
      egress: settings.applicationEgress,
      gatewayEndpointPrefixLists: gatewayEndpoints.map(({ service, endpoint }) => ({ service, prefixListId: endpoint.prefixListId })),
    });
    this.applicationSecurityGroupId = application.securityGroupId;
    this.applicationSecurityGroupIds = [application.securityGroupId];

    if (settings.interfaceEndpoints !== undefined) {
      const { services, tier } = settings.interfaceEndpoints;
      const endpointGroup = new DataTierSecurityGroup(this, 'EndpointSecurityGroup', {
        provider,
        namePrefix: naming.name('endpoints', region),
        description: `Interface endpoints of ${this.vpcName}`,
        vpcId: this.vpcId,
        ports: [443],
        sourceSecurityGroupIds: this.applicationSecurityGroupIds,
      });
      this.endpointSecurityGroupId = endpointGroup.securityGroupId;
      const tierSubnets = { public: publicSubnets, private: privateSubnets, data: dataSubnets }[tier];
      for (const service of services) {
        new VpcEndpoint(this, `InterfaceEndpoint${pascalCase(service)}`, {
          provider,
          vpcId: this.vpcId,
          serviceName: endpointServiceName(region, service),
          vpcEndpointType: 'Interface',
          privateDnsEnabled: true,
          subnetIds: tierSubnets.map((subnet) => subnet.id),
          securityGroupIds: [endpointGroup.securityGroupId],
          tags: { Name: `${this.vpcName}-${service}` },
        });
      }
    }

    if (settings.flowLogs !== undefined) {
      this.flowLogs = new VpcFlowLogs(this, 'FlowLogs', {
        provider,
        region,
        vpcId: this.vpcId,
        vpcName: this.vpcName,
        trafficType: settings.flowLogs.trafficType,
        maxAggregationIntervalSeconds: settings.flowLogs.maxAggregationIntervalSeconds,
        retentionInDays: settings.flowLogs.retentionDays,
        preventDestroy: policy.preventDestroy,
      });
    }

    if (policy.production && settings.natGateways === 1 && privateSubnets.length > 1) {
      Annotations.of(this).addWarning(
        `network.natGateways is 1 for ${privateSubnets.length} zones in production: the private subnets of every zone lose their egress when the NAT gateway's zone fails`,
      );
    }
  }

  /** The zones by name, or the first N of the Region's available zones that need no opt-in (no Local Zones). */
  private zones(settings: ResolvedVpcNetworkSettings): string[] {
    if (settings.availabilityZones !== undefined) return [...settings.availabilityZones];
    const available = new DataAwsAvailabilityZones(this, 'AvailabilityZones', {
      provider: this.provider,
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    // The list's length is known at plan only; the count is known now, so each subnet takes one element.
    return Array.from({ length: settings.availabilityZoneCount }, (_, zone) => Fn.element(available.names, zone));
  }

  /** The internet gateway, the public route table and the NAT gateways (in the first zones' public subnets). */
  private publicTier(publicSubnets: Subnet[], natCount: number): NatGateway[] {
    if (publicSubnets.length === 0) return [];
    const provider = this.provider;
    const internetGateway = new InternetGateway(this, 'InternetGateway', { provider, vpcId: this.vpcId, tags: { Name: this.vpcName } });
    const table = this.routeTable('PublicRouteTable', 'public', publicSubnets);
    new Route(this, 'PublicDefaultRoute', { provider, routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id });
    return publicSubnets.slice(0, natCount).map((subnet, index) => {
      const address = new Eip(this, `NatAddress${index + 1}`, { provider, domain: 'vpc', tags: { Name: `${this.vpcName}-nat-${index + 1}` } });
      const nat = new NatGateway(this, `NatGateway${index + 1}`, {
        provider,
        allocationId: address.allocationId,
        subnetId: subnet.id,
        connectivityType: 'public',
        tags: { Name: `${this.vpcName}-nat-${index + 1}` },
        // AWS: a NAT gateway's traffic needs the internet gateway attached first.
        dependsOn: [internetGateway],
      });
      this.natGatewayIds.push(nat.id);
      return nat;
    });
  }

  /**
   * The private route tables: one per zone when there are several NAT gateways (zone i to NAT i mod N, so
   * with one per zone each zone uses its own), else one for every zone (to the single NAT, or with no
   * default route when there is none).
   */
  private privateTier(privateSubnets: Subnet[], natGateways: NatGateway[]): RouteTable[] {
    if (privateSubnets.length === 0) return [];
    const perZone = natGateways.length > 1;
    const tables = perZone
      ? privateSubnets.map((subnet, zone) => this.routeTable(`PrivateRouteTable${zone + 1}`, 'private', [subnet], zone))
      : [this.routeTable('PrivateRouteTable1', 'private', privateSubnets)];
    if (natGateways.length > 0) {
      tables.forEach((table, index) => {
        new Route(this, `PrivateDefaultRoute${index + 1}`, {
          provider: this.provider,
          routeTableId: table.id,
          destinationCidrBlock: '0.0.0.0/0',
          natGatewayId: natGateways[index % natGateways.length].id,
        });
      });
    }
    return tables;
  }

  /** A route table for a tier's subnets (its own routes are added by the caller). */
  private routeTable(id: string, tier: VpcSubnetTier, subnets: Subnet[], zone?: number): RouteTable {
    const table = new RouteTable(this, id, {
      provider: this.provider,
      vpcId: this.vpcId,
      tags: { Name: `${this.vpcName}-${tier}${zone === undefined ? '' : `-${zone + 1}`}`, Tier: SUBNET_TIER_TAGS[tier] },
    });
    for (const subnet of subnets) {
      new RouteTableAssociation(this, `${subnet.node.id}RouteTable`, { provider: this.provider, subnetId: subnet.id, routeTableId: table.id });
    }
    return table;
  }
}
