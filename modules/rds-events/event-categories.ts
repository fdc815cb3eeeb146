import { describeValue, ValidationRule } from '../validation';

/**
 * The RDS sources DataStack subscribes to. RDS has no event source type for an Aurora Global Database: its
 * switchovers and failovers arrive as `db-cluster` events of the member clusters, in the `global-failover`
 * category (RDS-EVENT-0185 and its neighbours), in each member's Region.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateEventSubscription.html
 */
export const RDS_EVENT_SOURCE_TYPES = ['db-instance', 'db-cluster'] as const;
export type RdsEventSourceType = (typeof RDS_EVENT_SOURCE_TYPES)[number];

/**
 * The event categories of each source type (`aws rds describe-event-categories --source-type <type>`).
 * A closed list: a typo fails validation instead of at apply time. Add a category here when AWS adds one.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html
 */
export const RDS_EVENT_CATEGORIES: Readonly<Record<RdsEventSourceType, readonly string[]>> = {
  'db-instance': [
    'availability', 'backup', 'configuration change', 'creation', 'deletion', 'failover', 'failure', 'low storage', 'maintenance',
    'notification', 'read replica', 'recovery', 'restoration', 'security patching',
  ],
  'db-cluster': ['configuration change', 'creation', 'deletion', 'failover', 'failure', 'global-failover', 'maintenance', 'migration', 'notification', 'serverless'],
};

/** The severities events go to: the Region's critical and warning alarm topics. */
export const RDS_EVENT_SEVERITIES = ['critical', 'warning'] as const;
export type RdsEventSeverity = (typeof RDS_EVENT_SEVERITIES)[number];

/** The categories sent to each severity's topic (an empty list sends none there). */
export type RdsEventCategoriesBySeverity = Readonly<Partial<Record<RdsEventSeverity, readonly string[]>>>;

/**
 * What DataStack subscribes to unless told otherwise: what needs someone now (an outage, a failover, a
 * deletion, storage running out) to the critical topic; what needs someone today (maintenance, notices,
 * recovery finished) to the warning topic. The instance list is skillancer's (availability, deletion,
 * failover, failure, maintenance, recovery) with low storage and notification added.
 */
export const DEFAULT_RDS_EVENT_CATEGORIES: Readonly<Record<RdsEventSourceType, Readonly<Record<RdsEventSeverity, readonly string[]>>>> = {
  'db-instance': {
    critical: ['availability', 'deletion', 'failover', 'failure', 'low storage'],
    warning: ['maintenance', 'notification', 'recovery'],
  },
  'db-cluster': {
    critical: ['deletion', 'failover', 'failure', 'global-failover'],
    warning: ['maintenance', 'notification'],
  },
};

/** The categories per severity: the configured ones, each severity's default where none is configured. */
export function resolveRdsEventCategories(sourceType: RdsEventSourceType, categories: RdsEventCategoriesBySeverity | undefined): Readonly<Record<RdsEventSeverity, readonly string[]>> {
  const defaults = DEFAULT_RDS_EVENT_CATEGORIES[sourceType];
  return { critical: categories?.critical ?? defaults.critical, warning: categories?.warning ?? defaults.warning };
}

/** The checks of configured categories: known for the source type, and each sent to one severity only. */
export function rdsEventCategoriesRules(setting: string, sourceType: RdsEventSourceType, categories: RdsEventCategoriesBySeverity | undefined): ValidationRule[] {
  const known = RDS_EVENT_CATEGORIES[sourceType];
  const rules: ValidationRule[] = [];
  for (const severity of RDS_EVENT_SEVERITIES) {
    const list = categories?.[severity];
    if (list === undefined) continue;
    rules.push({
      condition: Array.isArray(list) && list.every((category) => known.includes(category)),
      message: `${setting}.${severity} must list ${sourceType} event categories (${known.map((item) => describeValue(item)).join(', ')}), got ${describeValue(list)}`,
    });
  }
  const resolved = resolveRdsEventCategories(sourceType, categories);
  const both = resolved.critical.filter((category) => resolved.warning.includes(category));
  rules.push({
    condition: both.length === 0,
    message: `${setting} must send each category to one severity only (critical or warning), got ${describeValue(both)} in both`,
  });
  return rules;
}
