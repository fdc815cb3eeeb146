import { CACHE_NAME_LIMITS } from '../../../modules/cache';
import { SECRET_NAME_LIMIT } from '../../../modules/secrets';
import { NameLimit, nameRule } from '../../../modules/validation';

// Each limit AWS documents, at its boundary: the longest (or otherwise last) accepted value passes, one beyond fails
// with a message naming the setting, the value, its length and what AWS accepts.
const CASES: [string, NameLimit, string, string, string][] = [
  ['replication group ID', CACHE_NAME_LIMITS.replicationGroupId, `r${'x'.repeat(39)}`, `r${'x'.repeat(40)}`, 'an ElastiCache replication group ID: 1-40 letters, digits and single hyphens, starting with a letter and not ending with a hyphen'],
  ['replication group ID with a double hyphen', CACHE_NAME_LIMITS.replicationGroupId, 'game-redis', 'game--redis', 'an ElastiCache replication group ID: 1-40'],
  ['serverless cache name', CACHE_NAME_LIMITS.serverlessCacheName, `v${'x'.repeat(39)}`, `v${'x'.repeat(40)}`, 'an ElastiCache serverless cache name: 1-40 letters, digits and single hyphens'],
  ['serverless cache name ending in a hyphen', CACHE_NAME_LIMITS.serverlessCacheName, 'valkey', 'valkey-', 'an ElastiCache serverless cache name'],
  ['user ID', CACHE_NAME_LIMITS.userId, 'app-user-1', '1-app', 'an ElastiCache user ID: letters, digits and hyphens, starting with a letter'],
  ['user group ID', CACHE_NAME_LIMITS.userGroupId, 'content-users', 'content_users', 'an ElastiCache user group ID: letters, digits and hyphens, starting with a letter'],
  ['Secrets Manager secret name', SECRET_NAME_LIMIT, `a/${'x'.repeat(510)}`, `a/${'x'.repeat(511)}`, "a Secrets Manager secret name: 1-512 ASCII letters, digits and '/_+=.@-'"],
  ['Secrets Manager secret name with a space', SECRET_NAME_LIMIT, 'cache/users/app', 'cache/users/my app', 'a Secrets Manager secret name'],
];

describe('ElastiCache and Secrets Manager name limits', () => {
  test.each(CASES)('GIVEN the %s limit WHEN the last accepted value and one beyond are checked THEN only the first passes, and the message says why', (_case, limit, accepted, refused, expected) => {
    expect(nameRule('cache.name', accepted, limit).condition).toBe(true);
    const rule = nameRule('cache.name', refused, limit);
    expect(rule.condition).toBe(false);
    expect(rule.message).toContain(`cache.name must be ${expected}`);
    expect(rule.message).toContain(`got ${JSON.stringify(refused)} (${refused.length} characters)`);
  });
});
