import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { AlarmTopics } from '../../../modules/alarms/alarm-topics';
import { CacheReplicationGroup, CacheReplicationGroupProps } from '../../../modules/cache/replication-group';
import { ResourceNaming } from '../../../modules/naming/resource-naming';

export const NAMING = new ResourceNaming('gaming-platform', 'prod');
export const NETWORK = { vpcId: 'vpc-0a1b', subnetIds: ['subnet-a', 'subnet-b'], applicationSecurityGroupIds: ['sg-app'] };

/** A stack with a provider per Region, the random provider, and alarm topics by ARN. */
export function cacheTestStack(regions: readonly string[] = ['eu-west-2']) {
  const stack = new TerraformStack(Testing.app(), 'test');
  new RandomProvider(stack, 'Random');
  const providers = new Map(regions.map((region) => [region, new AwsProvider(stack, `Aws-${region}`, { region, alias: region.replace(/-/g, '_') })]));
  const topics = (region: string) =>
    new AlarmTopics(stack, `Topics-${region}`, {
      provider: providers.get(region)!,
      region,
      naming: NAMING,
      existingTopicArns: { critical: `arn:critical:${region}`, warning: `arn:warning:${region}`, info: `arn:info:${region}` },
    });
  return { stack, provider: (region: string) => providers.get(region)!, topics };
}

export type GroupOverrides = Partial<Omit<CacheReplicationGroupProps, 'provider' | 'alarmTopics'>> & { withAlarms?: boolean };

/** Synthesizes one replication group in eu-west-2 (prod, 3 x cache.r7g.xlarge unless overridden). */
export function synthGroup(overrides: GroupOverrides = {}) {
  const { stack, provider, topics } = cacheTestStack();
  const { withAlarms = true, ...props } = overrides;
  const group = new CacheReplicationGroup(stack, 'Redis', {
    provider: provider('eu-west-2'),
    region: 'eu-west-2',
    naming: NAMING,
    environment: 'prod',
    network: NETWORK,
    nodeType: 'cache.r7g.xlarge',
    nodeCount: 3,
    alarmTopics: withAlarms ? topics('eu-west-2') : undefined,
    ...props,
  });
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text), stack, group };
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
