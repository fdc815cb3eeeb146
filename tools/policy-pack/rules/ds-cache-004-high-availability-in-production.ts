import { eachResource, PolicyRule } from '../rule';
import { asNumber, isTrue } from '../terraform/values';

function replicasPerShard(body: Readonly<Record<string, unknown>>): number {
  const perGroup = asNumber(body.replicas_per_node_group);
  if (perGroup !== undefined) return perGroup;
  return (asNumber(body.num_cache_clusters) ?? 1) - 1;
}

export const rule: PolicyRule = {
  id: 'DS-CACHE-004',
  title: 'ElastiCache failover and Multi-AZ in production',
  severity: 'error',
  resourceTypes: ['aws_elasticache_replication_group'],
  rationale: 'A production cache without a replica in another Availability Zone and automatic failover loses its data and endpoint with one node.',
  controls: ['ElastiCache.3', 'AwsSolutions-AEC4', 'CKV2_AWS_50'],
  check: (stack) =>
    stack.isProduction
      ? eachResource(stack, rule.resourceTypes, (block) => {
          const found: string[] = [];
          if (replicasPerShard(block.body) < 1) found.push('a production replication group needs at least one replica per shard (num_cache_clusters >= 2 or replicas_per_node_group >= 1)');
          if (!isTrue(block.body.automatic_failover_enabled)) found.push('automatic_failover_enabled must be true in production');
          if (!isTrue(block.body.multi_az_enabled)) found.push('multi_az_enabled must be true in production');
          return found;
        })
      : [],
};
