// The instance as a PostgresEndpoint: what was built against that contract for Aurora (migrations on deploy)
// takes an RDS instance unchanged.
import { Testing } from 'cdktf';
import { MigrationFunction } from '../../../modules/migrations';
import { PostgresInstance } from '../../../modules/postgres-instance';
import { addressOf, referenceTo, regionContextStack, resourcesByPath } from './region-context-fixture';

jest.setTimeout(120_000);

describe('migrations on deploy against an RDS for PostgreSQL instance', () => {
  const { stack, context } = regionContextStack();
  const instance = new PostgresInstance(stack, 'Postgres', {
    instanceClass: 'db.r6g.large',
    storage: { allocatedGib: 100 },
    credentials: { kind: 'write-only' },
    context: context('us-east-1'),
  });
  new MigrationFunction(stack, 'Migrations', { context: context('us-east-1'), system: 'gaming-platform', database: instance, ownSecurityGroup: true });
  const json = JSON.parse(Testing.synth(stack));
  const fn = Object.values(json.resource.aws_lambda_function)[0] as any;

  test('GIVEN the instance WHEN the migrations function is built THEN it connects to the primary\'s address, port and database', () => {
    expect(fn.environment.variables).toMatchObject({
      DB_HOST: referenceTo(json, 'aws_db_instance', 'Postgres/Instance', 'address'),
      DB_PORT: '5432',
      DB_NAME: 'skillancer',
      DB_SECRET_ARN: referenceTo(json, 'aws_secretsmanager_secret', 'Postgres/Credentials/SecretUsEast1', 'arn'),
    });
  });

  test('GIVEN write-only credentials WHEN the migrations run THEN they wait for the instance and the secret value', () => {
    const invocation = Object.values(json.resource.aws_lambda_invocation)[0] as any;
    expect(invocation.depends_on).toEqual(
      expect.arrayContaining([addressOf(json, 'aws_db_instance', 'Postgres/Instance'), addressOf(json, 'aws_secretsmanager_secret_version', 'Postgres/Credentials/ValueUsEast1')]),
    );
  });

  test('GIVEN its own security group WHEN the function is built THEN the instance admits it on 5432 through a standalone rule', () => {
    expect(resourcesByPath(json, 'aws_vpc_security_group_ingress_rule')['Postgres/SecurityGroup/FromMigrations']).toMatchObject({
      security_group_id: referenceTo(json, 'aws_security_group', 'Postgres/SecurityGroup', 'id'),
      from_port: 5432,
      to_port: 5432,
    });
  });

  test('GIVEN the instance key WHEN the function reads the secret THEN it may decrypt with it only through Secrets Manager in us-east-1', () => {
    const policy = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Migrations/Policy'];
    expect(policy.statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resources: [referenceTo(json, 'aws_kms_key', 'Postgres/Key', 'arn')],
          condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.us-east-1.amazonaws.com'] }],
        }),
      ]),
    );
  });
});
