import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { AlarmTopics } from '../../../modules/alarms';
import { EnvironmentPolicy, RegionContext } from '../../../modules/context';
import { ResourceNaming } from '../../../modules/naming';
import { RegionNetwork } from '../../../modules/network';

// A typed RegionContext for module tests: a stack with an aws provider per Region (aliased by Region), the
// random provider, alarm topics given by ARN, literal network IDs and a policy object.

export const PROD_POLICY: EnvironmentPolicy = {
  deletionProtection: true,
  preventDestroy: true,
  finalSnapshot: true,
  applyImmediately: false,
  logRetentionDays: 365,
  production: true,
};

export const DEV_POLICY: EnvironmentPolicy = {
  deletionProtection: false,
  preventDestroy: false,
  finalSnapshot: true,
  applyImmediately: true,
  logRetentionDays: 365,
  production: false,
};

export const NETWORK: RegionNetwork = {
  vpcId: 'vpc-0a1b2c',
  dataSubnetIds: ['subnet-data-a', 'subnet-data-b'],
  privateSubnetIds: ['subnet-private-a', 'subnet-private-b'],
  applicationSecurityGroupIds: ['sg-app'],
};

/** The ARN the fixture's topics have for a severity in a Region. */
export function topicArn(severity: string, region: string): string {
  return `arn:aws:sns:${region}:123456789012:${severity}`;
}

export interface TestStack {
  readonly stack: TerraformStack;
  /** The context of one of the stack's Regions. */
  context(region: string): RegionContext;
}

/** A stack with a RegionContext per Region, for a system and environment, under a policy. */
export function regionContextStack(
  options: { readonly regions?: readonly string[]; readonly system?: string; readonly environment?: string; readonly policy?: EnvironmentPolicy } = {},
): TestStack {
  const regions = options.regions ?? ['us-east-1'];
  const naming = new ResourceNaming(options.system ?? 'skillancer', options.environment ?? 'prod');
  const policy = options.policy ?? PROD_POLICY;
  const stack = new TerraformStack(Testing.app(), 'test');
  new RandomProvider(stack, 'Random');
  const contexts = new Map<string, RegionContext>(
    regions.map((region) => {
      const provider = new AwsProvider(stack, `Aws-${region}`, { region, alias: region.replace(/-/g, '_') });
      const alarmTopics = new AlarmTopics(stack, `Topics-${region}`, {
        provider,
        region,
        naming,
        existingTopicArns: { critical: topicArn('critical', region), warning: topicArn('warning', region), info: topicArn('info', region) },
      });
      return [region, { region, provider, naming, network: NETWORK, alarmTopics, policy }];
    }),
  );
  return {
    stack,
    context: (region: string) => {
      const context = contexts.get(region);
      if (context === undefined) throw new Error(`the test stack has no Region ${region}`);
      return context;
    },
  };
}

/** A resource's construct path from its Terraform name (`Postgres_Replica1_0A1B2C3D` -> `Postgres/Replica1`). */
export function constructPath(name: string): string {
  return name.replace(/_[0-9A-F]{8}$/, '').replace(/_/g, '/');
}

/** Blocks (resources or data sources) of a type keyed by construct path below the stack (`Postgres/Instance`). */
export function resourcesByPath(json: any, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, any> {
  return Object.fromEntries(Object.entries(json[kind]?.[type] ?? {}).map(([name, block]) => [constructPath(name), block]));
}

/** The Terraform reference to a resource at a construct path, e.g. `${aws_kms_key.Postgres_Key_233BA253.arn}`. */
export function referenceTo(json: any, type: string, path: string, attribute: string, kind: 'resource' | 'data' = 'resource'): string {
  const name = Object.keys(json[kind]?.[type] ?? {}).find((candidate) => constructPath(candidate) === path);
  if (name === undefined) throw new Error(`no ${type} at ${path}`);
  return `\${${kind === 'data' ? 'data.' : ''}${type}.${name}.${attribute}}`;
}

/** The Terraform address of a resource at a construct path (`aws_cloudwatch_log_group.Postgres_Logs_..._1A2B3C4D`). */
export function addressOf(json: any, type: string, path: string): string {
  return referenceTo(json, type, path, 'x').slice(2, -'.x}'.length);
}

/** The one resource of a type at a construct path. */
export function resourceAt(json: any, type: string, path: string): any {
  const resource = resourcesByPath(json, type)[path];
  if (resource === undefined) throw new Error(`no ${type} at ${path}; there are ${Object.keys(resourcesByPath(json, type)).join(', ')}`);
  return resource;
}
