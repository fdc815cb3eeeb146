/**
 * The node types of ElastiCache replication groups (current generation). A closed list so that a typo
 * fails at synthesis, not at apply; add a type here when AWS adds one.
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html
 */
export const CACHE_NODE_TYPES = [
  'cache.t3.micro', 'cache.t3.small', 'cache.t3.medium',
  'cache.t4g.micro', 'cache.t4g.small', 'cache.t4g.medium',
  'cache.m5.large', 'cache.m5.xlarge', 'cache.m5.2xlarge', 'cache.m5.4xlarge', 'cache.m5.12xlarge', 'cache.m5.24xlarge',
  'cache.m6g.large', 'cache.m6g.xlarge', 'cache.m6g.2xlarge', 'cache.m6g.4xlarge', 'cache.m6g.8xlarge', 'cache.m6g.12xlarge', 'cache.m6g.16xlarge',
  'cache.m7g.large', 'cache.m7g.xlarge', 'cache.m7g.2xlarge', 'cache.m7g.4xlarge', 'cache.m7g.8xlarge', 'cache.m7g.12xlarge', 'cache.m7g.16xlarge',
  'cache.r5.large', 'cache.r5.xlarge', 'cache.r5.2xlarge', 'cache.r5.4xlarge', 'cache.r5.12xlarge', 'cache.r5.24xlarge',
  'cache.r6g.large', 'cache.r6g.xlarge', 'cache.r6g.2xlarge', 'cache.r6g.4xlarge', 'cache.r6g.8xlarge', 'cache.r6g.12xlarge', 'cache.r6g.16xlarge',
  'cache.r6gd.xlarge', 'cache.r6gd.2xlarge', 'cache.r6gd.4xlarge', 'cache.r6gd.8xlarge', 'cache.r6gd.12xlarge', 'cache.r6gd.16xlarge',
  'cache.r7g.large', 'cache.r7g.xlarge', 'cache.r7g.2xlarge', 'cache.r7g.4xlarge', 'cache.r7g.8xlarge', 'cache.r7g.12xlarge', 'cache.r7g.16xlarge',
] as const;

export type CacheNodeType = (typeof CACHE_NODE_TYPES)[number];

export function isKnownCacheNodeType(nodeType: string): nodeType is CacheNodeType {
  return (CACHE_NODE_TYPES as readonly string[]).includes(nodeType);
}

/** Burstable types run on CPU credits: fine for dev, throttled under sustained load. */
export function isBurstableCacheNodeType(nodeType: string): boolean {
  return /^cache\.t\d+g?\./.test(nodeType);
}

/** Global Datastore needs M5/R5 or newer: no burstable, no data-tiering (r6gd) types. */
export function supportsGlobalDatastore(nodeType: string): boolean {
  return /^cache\.(m5|m6g|m7g|r5|r6g|r7g)\./.test(nodeType);
}

/**
 * r6gd nodes tier data between memory and local SSD: AWS requires `data_tiering_enabled = true` on them and
 * accepts it on no other type, so DataStack derives the flag from the node type.
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/data-tiering.html
 */
export function usesDataTiering(nodeType: string): boolean {
  return /^cache\.r6gd\./.test(nodeType);
}

/** The eviction policies a data-tiering group accepts (values move to SSD by least-recent or least-frequent use). */
export const DATA_TIERING_MAXMEMORY_POLICIES = ['volatile-lru', 'allkeys-lru', 'volatile-lfu', 'allkeys-lfu', 'noeviction'] as const;
