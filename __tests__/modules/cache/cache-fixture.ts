import { CacheReplicationGroup, CacheReplicationGroupProps } from '../../../modules/cache';
import { EnvironmentPolicy, RegionContext } from '../../../modules/context';
import { ResourceNaming } from '../../../modules/naming';
import { RegionNetwork } from '../../../modules/network';
import { EnvironmentName } from '../../../stacks/common/environment';
import { synthesized, testStack, TestStack } from '../../fixtures/region-context';

export const NAMING = new ResourceNaming('gaming-platform', 'prod');

/** What a cache test may change about where its construct is built. */
export interface PlacementOverrides {
  /** @default 'prod' */
  readonly environment?: EnvironmentName;
  readonly policy?: Partial<EnvironmentPolicy>;
  readonly network?: Partial<RegionNetwork>;
}

/** A test stack named like the gaming platform in prod, with a context per Region. */
export function cacheTestStack(regions: readonly string[] = ['eu-west-2'], placement: PlacementOverrides = {}): TestStack {
  const environment = placement.environment ?? 'prod';
  return testStack({ regions, naming: new ResourceNaming('gaming-platform', environment), environment, policy: placement.policy });
}

/** A Region's context with a changed network. */
export function withNetwork(context: RegionContext, network: Partial<RegionNetwork> = {}): RegionContext {
  return { ...context, network: { ...context.network, ...network } };
}

export type GroupOverrides = Partial<Omit<CacheReplicationGroupProps, 'context'>> & PlacementOverrides;

/** Synthesizes one replication group in eu-west-2 (prod, 3 x cache.r7g.xlarge unless overridden). */
export function synthGroup(overrides: GroupOverrides = {}, then: (group: CacheReplicationGroup) => void = () => undefined) {
  const { environment, policy, network, ...props } = overrides;
  const test = cacheTestStack(['eu-west-2'], { environment, policy });
  const group = new CacheReplicationGroup(test.stack, 'Redis', {
    nodeType: 'cache.r7g.xlarge',
    nodeCount: 3,
    ...props,
    context: withNetwork(test.context('eu-west-2'), network),
  });
  then(group);
  return { ...synthesized(test.stack), stack: test.stack, group };
}

/** Resources (or data sources) of a type keyed by their Terraform name without the hash suffix (`Redis_Logs_SlowLog`). */
export function byName(json: any, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, any> {
  return Object.fromEntries(Object.entries(json[kind]?.[type] ?? {}).map(([name, block]) => [name.replace(/_[0-9A-F]{8}$/, ''), block]));
}

/** The one resource of a type. */
export function only(json: any, type: string): any {
  const resources = Object.values(json.resource?.[type] ?? {});
  if (resources.length !== 1) throw new Error(`expected one ${type}, got ${resources.length}`);
  return resources[0];
}
