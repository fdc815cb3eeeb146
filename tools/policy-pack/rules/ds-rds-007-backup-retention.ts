import { eachResource, PolicyRule } from '../rule';
import { asNumber, isUnset } from '../terraform/values';

/** Days of automated backups a production database keeps at least. */
export const PRODUCTION_BACKUP_DAYS = 7;

export const rule: PolicyRule = {
  id: 'DS-RDS-007',
  title: 'Automated backups kept, at least 7 days in production',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'Automated backups are what point-in-time restore reads; 0 turns them off, and production needs a week to notice and undo a bad change.',
  controls: ['RDS.11', 'AwsSolutions-RDS13', 'CKV_AWS_133'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (!isUnset(block.body.replicate_source_db)) return undefined; // replicas back up through their source
      const days = asNumber(block.body.backup_retention_period);
      if (days === undefined) return `backup_retention_period must be stated, got ${JSON.stringify(block.body.backup_retention_period ?? null)}`;
      if (days === 0) return 'backup_retention_period is 0: automated backups and point-in-time restore are off';
      if (stack.isProduction && days < PRODUCTION_BACKUP_DAYS) return `backup_retention_period must be at least ${PRODUCTION_BACKUP_DAYS} days in production, got ${days}`;
      return undefined;
    }),
};
