import { auroraGlobalDatabaseRules } from '../../modules/aurora/validate-aurora';
import { integerInRange, matches, minNotAboveMax, ValidationRule } from '../../modules/validation';
import { environmentRules } from '../common/validate-environment';
import { CapacityRange, GamingPlatformEnvironment } from './gaming-platform-environment';

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
    // The Aurora module's own rules, on the environment's settings; the secondary counts only with a secondary Region.
    ...auroraGlobalDatabaseRules(`${setting}.aurora`, {
      ...aurora,
      secondary: environment.secondaryRegion === undefined ? undefined : aurora.secondary,
    }),
    {
      condition: environment.secondaryRegion === undefined || aurora.secondary !== undefined,
      message: `${setting}.aurora.secondary must be set ({ instanceCount, instanceClass }) when secondaryRegion is set (${environment.secondaryRegion}), got nothing`,
    },
    // A single-node replication group has no replica to fail over to; cluster mode disabled allows 5 replicas.
    integerInRange(`${setting}.cache.nodeCount`, cache.nodeCount, 1, 6),
    integerInRange(`${setting}.cache.snapshotRetentionDays`, cache.snapshotRetentionDays, 0, 35),
    matches(`${setting}.cache.nodeType`, cache.nodeType, /^cache\.[a-z0-9-]+\.[a-z0-9]+$/, 'an ElastiCache node type such as cache.r7g.large'),
    integerInRange(`${setting}.dax.replicationFactor`, dax.replicationFactor, 1, 10),
    matches(`${setting}.dax.nodeType`, dax.nodeType, /^dax\.[a-z0-9-]+\.[a-z0-9]+$/, 'a DAX node type such as dax.r4.large'),
  ];
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
