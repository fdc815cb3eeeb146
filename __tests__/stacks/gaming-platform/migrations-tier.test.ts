import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Testing } from 'cdktf';
import { GamingPlatformEnvironment } from '../../../stacks/gaming-platform/gaming-platform-environment';
import { GamingPlatformStack } from '../../../stacks/gaming-platform/gaming-platform-stack';
import { addMigrationsOnDeploy, MigrationTarget } from '../../../stacks/gaming-platform/migrations-tier';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';

// Stand-ins for what the Aurora tier will hand over.
const TARGET: MigrationTarget = {
  writerEndpoint: 'gaming-platform-prod-aurora-eu-west-2.cluster-abc.eu-west-2.rds.amazonaws.com',
  port: 5432,
  databaseName: 'gaming',
  masterSecretArn: 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:gaming-platform-prod-master-AbCdEf',
  secretKmsKeyArn: 'arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

function synthWithMigrations(environment: GamingPlatformEnvironment): { json: any; text: string } {
  const stack = new GamingPlatformStack(Testing.app(), environment);
  addMigrationsOnDeploy(stack, TARGET);
  const text = Testing.synth(stack);
  return { json: JSON.parse(text), text };
}

describe('gaming platform: migrations on deploy', () => {
  test('GIVEN the base environment WHEN synthesized THEN the function runs in the primary Region\'s private subnets with the application security groups', () => {
    const { text, json } = synthWithMigrations(BASE_ENVIRONMENT);
    expect(text).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'gaming-platform-prod-migrations',
      provider: 'aws.eu_west_2',
      vpc_config: { subnet_ids: ['subnet-0aaa', 'subnet-0bbb'], security_group_ids: ['sg-0app'] },
      environment: { variables: expect.objectContaining({ MIGRATION_SYSTEM: 'gaming-platform', DB_HOST: TARGET.writerEndpoint, DB_NAME: 'gaming' }) },
    });
    expect(Object.keys(json.resource.aws_lambda_invocation)).toHaveLength(1);
  });

  test('GIVEN the base environment WHEN synthesized THEN the stack outputs the function name and the migrations checksum', () => {
    const { json } = synthWithMigrations(BASE_ENVIRONMENT);
    expect(json.output.migrations_function_name.value).toMatch(/^\$\{aws_lambda_function\.MigrationsEuWest2_Function_\w+\.function_name\}$/);
    expect(json.output.migrations_checksum.value).toMatch(/^[0-9a-f]{64}$/);
  });

  test('GIVEN migrations.onDeploy false WHEN synthesized THEN there is no function, invocation or output', () => {
    const { json } = synthWithMigrations(environmentWith({ migrations: { onDeploy: false } }));
    expect(json.resource.aws_lambda_function).toBeUndefined();
    expect(json.resource.aws_lambda_invocation).toBeUndefined();
    expect(json.output?.migrations_checksum).toBeUndefined();
  });
});
