import { daxSizingRules } from '../../modules/dax/dax-cluster';
import { describeValue, integerInRange, matches, ValidationRule } from '../../modules/validation';
import { environmentRules } from '../common/validate-environment';
import { dynamoDbTierRules } from './dynamodb-tier';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

/** Performance Insights keeps 7 days (free tier), a whole number of 31-day months up to 23, or 731 days. */
export function isPerformanceInsightsRetention(days: number): boolean {
  return days === 7 || days === 731 || (Number.isInteger(days) && days % 31 === 0 && days >= 31 && days <= 713);
}

function sizingRules(setting: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  const { aurora, cache, dax } = environment;
  const rules: ValidationRule[] = [
    // An Aurora cluster holds one writer and up to 15 readers; a secondary may be headless.
    integerInRange(`${setting}.aurora.primaryInstanceCount`, aurora.primaryInstanceCount, 1, 16),
    integerInRange(`${setting}.aurora.secondaryInstanceCount`, aurora.secondaryInstanceCount, 0, 16),
    matches(`${setting}.aurora.primaryInstanceClass`, aurora.primaryInstanceClass, /^db\.[a-z0-9-]+\.[a-z0-9]+$/, 'an RDS instance class such as db.r6g.large'),
    matches(`${setting}.aurora.secondaryInstanceClass`, aurora.secondaryInstanceClass, /^db\.[a-z0-9-]+\.[a-z0-9]+$/, 'an RDS instance class such as db.r6g.large'),
    integerInRange(`${setting}.aurora.backupRetentionDays`, aurora.backupRetentionDays, 1, 35),
    // A single-node replication group has no replica to fail over to; cluster mode disabled allows 5 replicas.
    integerInRange(`${setting}.cache.nodeCount`, cache.nodeCount, 1, 6),
    integerInRange(`${setting}.cache.snapshotRetentionDays`, cache.snapshotRetentionDays, 0, 35),
    matches(`${setting}.cache.nodeType`, cache.nodeType, /^cache\.[a-z0-9-]+\.[a-z0-9]+$/, 'an ElastiCache node type such as cache.r7g.large'),
    ...daxSizingRules(`${setting}.dax`, dax),
    ...dynamoDbTierRules(`${setting}.dynamodb`, environment),
  ];
  if (aurora.performanceInsights.enabled) {
    const days = aurora.performanceInsights.retentionDays;
    rules.push({
      condition: isPerformanceInsightsRetention(days),
      message: `${setting}.aurora.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got ${describeValue(days)}`,
    });
  }
  return rules;
}

/** Every check of one gaming-platform environment. */
export function gamingPlatformEnvironmentRules(setting: string, key: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  return [...environmentRules(setting, key, environment), ...sizingRules(setting, environment)];
}
