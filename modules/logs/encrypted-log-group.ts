import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { CustomerManagedKey, KeyServiceGrant } from '../kms';
import { assertValid, nonEmpty, oneOf, ValidationRule } from '../validation';

/** CloudWatch Logs' accepted retention periods, in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** The KMS actions CloudWatch Logs needs on a log group's key. */
const LOGS_KEY_ACTIONS = ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'];

/**
 * What a key policy must allow so that CloudWatch Logs in `region` encrypts the log groups whose ARN
 * matches `logGroupArn` (exactly, or as a pattern with `*`), by the encryption context it sends.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function cloudWatchLogsKeyGrant(region: string, logGroupArn: string): KeyServiceGrant {
  return {
    servicePrincipal: `logs.${region}.amazonaws.com`,
    actions: LOGS_KEY_ACTIONS,
    conditions: [{ test: logGroupArn.includes('*') ? 'ArnLike' : 'ArnEquals', variable: 'kms:EncryptionContext:aws:logs:arn', values: [logGroupArn] }],
  };
}

/** The ARN of a log group, from the partition and account data sources of its Region. */
export function logGroupArn(parts: { readonly partition: string; readonly region: string; readonly accountId: string; readonly name: string }): string {
  return `arn:${parts.partition}:logs:${parts.region}:${parts.accountId}:log-group:${parts.name}`;
}

/** A retention period CloudWatch Logs accepts. */
export function logRetentionRule(setting: string, retentionInDays: number): ValidationRule {
  return oneOf(setting, retentionInDays, LOG_RETENTION_DAYS);
}

export interface EncryptedLogGroupProps {
  /** The aws provider of the log group's Region. */
  readonly provider: AwsProvider;
  /** The log group's Region. */
  readonly region: string;
  /** The log group's name; for AWS-written logs, the name the service writes to (`/aws/rds/cluster/<id>/postgresql`). */
  readonly name: string;
  /** What writes to the log group, for the key's description (`the Lambda function gaming-platform-prod-migrations`). */
  readonly writer: string;
  /** The alias of the log group's own key, without `alias/`, from the naming helper. */
  readonly keyAliasName: string;
  /** Days CloudWatch keeps the logs; one of LOG_RETENTION_DAYS. */
  readonly retentionInDays: number;
  /**
   * A key to encrypt with instead of one of the log group's own; its policy must let
   * `logs.<region>.amazonaws.com` use it for this log group.
   * @default - a key of its own, usable by CloudWatch Logs for this log group only
   */
  readonly kmsKeyArn?: string;
  /**
   * `lifecycle { prevent_destroy }` on the log group and its key.
   * @default false
   */
  readonly preventDestroy?: boolean;
  /** @default - none beyond the provider's default tags */
  readonly tags?: Record<string, string>;
}

/**
 * A CloudWatch Logs log group with a retention period, encrypted with a customer-managed key.
 *
 * Created before whatever writes to it, so an AWS service that would create the group itself
 * (RDS log exports, Lambda, ElastiCache log delivery) finds it with its key and retention, rather
 * than creating an unencrypted one that keeps logs forever.
 */
export class EncryptedLogGroup extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  public readonly name: string;
  public readonly arn: string;
  /** The key encrypting the logs. */
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    assertValid([
      nonEmpty(`${id}.name`, props.name),
      logRetentionRule(`${id}.retentionInDays`, props.retentionInDays),
      ...(props.kmsKeyArn === undefined ? [] : [nonEmpty(`${id}.kmsKeyArn`, props.kmsKeyArn)]),
    ]);
    const { provider } = props;
    this.kmsKeyArn = props.kmsKeyArn ?? this.ownKey(props).arn;
    this.logGroup = new CloudwatchLogGroup(this, 'Group', {
      provider,
      name: props.name,
      retentionInDays: props.retentionInDays,
      kmsKeyId: this.kmsKeyArn,
      tags: props.tags,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.name = this.logGroup.name;
    this.arn = this.logGroup.arn;
  }

  /** A key only CloudWatch Logs may use, and only for this log group (the encryption context names it). */
  private ownKey(props: EncryptedLogGroupProps): CustomerManagedKey {
    const { provider } = props;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const arn = logGroupArn({ partition: partition.partition, region: props.region, accountId: account.accountId, name: props.name });
    return new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts the logs of ${props.writer}`,
      aliasName: props.keyAliasName,
      preventDestroy: props.preventDestroy,
      serviceGrants: [cloudWatchLogsKeyGrant(props.region, arn)],
    });
  }
}
