import { auroraGlobalDatabaseRules } from '../../modules/aurora/validate-aurora';
import { daxSizingRules } from '../../modules/dax/dax-cluster';
import { ValidationRule } from '../../modules/validation';
import { environmentRules } from '../common/validate-environment';
import { cacheTierRules } from './cache-tier';
import { dynamoDbTierRules } from './dynamodb-tier';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

function sizingRules(setting: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  const { aurora, dax } = environment;
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
    ...cacheTierRules(`${setting}.cache`, environment),
    ...daxSizingRules(`${setting}.dax`, dax),
    ...dynamoDbTierRules(`${setting}.dynamodb`, environment),
  ];
  return rules;
}

/** Every check of one gaming-platform environment. */
export function gamingPlatformEnvironmentRules(setting: string, key: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  return [...environmentRules(setting, key, environment), ...sizingRules(setting, environment)];
}
