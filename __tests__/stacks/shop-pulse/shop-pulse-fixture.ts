import { Testing } from 'cdktf';
import { failedMessages } from '../../../modules/validation';
import { SHOP_PULSE_ENVIRONMENTS } from '../../../stacks/shop-pulse/environments';
import { ShopPulseEnvironment } from '../../../stacks/shop-pulse/shop-pulse-environment';
import { shopPulseSystem } from '../../../stacks/shop-pulse/shop-pulse-system';
import { warningsOf } from '../../fixtures/annotations';
import { synthesized } from '../../modules/rds-proxy/region-context-fixture';

export const DEV = SHOP_PULSE_ENVIRONMENTS.dev;
export const PROD = SHOP_PULSE_ENVIRONMENTS.prod;

/** A shipped environment with overrides, typed loosely so tests can build invalid configuration. */
export function environmentWith(base: ShopPulseEnvironment, overrides: Record<string, unknown>): ShopPulseEnvironment {
  return { ...base, ...overrides } as ShopPulseEnvironment;
}

/** One environment's stack, synthesized with construct paths kept, and its synthesis warnings. */
export function synthShopPulse(environment: ShopPulseEnvironment): { json: any; warnings: string[] } {
  const stack = shopPulseSystem({ [environment.name]: environment }).addStack(Testing.app(), environment);
  const { json } = synthesized(stack);
  return { json, warnings: warningsOf(stack) };
}

/** What the app refuses for this environment before any stack exists. */
export function configurationProblems(environment: ShopPulseEnvironment): string[] {
  return failedMessages(shopPulseSystem({ [environment.name]: environment }).validationRules());
}

/** The resources of a type, by construct path below the stack (`Postgres/InstanceUsEast1/Instance`). */
export function byPath(json: any, type: string): Record<string, any> {
  return Object.fromEntries(
    Object.values<any>(json.resource?.[type] ?? {}).map((resource) => [String(resource['//'].metadata.path).replace(/^[^/]+\//, ''), resource]),
  );
}

/** A Terraform reference to an attribute of the resource at `path`. */
export function referenceTo(json: any, type: string, path: string, attribute: string): string {
  const [id] = Object.entries<any>(json.resource[type]).find(([, resource]) => String(resource['//'].metadata.path).replace(/^[^/]+\//, '') === path) ?? [];
  if (id === undefined) throw new Error(`no ${type} at ${path}`);
  return `\${${type}.${id}.${attribute}}`;
}
