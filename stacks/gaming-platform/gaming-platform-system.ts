import { App } from 'cdktf';
import { ValidationRule } from '../../modules/validation';
import { environmentSetRules } from '../common/validate-environment';
import { SystemDefinition } from '../system';
import { GamingPlatformEnvironment } from './gaming-platform-environment';
import { GAMING_PLATFORM, GamingPlatformStack } from './gaming-platform-stack';
import { gamingPlatformEnvironmentRules } from './validate-gaming-platform-environment';

/** The gaming platform as a system: one stack per configured environment. */
export function gamingPlatformSystem(environments: Readonly<Record<string, GamingPlatformEnvironment>>): SystemDefinition {
  const setting = `${GAMING_PLATFORM}.environments`;
  return {
    name: GAMING_PLATFORM,
    validationRules(): ValidationRule[] {
      return [
        ...environmentSetRules(setting, environments),
        ...Object.entries(environments).flatMap(([key, environment]) =>
          gamingPlatformEnvironmentRules(`${setting}.${key}`, key, environment),
        ),
      ];
    },
    addStacks(app: App): void {
      for (const environment of Object.values(environments)) {
        new GamingPlatformStack(app, environment);
      }
    },
  };
}
