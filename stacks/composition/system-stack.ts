import { Annotations, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmTopics } from '../../modules/alarms';
import { configureStateBackend } from '../../modules/backend';
import { EnvironmentPolicy, RegionContext } from '../../modules/context';
import { ResourceNaming } from '../../modules/naming';
import { NetworkPlacement, RegionNetwork, VpcNetwork } from '../../modules/network';
import { RegionalProviders } from '../../modules/providers';
import { regionConstructId } from '../../modules/regions';
import { EnvironmentConfig, environmentRegions, NetworkConfig } from '../common/environment';
import { resolveEnvironmentPolicy, riskyPolicyWarnings } from '../common/environment-policy';
import { Component, StackContext } from './component';
import { CreatedNetwork, declareNetworkOutputs } from './network-outputs';

/** Terraform 1.11 is the first with write-only arguments; 1.10 brought S3-native state locking. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.11';

/** The `default_tags` every aws resource of a system's environment carries. */
export function defaultTags(system: string, environment: string): Record<string, string> {
  return { Project: system, Environment: environment, ManagedBy: 'DataStack', Component: 'database' };
}

export interface SystemStackProps {
  /** The system, the stack name's prefix (`gaming-platform`). */
  readonly system: string;
  /** The environment's validated configuration. */
  readonly environment: EnvironmentConfig;
  /** The system's components for this environment, in the order they are built. */
  readonly components: readonly Component[];
}

/** A Region's network from configuration: looked up (IDs or tags), or created. */
function regionNetwork(stack: SystemStack, region: string, config: NetworkConfig): RegionNetwork {
  const id = `Network${regionConstructId(region)}`;
  const provider = stack.providers.forRegion(region);
  if ('create' in config) return new VpcNetwork(stack, id, { ...config.create, provider, region, naming: stack.naming, policy: stack.policy });
  return new NetworkPlacement(stack, id, { config, provider });
}

/**
 * One `<system>-<environment>` stack: its state backend, its providers (one per Region, with default tags
 * and account guards), and per Region its network and alarm topics — the Region contexts — then the
 * system's components, built in order.
 */
export class SystemStack extends TerraformStack implements StackContext {
  public readonly scope: Construct = this;
  public readonly system: string;
  public readonly environment: EnvironmentConfig;
  public readonly policy: EnvironmentPolicy;
  public readonly naming: ResourceNaming;
  public readonly regions: readonly string[];
  public readonly primaryRegion: string;
  public readonly secondaryRegion?: string;
  public readonly providers: RegionalProviders;
  private readonly contexts = new Map<string, RegionContext>();

  constructor(scope: Construct, props: SystemStackProps) {
    super(scope, `${props.system}-${props.environment.name}`);
    const { environment } = props;
    this.system = props.system;
    this.environment = environment;
    this.policy = resolveEnvironmentPolicy(environment);
    this.naming = new ResourceNaming(props.system, environment.name);
    this.regions = environmentRegions(environment);
    this.primaryRegion = environment.primaryRegion;
    this.secondaryRegion = environment.secondaryRegion;
    for (const warning of riskyPolicyWarnings('policy', this.policy)) Annotations.of(this).addWarning(warning);

    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    configureStateBackend(this, props.system, environment.name, environment.stateBackend);
    this.providers = new RegionalProviders(this, 'Providers', {
      primaryRegion: environment.primaryRegion,
      regions: this.regions,
      defaultTags: defaultTags(props.system, environment.name),
      allowedAccountIds: environment.allowedAccountIds,
      assumeRoleArn: environment.assumeRoleArn,
    });
    const createdNetworks: CreatedNetwork[] = [];
    for (const region of this.regions) {
      const config = environment.network[region];
      const network = regionNetwork(this, region, config);
      if (network instanceof VpcNetwork) createdNetworks.push({ region, network, names: 'create' in config ? config.outputs : undefined });
      const provider = this.providers.forRegion(region);
      const alarmTopics = new AlarmTopics(this, `AlarmTopics${regionConstructId(region)}`, {
        provider,
        region,
        naming: this.naming,
        existingTopicArns: environment.alarms?.existingTopics?.[region],
        subscriptions: environment.alarms?.existingTopics?.[region] === undefined ? environment.alarms?.subscriptions : undefined,
      });
      this.contexts.set(region, { region, provider, naming: this.naming, network, alarmTopics, policy: this.policy });
    }
    declareNetworkOutputs(this, createdNetworks, this.regions.length > 1);
    for (const component of props.components) component.build(this);
  }

  /** The context of one of the stack's Regions. */
  region(region: string): RegionContext {
    const context = this.contexts.get(region);
    if (context === undefined) throw new Error(`${this.node.id} has no Region ${region}; it uses ${this.regions.join(', ')}`);
    return context;
  }
}
