import { NameLimit } from '../validation';
import { SECRET_NAME_LIMIT } from '../secrets';

/** Letters, digits and single hyphens, a letter first, no hyphen last, within `max` characters. */
function elastiCacheIdentifier(what: string, max: number): NameLimit {
  return {
    what,
    pattern: new RegExp(`^(?=.{1,${max}}$)[a-zA-Z](?:-?[a-zA-Z0-9])*$`),
    accepted: `1-${max} letters, digits and single hyphens, starting with a letter and not ending with a hyphen`,
  };
}

/** User and user group IDs: AWS documents a letter first, then letters, digits and hyphens, and no maximum. */
function elastiCacheAccessIdentifier(what: string): NameLimit {
  return { what, pattern: /^[a-zA-Z][a-zA-Z0-9-]*$/, accepted: 'letters, digits and hyphens, starting with a letter' };
}

/**
 * The names and identifiers of ElastiCache resources DataStack creates, with the limits AWS documents.
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html (ReplicationGroupId)
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateServerlessCache.html (ServerlessCacheName)
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateUser.html (UserId)
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateUserGroup.html (UserGroupId)
 */
export const CACHE_NAME_LIMITS = {
  replicationGroupId: elastiCacheIdentifier('an ElastiCache replication group ID', 40),
  serverlessCacheName: elastiCacheIdentifier('an ElastiCache serverless cache name', 40),
  userId: elastiCacheAccessIdentifier('an ElastiCache user ID'),
  userGroupId: elastiCacheAccessIdentifier('an ElastiCache user group ID'),
  secretName: SECRET_NAME_LIMIT,
} as const satisfies Record<string, NameLimit>;
