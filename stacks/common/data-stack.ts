import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { configureStateBackend } from '../../modules/backend/environment-state-backend';
import { ResourceNaming } from '../../modules/naming/resource-naming';
import { NetworkPlacement } from '../../modules/network/network-placement';
import { RegionalProviders } from '../../modules/providers/regional-providers';
import { regionConstructId } from '../../modules/regions/aws-regions';
import { EnvironmentConfig, environmentRegions } from './environment';

/** Terraform 1.11 is the first with write-only arguments; 1.10 brought S3-native state locking. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.11';

/** The `default_tags` every aws resource of a system's environment carries. */
export function defaultTags(system: string, environment: string): Record<string, string> {
  return { Project: system, Environment: environment, ManagedBy: 'DataStack', Component: 'database' };
}

export interface DataStackProps {
  /** The system, the stack name's prefix (`gaming-platform`). */
  readonly system: string;
  /** The environment's validated configuration. */
  readonly environment: EnvironmentConfig;
}

/**
 * What every `<system>-<environment>` stack has: its state backend, its providers (one per Region,
 * with default tags and account guards), and its network placement in each Region.
 */
export class DataStack extends TerraformStack {
  public readonly naming: ResourceNaming;
  public readonly environment: EnvironmentConfig;
  /** The Regions the stack uses, primary first. */
  public readonly regions: readonly string[];
  public readonly providers: RegionalProviders;
  private readonly networks = new Map<string, NetworkPlacement>();

  constructor(scope: Construct, props: DataStackProps) {
    super(scope, `${props.system}-${props.environment.name}`);
    const { environment } = props;
    this.environment = environment;
    this.naming = new ResourceNaming(props.system, environment.name);
    this.regions = environmentRegions(environment);

    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    configureStateBackend(this, props.system, environment.name, environment.stateBackend);
    this.providers = new RegionalProviders(this, 'Providers', {
      primaryRegion: environment.primaryRegion,
      regions: this.regions,
      defaultTags: defaultTags(props.system, environment.name),
      allowedAccountIds: environment.allowedAccountIds,
      assumeRoleArn: environment.assumeRoleArn,
    });
    for (const region of this.regions) {
      this.networks.set(
        region,
        new NetworkPlacement(this, `Network${regionConstructId(region)}`, {
          config: environment.network[region],
          provider: this.providers.forRegion(region),
        }),
      );
    }
  }

  /** The data tier's network placement in one of the stack's Regions. */
  networkFor(region: string): NetworkPlacement {
    const network = this.networks.get(region);
    if (network === undefined) {
      throw new Error(`No network placement for Region ${region}; this stack uses ${this.regions.join(', ')}`);
    }
    return network;
  }
}
