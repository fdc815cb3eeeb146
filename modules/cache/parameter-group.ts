import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { DEFAULT_CACHE_PARAMETERS } from './defaults';
import { CacheEngineVersion } from './engine-version';

export interface CacheParameterGroupProps {
  readonly provider: AwsProvider;
  /** The group's name before its family (`gaming-platform-prod-redis-eu-west-2` -> `...-redis7`). */
  readonly namePrefix: string;
  readonly engineVersion: CacheEngineVersion;
  /** Cluster mode enabled needs `cluster-enabled yes` in a custom group. */
  readonly clusterMode: boolean;
  /**
   * Parameters over the defaults.
   * @default - none
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * `notify-keyspace-events` flags.
   * @default - not set
   */
  readonly notifyKeyspaceEvents?: string;
}

/** The parameters a group gets: defaults, cluster mode, keyspace events when asked, then overrides. */
export function cacheParameters(props: Omit<CacheParameterGroupProps, 'provider' | 'namePrefix' | 'engineVersion'>): Record<string, string> {
  return {
    ...DEFAULT_CACHE_PARAMETERS,
    ...(props.clusterMode ? { 'cluster-enabled': 'yes' } : {}),
    ...(props.notifyKeyspaceEvents !== undefined ? { 'notify-keyspace-events': props.notifyKeyspaceEvents } : {}),
    ...props.parameters,
  };
}

/** A cache parameter group of the engine version's family with DataStack's parameters. */
export class CacheParameterGroup extends Construct {
  public readonly parameterGroup: ElasticacheParameterGroup;
  public readonly name: string;

  constructor(scope: Construct, id: string, props: CacheParameterGroupProps) {
    super(scope, id);
    const parameters = cacheParameters(props);
    const family = props.engineVersion.parameterGroupFamily;
    this.parameterGroup = new ElasticacheParameterGroup(this, 'ParameterGroup', {
      provider: props.provider,
      // The family in the name lets a major upgrade create the new group before the old one goes.
      name: `${props.namePrefix}-${family}`,
      family,
      description: `${props.engineVersion} parameters of ${props.namePrefix}`,
      parameter: Object.entries(parameters)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => ({ name, value })),
      // A group in use cannot be deleted.
      lifecycle: { createBeforeDestroy: true },
    });
    this.name = this.parameterGroup.name;
  }
}
