import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { createHash } from 'crypto';
import type { AlarmSubscription } from '../alarms';

export interface CacheNotificationTopicProps {
  /** The aws provider of the cache's Region (ElastiCache publishes only to a topic in its own Region). */
  readonly provider: AwsProvider;
  /** The topic's name (`skillancer-prod-cache-events-us-east-1`). */
  readonly name: string;
  /**
   * Who hears the events (every subscription, whatever severities it lists).
   * @default - none: only what subscribes later
   */
  readonly subscriptions?: readonly AlarmSubscription[];
}

/** The actions an account owner has on its topic: AWS's default topic policy. */
const OWNER_ACTIONS = [
  'SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic',
  'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish',
];

/**
 * The SNS topic ElastiCache event notifications go to (`notification_topic_arn` of a replication group).
 *
 * **Not encrypted, on purpose**: ElastiCache cannot publish to a KMS-encrypted topic (the topic shows as
 * inactive and nothing arrives). What it carries is no data: the event's name, the cluster or node it happened
 * to and when (failover complete, node replaced, snapshot failed...). Its policy is AWS's default owner policy
 * with the `AWS:SourceOwner` condition, the one ElastiCache can publish through (a policy using
 * `aws:SourceAccount` blocks it), and a denial of every request made without TLS.
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ElastiCacheSNS.html
 */
export class CacheNotificationTopic extends Construct {
  public readonly topic: SnsTopic;
  public readonly topicArn: string;

  constructor(scope: Construct, id: string, props: CacheNotificationTopicProps) {
    super(scope, id);
    const { provider } = props;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    this.topic = new SnsTopic(this, 'Topic', { provider, name: props.name });
    const policy = new DataAwsIamPolicyDocument(this, 'PolicyDocument', {
      provider,
      statement: [
        {
          sid: 'AccountOwnerAndItsServices',
          principals: [{ type: 'AWS', identifiers: ['*'] }],
          actions: OWNER_ACTIONS,
          resources: [this.topic.arn],
          condition: [{ test: 'StringEquals', variable: 'AWS:SourceOwner', values: [account.accountId] }],
        },
        {
          // Unencrypted at rest, so at least never in plain text on the wire: AWS services (ElastiCache)
          // publish over TLS; a client calling SNS over plain HTTP is refused.
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: [{ type: 'AWS', identifiers: ['*'] }],
          actions: ['SNS:*'],
          resources: [this.topic.arn],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new SnsTopicPolicy(this, 'Policy', { provider, arn: this.topic.arn, policy: policy.json });
    for (const subscription of props.subscriptions ?? []) {
      const endpointId = createHash('sha256').update(`${subscription.protocol}:${subscription.endpoint}`).digest('hex').slice(0, 8);
      new SnsTopicSubscription(this, `Subscription-${endpointId}`, {
        provider,
        topicArn: this.topic.arn,
        protocol: subscription.protocol,
        endpoint: subscription.endpoint,
      });
    }
    this.topicArn = this.topic.arn;
  }
}
