import { App } from 'cdktf';
import { describeValue, ValidationRule } from '../../modules/validation';
import { EnvironmentConfig } from '../common/environment';
import { resolveEnvironmentPolicy } from '../common/environment-policy';
import { environmentRules, environmentSetRules } from '../common/validate-environment';
import { SystemDefinition } from '../system';
import { Component } from './component';
import { SystemStack } from './system-stack';

/** A system as configuration: its name, its environments and the components each is made of. */
export interface SystemDeclaration<E extends EnvironmentConfig> {
  /** The system's name: the prefix of its stack names and physical names (`trivia-nft`). */
  readonly name: string;
  /** Its environments by name (`dev`, `staging`, `prod`; any non-empty subset). */
  readonly environments: Readonly<Record<string, E>>;
  /** The components of one environment, in the order they are built (a component before those that use it). */
  components(environment: E): readonly Component[];
}

/** A system built from its declaration, with its declaration kept for tests and tools. */
export interface DeclaredSystem<E extends EnvironmentConfig> extends SystemDefinition {
  readonly declaration: SystemDeclaration<E>;
  /** Adds one environment's stack to an app (tests synthesize environments one at a time). */
  addStack(app: App, environment: E): SystemStack;
}

/** The checks of one environment: what every environment shares, then each component's own. */
export function systemEnvironmentRules<E extends EnvironmentConfig>(declaration: SystemDeclaration<E>, key: string, environment: E): ValidationRule[] {
  const setting = `${declaration.name}.environments.${key}`;
  const common = environmentRules(setting, key, environment);
  const policy = resolveEnvironmentPolicy(environment);
  const components = declaration.components(environment);
  const settings = components.map((component) => component.setting);
  return [
    ...common,
    ...settings.map((name, index) => ({
      condition: settings.indexOf(name) === index,
      message: `${declaration.name}: every component needs a setting of its own, got ${describeValue(name)} twice`,
    })),
    ...components.flatMap((component) => component.rules({ system: declaration.name, setting: `${setting}.${component.setting}`, environment, policy })),
  ];
}

/**
 * Turns a declaration into a system the app synthesizes: one `<system>-<environment>` stack per environment,
 * every configuration check run before any stack exists.
 */
export function defineSystem<E extends EnvironmentConfig>(declaration: SystemDeclaration<E>): DeclaredSystem<E> {
  const addStack = (app: App, environment: E) =>
    new SystemStack(app, { system: declaration.name, environment, components: declaration.components(environment) });
  return {
    name: declaration.name,
    declaration,
    validationRules(): ValidationRule[] {
      return [
        ...environmentSetRules(`${declaration.name}.environments`, declaration.environments),
        ...Object.entries(declaration.environments).flatMap(([key, environment]) => systemEnvironmentRules(declaration, key, environment)),
      ];
    },
    addStacks(app: App): void {
      for (const environment of Object.values(declaration.environments)) addStack(app, environment);
    },
    addStack,
  };
}
