import { eachResource, PolicyRule } from '../rule';
import { asNumber } from '../terraform/values';
import { PRODUCTION_BACKUP_DAYS } from './ds-rds-007-backup-retention';

export const rule: PolicyRule = {
  id: 'DS-CACHE-005',
  title: 'ElastiCache daily snapshots kept, at least 7 days in production',
  severity: 'error',
  resourceTypes: ['aws_elasticache_replication_group', 'aws_elasticache_serverless_cache'],
  rationale: 'Without automatic snapshots a cache that holds sessions or leaderboards cannot be restored after a bad FLUSH or a lost cluster.',
  controls: ['ElastiCache.1', 'CKV_AWS_134'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const days = asNumber(block.body.snapshot_retention_limit) ?? 0;
      if (days === 0) return 'snapshot_retention_limit is 0 or unset: no automatic snapshots';
      return stack.isProduction && days < PRODUCTION_BACKUP_DAYS ? `snapshot_retention_limit must be at least ${PRODUCTION_BACKUP_DAYS} days in production, got ${days}` : undefined;
    }),
};
