import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { constructPath } from '../../fixtures/region-context';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform as synthStack } from '../../fixtures/synth';

/** The Terraform address of the one resource of a type whose construct path is `path`. */
function addressOf(json: any, type: string, path: string): string {
  const name = Object.keys(json.resource[type]).find((key) => constructPath(key) === path);
  if (name === undefined) throw new Error(`no ${type} at ${path}`);
  return `${type}.${name}`;
}

describe('gaming platform: migrations on deploy', () => {
  test('GIVEN the base environment WHEN synthesized THEN the function runs in the primary Region\'s private subnets (not the data subnets) with the application security groups', () => {
    const { text, json } = synthStack(BASE_ENVIRONMENT);
    expect(text).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'gaming-platform-prod-migrations',
      provider: 'aws.eu_west_2',
      vpc_config: { subnet_ids: ['subnet-0aaa', 'subnet-0bbb'], security_group_ids: ['sg-0app'] },
      environment: { variables: expect.objectContaining({ MIGRATION_SYSTEM: 'gaming-platform', DB_NAME: 'gaming' }) },
    });
    expect(Object.keys(json.resource.aws_lambda_invocation)).toHaveLength(1);
  });

  test('GIVEN the base environment WHEN synthesized THEN the function connects to the primary cluster\'s writer with the primary Region\'s master secret', () => {
    const { json } = synthStack(BASE_ENVIRONMENT);
    const [migrationFunction] = Object.values(json.resource.aws_lambda_function) as any[];
    const cluster = addressOf(json, 'aws_rds_cluster', 'Aurora/ClusterEuWest2/Cluster');
    const secret = addressOf(json, 'aws_secretsmanager_secret', 'Aurora/Credentials/SecretEuWest2');
    expect(migrationFunction.environment.variables.DB_HOST).toBe(`\${${cluster}.endpoint}`);
    expect(migrationFunction.environment.variables.DB_SECRET_ARN).toBe(`\${${secret}.arn}`);
  });

  test('GIVEN the base environment WHEN synthesized THEN the invocation waits for the writer instance and the secret\'s value', () => {
    const { json } = synthStack(BASE_ENVIRONMENT);
    const [invocation] = Object.values(json.resource.aws_lambda_invocation) as any[];
    expect(invocation.depends_on).toEqual(expect.arrayContaining([
      addressOf(json, 'aws_rds_cluster_instance', 'Aurora/ClusterEuWest2/Instance1'),
      addressOf(json, 'aws_secretsmanager_secret_version', 'Aurora/Credentials/ValueEuWest2'),
    ]));
  });

  test('GIVEN the base environment WHEN synthesized THEN the stack outputs the function name and the migrations checksum', () => {
    const { json } = synthStack(BASE_ENVIRONMENT);
    expect(json.output.migrations_function_name.value).toMatch(/^\$\{aws_lambda_function\.Migrations_Function_\w+\.function_name\}$/);
    expect(json.output.migrations_checksum.value).toMatch(/^[0-9a-f]{64}$/);
  });

  test('GIVEN migrations.onDeploy false WHEN synthesized THEN there is no function, invocation or output', () => {
    const { json } = synthStack(environmentWith({ migrations: { onDeploy: false } }));
    expect(json.resource.aws_lambda_function).toBeUndefined();
    expect(json.resource.aws_lambda_invocation).toBeUndefined();
    expect(json.output?.migrations_checksum).toBeUndefined();
  });
});
