import { auroraGlobalDatabaseRules } from '../../modules/aurora/validate-aurora';
import { daxSizingRules } from '../../modules/dax/dax-cluster';
import { integerInRange, matches, ValidationRule } from '../../modules/validation';
import { environmentRules } from '../common/validate-environment';
import { dynamoDbTierRules } from './dynamodb-tier';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

function sizingRules(setting: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  const { aurora, cache, dax } = environment;
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
    ...daxSizingRules(`${setting}.dax`, dax),
    ...dynamoDbTierRules(`${setting}.dynamodb`, environment),
  ];
  return rules;
}

/** Every check of one gaming-platform environment. */
export function gamingPlatformEnvironmentRules(setting: string, key: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  return [...environmentRules(setting, key, environment), ...sizingRules(setting, environment)];
}
