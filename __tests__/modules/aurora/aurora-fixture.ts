import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { AlarmTopics } from '../../../modules/alarms/alarm-topics';
import { AuroraCluster, AuroraClusterProps } from '../../../modules/aurora/aurora-cluster';
import { AuroraGlobalDatabase, AuroraGlobalDatabaseProps } from '../../../modules/aurora/aurora-global-database';
import { ResourceNaming } from '../../../modules/naming/resource-naming';

export const NAMING = new ResourceNaming('trivia-nft', 'staging');

function topics(stack: TerraformStack, provider: AwsProvider, region: string): AlarmTopics {
  return new AlarmTopics(stack, `Topics${region}`, {
    provider,
    region,
    naming: NAMING,
    existingTopicArns: {
      critical: `arn:aws:sns:${region}:111122223333:critical`,
      warning: `arn:aws:sns:${region}:111122223333:warning`,
      info: `arn:aws:sns:${region}:111122223333:info`,
    },
  });
}

/** A single-Region Serverless v2 cluster like seed 000's (0.5-16 ACU), in eu-west-2; tests spread overrides. */
export const SERVERLESS_CLUSTER: Omit<AuroraClusterProps, 'provider' | 'alarmTopics'> = {
  region: 'eu-west-2',
  naming: NAMING,
  environment: 'staging',
  network: { vpcId: 'vpc-0a1b2c3d', subnetIds: ['subnet-0aaa', 'subnet-0bbb'], applicationSecurityGroupIds: ['sg-0app'] },
  instanceCount: 2,
  instanceClass: 'db.serverless',
  serverlessV2: { minCapacity: 0.5, maxCapacity: 16 },
  databaseName: 'trivianft',
  backupRetentionDays: 35,
};

export function synthCluster(overrides: Record<string, unknown> = {}): { text: string; json: any; cluster: AuroraCluster } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const cluster = new AuroraCluster(stack, 'Aurora', {
    ...SERVERLESS_CLUSTER,
    provider,
    alarmTopics: topics(stack, provider, 'eu-west-2'),
    ...overrides,
  } as AuroraClusterProps);
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text), cluster };
}

/** A two-Region Global Database (eu-west-2 primary, eu-west-1 secondary); tests spread overrides. */
export function synthGlobal(overrides: (providers: Record<string, AwsProvider>, stack: TerraformStack) => Partial<AuroraGlobalDatabaseProps> = () => ({})) {
  const stack = new TerraformStack(Testing.app(), 'test');
  const providers: Record<string, AwsProvider> = {
    'eu-west-2': new AwsProvider(stack, 'AwsEuWest2', { region: 'eu-west-2', alias: 'eu_west_2' }),
    'eu-west-1': new AwsProvider(stack, 'AwsEuWest1', { region: 'eu-west-1', alias: 'eu_west_1' }),
  };
  const network = (n: number) => ({ vpcId: `vpc-${n}`, subnetIds: [`subnet-${n}a`, `subnet-${n}b`], applicationSecurityGroupIds: [`sg-${n}app`] });
  const database = new AuroraGlobalDatabase(stack, 'Aurora', {
    naming: NAMING,
    environment: 'staging',
    primary: { region: 'eu-west-2', provider: providers['eu-west-2'], network: network(0), instanceCount: 2, instanceClass: 'db.r6g.large', alarmTopics: topics(stack, providers['eu-west-2'], 'eu-west-2') },
    secondary: { region: 'eu-west-1', provider: providers['eu-west-1'], network: network(1), instanceCount: 1, instanceClass: 'db.r6g.large', alarmTopics: topics(stack, providers['eu-west-1'], 'eu-west-1') },
    ...overrides(providers, stack),
  });
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text), database };
}

/** A resource's construct path from its Terraform name (`Aurora_Instance1_0A1B2C3D` -> `Aurora/Instance1`). */
export function constructPath(name: string): string {
  return name.replace(/_[0-9A-F]{8}$/, '').replace(/_/g, '/');
}

/** The blocks (resources or data sources) of one type, by construct path. */
export function resourcesByPath(json: any, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, any> {
  return Object.fromEntries(Object.entries(json[kind]?.[type] ?? {}).map(([name, block]) => [constructPath(name), block]));
}
