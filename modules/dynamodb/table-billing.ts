import { integerInRange, minNotAboveMax, oneOf, ValidationRule } from '../validation';

/** Capacity bounds of a PROVISIONED DynamoDB throughput dimension, driven by target-tracking autoscaling. */
export interface CapacityRange {
  /** The floor autoscaling never goes below (also the capacity the table is created with). */
  readonly min: number;
  /** The ceiling autoscaling never goes above. */
  readonly max: number;
}

/** DynamoDB capacity: on demand, or provisioned with target-tracking autoscaling between bounds. */
export type DynamoDbBilling =
  | { readonly mode: 'PAY_PER_REQUEST' }
  | {
      readonly mode: 'PROVISIONED';
      /** Read capacity units of the table and of each GSI. */
      readonly readCapacity: CapacityRange;
      /** Write capacity units of the table and of each GSI. */
      readonly writeCapacity: CapacityRange;
      /**
       * The consumed/provisioned percentage autoscaling keeps capacity at.
       * @default 70
       */
      readonly targetUtilizationPercent?: number;
    };

/** AWS's default target for DynamoDB autoscaling (the console's default too). */
export const DEFAULT_TARGET_UTILIZATION_PERCENT = 70;

function capacityRules(setting: string, range: CapacityRange | undefined): ValidationRule[] {
  const min = range?.min as number;
  const max = range?.max as number;
  return [
    // 40,000 units is the default per-table quota.
    integerInRange(`${setting}.min`, min, 1, 40000),
    integerInRange(`${setting}.max`, max, 1, 40000),
    minNotAboveMax(`${setting}.min`, min, `${setting}.max`, max),
  ];
}

/** The checks of a billing setting; `setting` is its path (`dynamodb.billing`). */
export function dynamoDbBillingRules(setting: string, billing: DynamoDbBilling): ValidationRule[] {
  const mode = oneOf(`${setting}.mode`, billing?.mode, ['PAY_PER_REQUEST', 'PROVISIONED'] as const);
  if (!mode.condition || billing.mode === 'PAY_PER_REQUEST') return [mode];
  const rules = [
    ...capacityRules(`${setting}.readCapacity`, billing.readCapacity),
    ...capacityRules(`${setting}.writeCapacity`, billing.writeCapacity),
  ];
  if (billing.targetUtilizationPercent !== undefined) {
    // Application Auto Scaling accepts 20-90 for DynamoDB utilization targets.
    rules.push(integerInRange(`${setting}.targetUtilizationPercent`, billing.targetUtilizationPercent, 20, 90));
  }
  return rules;
}
