import { ALARM_SEVERITIES, ALARM_SUBSCRIPTION_PROTOCOLS, AlarmSubscription, ExistingAlarmTopics } from '../../modules/alarms';
import { isAwsRegion } from '../../modules/regions';
import { describeValue, oneOf, ValidationRule } from '../../modules/validation';
import { EnvironmentConfig, environmentRegions } from './environment';

/** An SNS topic ARN in one Region: CloudWatch alarms notify topics in their own Region only. */
function topicArnRule(setting: string, arn: string, region: string): ValidationRule {
  const pattern = new RegExp(`^arn:aws(-cn|-us-gov)?:sns:${region}:\\d{12}:[A-Za-z0-9_-]{1,256}$`);
  return {
    condition: typeof arn === 'string' && pattern.test(arn),
    message: `${setting} must be an SNS topic ARN in ${region} (arn:aws:sns:${region}:<account>:<name>; alarms notify topics in their own Region only), got ${describeValue(arn)}`,
  };
}

function existingTopicsRules(setting: string, region: string, topics: ExistingAlarmTopics): ValidationRule[] {
  if (typeof topics === 'string') return [topicArnRule(setting, topics, region)];
  return ALARM_SEVERITIES.map((severity) => topicArnRule(`${setting}.${severity}`, topics?.[severity], region));
}

/** What a subscription's endpoint must look like for its protocol. */
const ENDPOINTS: Record<AlarmSubscription['protocol'], { readonly pattern: RegExp; readonly accepted: string }> = {
  email: { pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, accepted: 'an email address' },
  https: { pattern: /^https:\/\/\S+$/, accepted: 'an https:// URL' },
  sqs: { pattern: /^arn:aws(-cn|-us-gov)?:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, accepted: 'an SQS queue ARN' },
  lambda: { pattern: /^arn:aws(-cn|-us-gov)?:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/, accepted: 'a Lambda function ARN' },
};

function subscriptionRules(setting: string, subscription: AlarmSubscription): ValidationRule[] {
  const protocol = oneOf(`${setting}.protocol`, subscription.protocol, ALARM_SUBSCRIPTION_PROTOCOLS);
  if (!protocol.condition) return [protocol];
  const endpoint = ENDPOINTS[subscription.protocol];
  return [
    {
      condition: typeof subscription.endpoint === 'string' && endpoint.pattern.test(subscription.endpoint),
      message: `${setting}.endpoint must be ${endpoint.accepted} for protocol ${subscription.protocol}, got ${describeValue(subscription.endpoint)}`,
    },
    ...(subscription.severities ?? []).map((severity, index) => oneOf(`${setting}.severities[${index}]`, severity, ALARM_SEVERITIES)),
    {
      condition: subscription.severities === undefined || subscription.severities.length > 0,
      message: `${setting}.severities must name at least one severity (or be left out for all), got []`,
    },
  ];
}

/** Where alarms go: existing topics only in the environment's Regions, in their Region; subscriptions only to created topics. */
export function alarmsRules(setting: string, environment: EnvironmentConfig): ValidationRule[] {
  const alarms = environment.alarms;
  if (alarms === undefined) return [];
  const regions = environmentRegions(environment);
  // With an unknown Region, its own message says so; Region-by-Region checks would only repeat it.
  if (regions.some((region) => !isAwsRegion(region))) return [];
  const existing = alarms.existingTopics ?? {};
  const subscriptions = alarms.subscriptions ?? [];
  return [
    ...Object.entries(existing).flatMap(([region, topics]) => [
      {
        condition: regions.includes(region),
        message: `${setting}.existingTopics has an entry for ${describeValue(region)}, which is neither primaryRegion nor secondaryRegion (accepted: ${regions.join(', ')})`,
      },
      ...existingTopicsRules(`${setting}.existingTopics.${region}`, region, topics),
    ]),
    ...subscriptions.flatMap((subscription, index) => subscriptionRules(`${setting}.subscriptions[${index}]`, subscription)),
    {
      condition: subscriptions.length === 0 || regions.some((region) => existing[region] === undefined),
      message: `${setting}.subscriptions must be left out when every Region uses existing topics (subscribe to those where they are made), got ${subscriptions.length} subscription(s)`,
    },
  ];
}
