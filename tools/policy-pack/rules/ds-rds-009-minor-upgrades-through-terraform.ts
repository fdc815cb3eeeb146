import { eachResource, PolicyRule } from '../rule';
import { isFalse } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-009',
  title: 'Minor version upgrades through Terraform, not automatic',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster_instance', 'aws_db_instance', 'aws_elasticache_replication_group'],
  rationale:
    'Automatic minor upgrades move engine_version behind Terraform, out of step across Regions of a global database and across environments; deliberately the opposite of RDS.13, RDS.35, ElastiCache.2 and CKV_AWS_226.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      isFalse(block.body.auto_minor_version_upgrade)
        ? undefined
        : `auto_minor_version_upgrade must be false (the provider default is true), got ${JSON.stringify(block.body.auto_minor_version_upgrade ?? null)}`,
    ),
};
