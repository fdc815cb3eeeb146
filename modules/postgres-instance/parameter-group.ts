import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { parameterBlocks } from '../rds';
import { PostgresEngineVersion } from './engine-version';

export interface PostgresParameterGroupProps {
  /** The aws provider of the instance's Region. */
  readonly provider: AwsProvider;
  /** The group's name prefix (`skillancer-prod-postgres-us-east-1`); AWS appends a unique suffix. */
  readonly namePrefix: string;
  /** The engine version whose family (`postgres16`) the group belongs to. */
  readonly engineVersion: PostgresEngineVersion;
  /** Every parameter, DataStack's merged with the instance's own. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** `<identifier>-<family>-`: the group's name prefix (the provider appends a unique suffix). */
export function postgresParameterGroupNamePrefix(identifier: string, engineVersion: PostgresEngineVersion): string {
  return `${identifier}-${engineVersion.parameterGroupFamily}-`;
}

/**
 * The DB parameter group the instance and its read replicas share, of the engine's family; static parameters
 * are applied at the next reboot (`pending-reboot`), dynamic ones at once.
 *
 * Named by prefix with create_before_destroy: a major upgrade changes the family, which replaces the group,
 * and the instance must move to the new group before the old one can be deleted.
 */
export class PostgresParameterGroup extends Construct {
  public readonly name: string;

  constructor(scope: Construct, id: string, props: PostgresParameterGroupProps) {
    super(scope, id);
    const family = props.engineVersion.parameterGroupFamily;
    const group = new DbParameterGroup(this, 'Group', {
      provider: props.provider,
      namePrefix: postgresParameterGroupNamePrefix(props.namePrefix, props.engineVersion),
      family,
      description: `Parameters of ${props.namePrefix}`,
      parameter: parameterBlocks(props.parameters),
      lifecycle: { createBeforeDestroy: true },
    });
    this.name = group.name;
  }
}
