import { eachResource, PolicyRule } from '../rule';
import { asNumber, isUnset } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-014',
  title: 'Enhanced Monitoring on every instance',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster_instance', 'aws_db_instance'],
  rationale: 'Enhanced Monitoring shows the operating system (memory, swap, per-process CPU) that CloudWatch metrics average away.',
  controls: ['RDS.6', 'CKV_AWS_118'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const interval = asNumber(block.body.monitoring_interval) ?? 0;
      if (interval <= 0) return `monitoring_interval must be 1, 5, 10, 15, 30 or 60 seconds, got ${JSON.stringify(block.body.monitoring_interval ?? 0)}`;
      return isUnset(block.body.monitoring_role_arn) ? 'monitoring_role_arn must name the role RDS publishes the metrics with' : undefined;
    }),
};
