import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';
import { Construct } from 'constructs';
import { DEFAULT_POSTGRES_PARAMETERS, parameterBlocks } from '../rds';
import { auroraParameterGroupNamePrefix } from './aurora-names';
import { AuroraPostgresEngineVersion } from './engine-version';

export interface AuroraParameterGroupsProps {
  /** The aws provider of the cluster's Region. */
  readonly provider: AwsProvider;
  /** The cluster's identifier (`gaming-platform-prod-aurora-eu-west-2`): the groups' names start with it and the family. */
  readonly clusterIdentifier: string;
  /** The engine version whose family the groups belong to. */
  readonly engineVersion: AuroraPostgresEngineVersion;
  /**
   * Cluster parameters over DataStack's (`rds.force_ssl=1`, `shared_preload_libraries=pg_stat_statements`,
   * `log_min_duration_statement=1000`).
   * @default - DataStack's only
   */
  readonly clusterParameters?: Readonly<Record<string, string>>;
  /**
   * Instance parameters.
   * @default - none
   */
  readonly instanceParameters?: Readonly<Record<string, string>>;
}

/**
 * A cluster parameter group and an instance parameter group of the engine's family.
 *
 * Named by prefix with create_before_destroy: a major upgrade changes the family, which replaces the
 * groups, and the cluster must be moved to the new group before the old one can be deleted.
 */
export class AuroraParameterGroups extends Construct {
  public readonly clusterParameterGroupName: string;
  public readonly instanceParameterGroupName: string;

  constructor(scope: Construct, id: string, props: AuroraParameterGroupsProps) {
    super(scope, id);
    const { provider, engineVersion } = props;
    const family = engineVersion.parameterGroupFamily;
    const namePrefix = auroraParameterGroupNamePrefix(props.clusterIdentifier, engineVersion);
    const cluster = new RdsClusterParameterGroup(this, 'Cluster', {
      provider,
      namePrefix,
      family,
      description: `Cluster parameters of ${props.clusterIdentifier}`,
      parameter: parameterBlocks({ ...DEFAULT_POSTGRES_PARAMETERS, ...props.clusterParameters }),
      lifecycle: { createBeforeDestroy: true },
    });
    const instance = new DbParameterGroup(this, 'Instance', {
      provider,
      namePrefix,
      family,
      description: `Instance parameters of ${props.clusterIdentifier}`,
      parameter: parameterBlocks(props.instanceParameters ?? {}),
      lifecycle: { createBeforeDestroy: true },
    });
    this.clusterParameterGroupName = cluster.name;
    this.instanceParameterGroupName = instance.name;
  }
}
