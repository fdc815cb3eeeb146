import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
import { CustomerManagedKey } from '../kms/customer-managed-key';
import { ResourceNaming } from '../naming/resource-naming';

/** The three severities alarms notify: page someone, look today, for the record. */
export const ALARM_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

export interface AlarmTopicsProps {
  /** The aws provider of the topics' Region; CloudWatch alarms notify only topics in their own Region. */
  readonly provider: AwsProvider;
  /** The Region (part of the topics' names). */
  readonly region: string;
  readonly naming: ResourceNaming;
  /**
   * Existing topics to notify instead of creating them (a monitoring stack's topics, say).
   * @default - the construct creates one KMS-encrypted topic per severity
   */
  readonly existingTopicArns?: Readonly<Record<AlarmSeverity, string>>;
}

/**
 * The SNS topics a Region's alarms notify, one per severity: created, KMS-encrypted with a key
 * CloudWatch may use to publish, or taken as ARNs.
 */
export class AlarmTopics extends Construct {
  private readonly arns: Record<AlarmSeverity, string>;

  constructor(scope: Construct, id: string, props: AlarmTopicsProps) {
    super(scope, id);
    if (props.existingTopicArns) {
      this.arns = { ...props.existingTopicArns };
      return;
    }
    const { provider, naming, region } = props;
    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts the ${naming.prefix} alarm topics in ${region}`,
      aliasName: naming.name('alarms', region),
      // CloudWatch publishes alarm notifications into the encrypted topics.
      serviceGrants: [{ servicePrincipal: 'cloudwatch.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] }],
    });
    const topic = (severity: AlarmSeverity) =>
      new SnsTopic(this, `${severity.charAt(0).toUpperCase()}${severity.slice(1)}`, {
        provider,
        name: naming.name('alarms', severity, region),
        kmsMasterKeyId: key.arn,
      }).arn;
    this.arns = { critical: topic('critical'), warning: topic('warning'), info: topic('info') };
  }

  /** The ARN of the topic for a severity. */
  topicArn(severity: AlarmSeverity): string {
    return this.arns[severity];
  }
}
