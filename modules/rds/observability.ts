import { describeValue, oneOf, ValidationRule } from '../validation';

/** Performance Insights: off, or on with a retention AWS accepts (Aurora instances and RDS instances alike). */
export type PerformanceInsightsSettings =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** Days kept: 7 (free tier), a multiple of 31 up to 713, or 731. */
      readonly retentionDays: number;
    };

/** The certificate authority every instance's server certificate is signed by (RSA 2048, valid to 2061). */
export const RDS_CA_CERT_IDENTIFIER = 'rds-ca-rsa2048-g1';

/** Performance Insights keeps 7 days (free tier), a whole number of 31-day months up to 23, or 731 days. */
export function isPerformanceInsightsRetention(days: number): boolean {
  return days === 7 || days === 731 || (Number.isInteger(days) && days % 31 === 0 && days >= 31 && days <= 713);
}

/** The Performance Insights retention AWS accepts. */
export function performanceInsightsRetentionRule(setting: string, days: number): ValidationRule {
  return {
    condition: isPerformanceInsightsRetention(days),
    message: `${setting} must be 7, 731, or a multiple of 31 up to 713, got ${describeValue(days)}`,
  };
}

/** Seconds between Enhanced Monitoring samples RDS accepts (0 turns it off). */
export const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60] as const;

export function monitoringIntervalRule(setting: string, seconds: number): ValidationRule {
  return oneOf(setting, seconds, MONITORING_INTERVALS as readonly number[]);
}
