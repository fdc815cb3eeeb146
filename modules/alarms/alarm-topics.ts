import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { createHash } from 'crypto';
import { CustomerManagedKey, KeyServiceGrant } from '../kms';
import { ResourceNaming } from '../naming';
import { assertValid } from '../validation';

/** The three severities alarms notify: page someone, look today, for the record. */
export const ALARM_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/** Existing topics: one ARN for every severity, or one per severity. */
export type ExistingAlarmTopics = string | Readonly<Record<AlarmSeverity, string>>;

/** The protocols a subscription to the created topics may use. */
export const ALARM_SUBSCRIPTION_PROTOCOLS = ['email', 'https', 'sqs', 'lambda'] as const;
export type AlarmSubscriptionProtocol = (typeof ALARM_SUBSCRIPTION_PROTOCOLS)[number];

/** Someone (or something) told when alarms of the chosen severities fire and clear. */
export interface AlarmSubscription {
  /** `email` and `https` endpoints must confirm the subscription before they receive anything. */
  readonly protocol: AlarmSubscriptionProtocol;
  /** An address, an HTTPS URL, an SQS queue ARN or a Lambda function ARN. */
  readonly endpoint: string;
  /**
   * The severities it hears.
   * @default - all three
   */
  readonly severities?: readonly AlarmSeverity[];
}

/**
 * The AWS services that publish into the topics: CloudWatch alarms, and RDS event subscriptions. With a
 * KMS-encrypted topic, each needs the key.
 */
export const ALARM_TOPIC_PUBLISHERS: readonly KeyServiceGrant[] = [
  { servicePrincipal: 'cloudwatch.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] },
  { servicePrincipal: 'events.rds.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] },
];

export interface AlarmTopicsProps {
  /** The aws provider of the topics' Region; CloudWatch alarms notify only topics in their own Region. */
  readonly provider: AwsProvider;
  /** The Region (part of the topics' names). */
  readonly region: string;
  readonly naming: ResourceNaming;
  /**
   * Existing topics to notify instead of creating them (a monitoring stack's topics, say); their key, if
   * any, must let the publishers in (`ALARM_TOPIC_PUBLISHERS`).
   * @default - the construct creates one KMS-encrypted topic per severity
   */
  readonly existingTopicArns?: ExistingAlarmTopics;
  /**
   * Subscriptions to the created topics (refused with existing topics: subscribe to those where they are made).
   * @default - none: the topics notify only what subscribes to them later
   */
  readonly subscriptions?: readonly AlarmSubscription[];
}

/** A short, stable name for a subscription's endpoint, for construct ids (so reordering the list moves nothing). */
function endpointId(subscription: AlarmSubscription): string {
  return createHash('sha256').update(`${subscription.protocol}:${subscription.endpoint}`).digest('hex').slice(0, 8);
}

function capitalized(severity: AlarmSeverity): string {
  return `${severity.charAt(0).toUpperCase()}${severity.slice(1)}`;
}

/**
 * The SNS topics a Region's alarms and RDS events notify, one per severity: created, KMS-encrypted with a
 * key the publishing services may use, with the configured subscriptions; or taken as ARNs.
 */
export class AlarmTopics extends Construct {
  private readonly arns: Record<AlarmSeverity, string>;
  /** Whether the topics were created here (false for existing topics). */
  public readonly created: boolean;

  constructor(scope: Construct, id: string, props: AlarmTopicsProps) {
    super(scope, id);
    const existing = props.existingTopicArns;
    if (existing !== undefined) {
      assertValid([
        {
          condition: (props.subscriptions ?? []).length === 0,
          message: `alarms.subscriptions must be left out with existing topics in ${props.region} (subscribe to those where they are made), got ${props.subscriptions?.length} subscription(s)`,
        },
      ]);
      this.arns = typeof existing === 'string' ? { critical: existing, warning: existing, info: existing } : { ...existing };
      this.created = false;
      return;
    }
    const { provider, naming, region } = props;
    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts the ${naming.prefix} alarm topics in ${region}`,
      aliasName: naming.name('alarms', region),
      serviceGrants: ALARM_TOPIC_PUBLISHERS,
    });
    const topics = Object.fromEntries(
      ALARM_SEVERITIES.map((severity) => [
        severity,
        new SnsTopic(this, capitalized(severity), { provider, name: naming.name('alarms', severity, region), kmsMasterKeyId: key.arn }),
      ]),
    ) as Record<AlarmSeverity, SnsTopic>;
    this.arns = { critical: topics.critical.arn, warning: topics.warning.arn, info: topics.info.arn };
    this.created = true;

    for (const subscription of props.subscriptions ?? []) {
      for (const severity of subscription.severities ?? ALARM_SEVERITIES) {
        new SnsTopicSubscription(this, `Subscription-${endpointId(subscription)}-${capitalized(severity)}`, {
          provider,
          topicArn: topics[severity].arn,
          protocol: subscription.protocol,
          endpoint: subscription.endpoint,
        });
      }
    }
  }

  /** The ARN of the topic for a severity. */
  topicArn(severity: AlarmSeverity): string {
    return this.arns[severity];
  }
}
