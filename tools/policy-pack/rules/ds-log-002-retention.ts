import { eachResource, PolicyRule } from '../rule';
import { asNumber } from '../terraform/values';

/** Days a production log group keeps its events at least (Security Hub's CloudWatch.16 default). */
export const PRODUCTION_LOG_RETENTION_DAYS = 365;

export const rule: PolicyRule = {
  id: 'DS-LOG-002',
  title: 'Log retention stated, a year in production',
  severity: 'warning',
  resourceTypes: ['aws_cloudwatch_log_group'],
  rationale: 'A log group without retention keeps everything forever at a cost; production logs are evidence and are kept at least a year.',
  controls: ['CloudWatch.16', 'CKV_AWS_66', 'CKV_AWS_338'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const days = asNumber(block.body.retention_in_days) ?? 0;
      if (days === 0) return 'retention_in_days is not set: the events never expire';
      return stack.isProduction && days < PRODUCTION_LOG_RETENTION_DAYS
        ? `retention_in_days must be at least ${PRODUCTION_LOG_RETENTION_DAYS} in production, got ${days}`
        : undefined;
    }),
};
