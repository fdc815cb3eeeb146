import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { CustomerManagedKey } from '../kms';
import { cloudWatchLogsKeyGrant, EncryptedLogGroup, logGroupArn } from '../logs';
import { PostgresLogExport } from './postgres-instance-settings';

/** One instance whose logs are exported: its construct-id name and its identifier. */
export interface LoggedInstance {
  /** Names its log groups among the construct's children (`Primary`, `Replica1`): keep it stable. */
  readonly id: string;
  /** The DB instance identifier, part of the log group's name. */
  readonly identifier: string;
}

export interface InstanceLogGroupsProps {
  readonly provider: AwsProvider;
  readonly region: string;
  /** The primary's identifier: names the key (`<identifier>-logs`). */
  readonly keyOwner: string;
  /** The primary and its replicas. */
  readonly instances: readonly LoggedInstance[];
  /** The logs every instance exports. */
  readonly logExports: readonly PostgresLogExport[];
  /** Days CloudWatch Logs keeps them. */
  readonly retentionDays: number;
  /** `lifecycle { prevent_destroy }` on the groups and the key. */
  readonly preventDestroy: boolean;
}

/**
 * The log groups RDS exports an instance's logs to (`/aws/rds/instance/<identifier>/<log>`), made before the
 * instances (RDS would otherwise create them unencrypted and keep them forever) and encrypted with one key
 * that CloudWatch Logs may use for exactly these groups.
 */
export class InstanceLogGroups extends Construct {
  private readonly groups = new Map<string, EncryptedLogGroup[]>();

  constructor(scope: Construct, id: string, props: InstanceLogGroupsProps) {
    super(scope, id);
    if (props.logExports.length === 0) return;
    const { provider, region } = props;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const names = props.instances.flatMap((instance) => props.logExports.map((log) => ({ instance, log, name: `/aws/rds/instance/${instance.identifier}/${log}` })));
    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts the exported PostgreSQL logs of ${props.keyOwner} and its replicas`,
      aliasName: `${props.keyOwner}-logs`,
      preventDestroy: props.preventDestroy,
      serviceGrants: names.map(({ name }) =>
        cloudWatchLogsKeyGrant(region, logGroupArn({ partition: partition.partition, region, accountId: account.accountId, name })),
      ),
    });
    for (const { instance, log, name } of names) {
      const group = new EncryptedLogGroup(this, `${instance.id}${log.charAt(0).toUpperCase()}${log.slice(1)}`, {
        provider,
        region,
        name,
        writer: `RDS instance ${instance.identifier}`,
        keyAliasName: `${props.keyOwner}-logs`,
        kmsKeyArn: key.arn,
        retentionInDays: props.retentionDays,
        preventDestroy: props.preventDestroy,
      });
      this.groups.set(instance.id, [...(this.groups.get(instance.id) ?? []), group]);
    }
  }

  /** The log groups of one instance: it depends on them. */
  logGroupsOf(instanceId: string): ITerraformDependable[] {
    return (this.groups.get(instanceId) ?? []).map((group) => group.logGroup);
  }
}
