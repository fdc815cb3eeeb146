import { describeValue, integerInRange, matches, minNotAboveMax, ValidationRule } from '../../modules/validation';
import { environmentRules } from '../common/validate-environment';
import { CapacityRange, GamingPlatformEnvironment } from './gaming-platform-environment';

/** Performance Insights keeps 7 days (free tier), a whole number of 31-day months up to 23, or 731 days. */
export function isPerformanceInsightsRetention(days: number): boolean {
  return days === 7 || days === 731 || (Number.isInteger(days) && days % 31 === 0 && days >= 31 && days <= 713);
}

function capacityRules(setting: string, range: CapacityRange): ValidationRule[] {
  return [
    integerInRange(`${setting}.min`, range.min, 1, 40000),
    integerInRange(`${setting}.max`, range.max, 1, 40000),
    minNotAboveMax(`${setting}.min`, range.min, `${setting}.max`, range.max),
  ];
}

function sizingRules(setting: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  const { aurora, dynamodb, cache, dax } = environment;
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
    integerInRange(`${setting}.dax.replicationFactor`, dax.replicationFactor, 1, 10),
    matches(`${setting}.dax.nodeType`, dax.nodeType, /^dax\.[a-z0-9-]+\.[a-z0-9]+$/, 'a DAX node type such as dax.r4.large'),
  ];
  if (aurora.performanceInsights.enabled) {
    const days = aurora.performanceInsights.retentionDays;
    rules.push({
      condition: isPerformanceInsightsRetention(days),
      message: `${setting}.aurora.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got ${describeValue(days)}`,
    });
  }
  if (dynamodb.billing.mode === 'PROVISIONED') {
    rules.push(...capacityRules(`${setting}.dynamodb.billing.readCapacity`, dynamodb.billing.readCapacity));
    rules.push(...capacityRules(`${setting}.dynamodb.billing.writeCapacity`, dynamodb.billing.writeCapacity));
  }
  return rules;
}

/** Every check of one gaming-platform environment. */
export function gamingPlatformEnvironmentRules(setting: string, key: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  return [...environmentRules(setting, key, environment), ...sizingRules(setting, environment)];
}
