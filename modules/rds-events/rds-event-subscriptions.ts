import { DbEventSubscription } from '@cdktf/provider-aws/lib/db-event-subscription';
import { Construct } from 'constructs';
import { RegionContext } from '../context';
import { assertValid, describeValue, ValidationRule } from '../validation';
import {
  RDS_EVENT_SEVERITIES,
  RdsEventCategoriesBySeverity,
  rdsEventCategoriesRules,
  RdsEventSourceType,
  resolveRdsEventCategories,
} from './event-categories';

export interface RdsEventSubscriptionsProps {
  /** The sources' Region: RDS publishes a Region's events only to topics in that Region. */
  readonly context: RegionContext;
  /** What kind of source. */
  readonly sourceType: RdsEventSourceType;
  /** The sources (instance or cluster identifiers), at least one. */
  readonly sourceIds: readonly string[];
  /**
   * The categories per severity.
   * @default DEFAULT_RDS_EVENT_CATEGORIES of the source type
   */
  readonly categories?: RdsEventCategoriesBySeverity;
}

/** `db-instance` -> `instances` in names and ids. */
function sourceWord(sourceType: RdsEventSourceType): string {
  return sourceType === 'db-instance' ? 'instances' : 'clusters';
}

/** The module's own checks of its props, under `<setting>` (`rdsEvents.clusters`). */
export function rdsEventSubscriptionsRules(setting: string, props: RdsEventSubscriptionsProps): ValidationRule[] {
  return [
    ...rdsEventCategoriesRules(`${setting}.categories`, props.sourceType, props.categories),
    {
      condition: props.sourceIds.length > 0,
      message: `${setting}.sourceIds must list at least one ${props.sourceType} identifier, got ${describeValue(props.sourceIds.length)}`,
    },
  ];
}

/**
 * RDS event subscriptions for some sources of one kind in one Region: one per severity that has categories
 * (`<system>-<env>-rds-events-<instances|clusters>-<severity>-<region>`), each to that Region's topic of the
 * severity. The created topics' key already lets `events.rds.amazonaws.com` publish (`ALARM_TOPIC_PUBLISHERS`);
 * existing topics must allow it too.
 */
export class RdsEventSubscriptions extends Construct {
  /** The subscriptions by severity. */
  public readonly subscriptions = new Map<string, DbEventSubscription>();

  constructor(scope: Construct, id: string, props: RdsEventSubscriptionsProps) {
    super(scope, id);
    assertValid(rdsEventSubscriptionsRules(`rdsEvents.${sourceWord(props.sourceType)}`, props));
    const { context } = props;
    const categories = resolveRdsEventCategories(props.sourceType, props.categories);
    for (const severity of RDS_EVENT_SEVERITIES) {
      if (categories[severity].length === 0) continue;
      this.subscriptions.set(
        severity,
        new DbEventSubscription(this, `${severity.charAt(0).toUpperCase()}${severity.slice(1)}`, {
          provider: context.provider,
          name: context.naming.name('rds-events', sourceWord(props.sourceType), severity, context.region),
          snsTopic: context.alarmTopics.topicArn(severity),
          sourceType: props.sourceType,
          sourceIds: [...props.sourceIds],
          eventCategories: [...categories[severity]],
          enabled: true,
        }),
      );
    }
  }
}
