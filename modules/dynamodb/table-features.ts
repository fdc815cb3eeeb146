import { describeValue, integerInRange, oneOf, ValidationRule } from '../validation';
import { DynamoDbBilling } from './table-billing';

/** Upper bounds of an on-demand table or index, in request units per second: a runaway-cost guard. */
export interface OnDemandThroughput {
  /**
   * Read request units per second the table (or index) may serve; requests above it are throttled.
   * @default - no cap
   */
  readonly maxReadRequestUnits?: number;
  /**
   * Write request units per second.
   * @default - no cap
   */
  readonly maxWriteRequestUnits?: number;
}

/** Throughput DynamoDB keeps ready ahead of a known peak (a launch, an event), charged once when raised. */
export interface WarmThroughput {
  /**
   * Reads per second the table (or index) can serve at once, 12000 or more.
   * @default - what DynamoDB provides (12000)
   */
  readonly readUnitsPerSecond?: number;
  /**
   * Writes per second, 4000 or more.
   * @default - what DynamoDB provides (4000)
   */
  readonly writeUnitsPerSecond?: number;
}

/** The options a global secondary index takes on its own. */
export interface IndexFeatureSettings {
  /** @default - the table's onDemandThroughput */
  readonly onDemandThroughput?: OnDemandThroughput;
  /** @default - none */
  readonly warmThroughput?: WarmThroughput;
  /**
   * CloudWatch Contributor Insights on the index: its most accessed and most throttled keys.
   * @default false
   */
  readonly contributorInsights?: boolean;
}

/** `STANDARD`, or `STANDARD_INFREQUENT_ACCESS` (cheaper storage, dearer requests: history rarely read). */
export type TableClass = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';

/** Cost guards, warm-up, storage class, insight and guardrails of one table. */
export interface TableFeatureSettings {
  /**
   * Caps of the table and, unless an index sets its own, of each GSI (PAY_PER_REQUEST only).
   * @default - no cap
   */
  readonly onDemandThroughput?: OnDemandThroughput;
  /** @default - none */
  readonly warmThroughput?: WarmThroughput;
  /**
   * The table class.
   * @default - 'STANDARD' (AWS's default; the argument is left out)
   */
  readonly tableClass?: TableClass;
  /**
   * CloudWatch Contributor Insights on the table (in every Region it is in).
   * @default false
   */
  readonly contributorInsights?: boolean;
  /**
   * Options of individual GSIs, by index name.
   * @default - none
   */
  readonly indexes?: Readonly<Record<string, IndexFeatureSettings>>;
  /**
   * Days of point-in-time recovery, 1-35, on the table (replicas keep DynamoDB's 35).
   * @default 35 (DynamoDB's default; the argument is left out)
   */
  readonly pointInTimeRecoveryDays?: number;
  /**
   * A resource policy on the table (and each replica) denying `dynamodb:DeleteTable` to every principal, on top of
   * deletion protection: a table survives even a role that may turn deletion protection off.
   * @default - on where deletion protection is on
   */
  readonly deletionGuard?: boolean;
}

/** DynamoDB's default warm throughput, the least a warm throughput setting may ask for. */
export const MIN_WARM_THROUGHPUT = { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 } as const;

function onDemandRules(setting: string, value: OnDemandThroughput | undefined, billing: DynamoDbBilling): ValidationRule[] {
  if (value === undefined) return [];
  const rules: ValidationRule[] = [
    {
      condition: billing.mode === 'PAY_PER_REQUEST',
      message: `${setting} caps on-demand tables only (billing.mode PAY_PER_REQUEST); with PROVISIONED, autoscaling's max bounds capacity, got billing.mode ${describeValue(billing.mode)}`,
    },
  ];
  // 40,000 request units is the default per-table quota.
  if (value.maxReadRequestUnits !== undefined) rules.push(integerInRange(`${setting}.maxReadRequestUnits`, value.maxReadRequestUnits, 1, 40000));
  if (value.maxWriteRequestUnits !== undefined) rules.push(integerInRange(`${setting}.maxWriteRequestUnits`, value.maxWriteRequestUnits, 1, 40000));
  return rules;
}

function warmRules(setting: string, value: WarmThroughput | undefined): ValidationRule[] {
  if (value === undefined) return [];
  const rules: ValidationRule[] = [];
  if (value.readUnitsPerSecond !== undefined) rules.push(integerInRange(`${setting}.readUnitsPerSecond`, value.readUnitsPerSecond, MIN_WARM_THROUGHPUT.readUnitsPerSecond, 40_000_000));
  if (value.writeUnitsPerSecond !== undefined) rules.push(integerInRange(`${setting}.writeUnitsPerSecond`, value.writeUnitsPerSecond, MIN_WARM_THROUGHPUT.writeUnitsPerSecond, 40_000_000));
  return rules;
}

/** The checks of a table's feature settings; `setting` is its path (`dynamodb.tableSettings.leaderboard`), `gsiNames` its GSIs. */
export function tableFeatureRules(setting: string, settings: TableFeatureSettings, gsiNames: readonly string[], billing: DynamoDbBilling): ValidationRule[] {
  const rules: ValidationRule[] = [...onDemandRules(`${setting}.onDemandThroughput`, settings.onDemandThroughput, billing), ...warmRules(`${setting}.warmThroughput`, settings.warmThroughput)];
  if (settings.tableClass !== undefined) rules.push(oneOf(`${setting}.tableClass`, settings.tableClass, ['STANDARD', 'STANDARD_INFREQUENT_ACCESS']));
  if (settings.pointInTimeRecoveryDays !== undefined) rules.push(integerInRange(`${setting}.pointInTimeRecoveryDays`, settings.pointInTimeRecoveryDays, 1, 35));
  for (const [name, index] of Object.entries(settings.indexes ?? {})) {
    rules.push({
      condition: gsiNames.includes(name),
      message: `${setting}.indexes names ${describeValue(name)}, which is not a global secondary index of the table (${gsiNames.join(', ') || 'none'})`,
    });
    rules.push(...onDemandRules(`${setting}.indexes.${name}.onDemandThroughput`, index.onDemandThroughput, billing), ...warmRules(`${setting}.indexes.${name}.warmThroughput`, index.warmThroughput));
  }
  return rules;
}
