// A RegionContext of literal parts for module tests: a stack with an aws provider, existing alarm topics,
// names for trivia-nft staging in eu-west-2, a network of literal IDs and a policy object.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DefaultTokenResolver, StringConcat, Testing, TerraformStack, Tokenization } from 'cdktf';
import { AlarmTopics } from '../../../modules/alarms';
import { EnvironmentPolicy, RegionContext } from '../../../modules/context';
import { ResourceNaming } from '../../../modules/naming';
import { RegionNetwork } from '../../../modules/network';

export const REGION = 'eu-west-2';
export const NAMING = new ResourceNaming('trivia-nft', 'staging');

export const NETWORK: RegionNetwork = {
  vpcId: 'vpc-0test',
  dataSubnetIds: ['subnet-0data1', 'subnet-0data2'],
  privateSubnetIds: ['subnet-0priv1', 'subnet-0priv2'],
  applicationSecurityGroupIds: ['sg-0app'],
};

export const STAGING_POLICY: EnvironmentPolicy = {
  deletionProtection: true,
  preventDestroy: false,
  finalSnapshot: true,
  applyImmediately: false,
  logRetentionDays: 365,
  production: false,
};

export const TOPICS = {
  critical: `arn:aws:sns:${REGION}:111122223333:critical`,
  warning: `arn:aws:sns:${REGION}:111122223333:warning`,
  info: `arn:aws:sns:${REGION}:111122223333:info`,
};

/** A fresh stack and the RegionContext of eu-west-2 in it; spread overrides into the context. */
export function regionContext(overrides: Partial<Omit<RegionContext, 'provider' | 'alarmTopics'>> = {}): { stack: TerraformStack; context: RegionContext } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: REGION });
  const alarmTopics = new AlarmTopics(stack, 'AlarmTopics', { provider, region: REGION, naming: NAMING, existingTopicArns: TOPICS });
  return { stack, context: { region: REGION, provider, naming: NAMING, network: NETWORK, alarmTopics, policy: STAGING_POLICY, ...overrides } };
}

/**
 * A stack synthesized: `text` as cdktf's Testing gives it (for its matchers), `json` with each resource's
 * construct path kept (`//.metadata.path`), which the helpers below find resources by.
 */
export function synthesized(stack: TerraformStack): { text: string; json: any } {
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(JSON.stringify(stack.toTerraform())) };
}

/** The resources of one type in synthesized JSON, by their logical id. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The only resource of a type (fails the test when there are several or none). */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** The stack the helpers below look in: its name prefixes every construct path. */
const STACK = 'test';

/** The logical id and JSON of the resource of a type whose construct path is `path` below the stack `stack`. */
function entryAt(json: any, type: string, path: string, stack: string): [string, any] {
  const entry = Object.entries(resourcesOf(json, type)).find(([, resource]: [string, any]) => resource['//']?.metadata?.path === `${stack}/${path}`);
  if (entry === undefined) throw new Error(`no ${type} at ${stack}/${path}`);
  return entry;
}

/** The resource of a type whose construct path is `path` (below the stack: `Proxy/Proxy`). */
export function resourceAt(json: any, type: string, path: string, stack = STACK): any {
  return entryAt(json, type, path, stack)[1];
}

/** A Terraform reference to a resource's attribute, as cdktf writes it. */
export function reference(json: any, type: string, path: string, attribute: string, stack = STACK): string {
  return `\${${type}.${entryAt(json, type, path, stack)[0]}.${attribute}}`;
}

/** A resource's address (`<type>.<logical id>`), as `depends_on` lists it. */
export function address(json: any, type: string, path: string, stack = STACK): string {
  return `${type}.${entryAt(json, type, path, stack)[0]}`;
}

/** A construct's attribute (a token) as it appears in the stack's JSON (`${aws_db_proxy.Proxy_A6897D5D.arn}`). */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}
