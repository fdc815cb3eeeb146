import { at, ENVIRONMENTS, synthShipped } from './skillancer-fixture';

// The roles migration (migrations/skillancer) applied on deploy to each environment's primary.

const stacks = synthShipped();

describe('skillancer: roles migration on deploy', () => {
  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN a function skillancer-<env>-migrations applies migrations/skillancer to the primary over verified TLS, reading the master secret', (env) => {
    const fn = at(stacks[env], 'aws_lambda_function', 'Migrations/Function');
    expect(fn.function_name).toBe(`skillancer-${env}-migrations`);
    expect(fn.environment.variables).toMatchObject({
      MIGRATION_SYSTEM: 'skillancer',
      DB_NAME: 'skillancer',
      DB_PORT: '5432',
      DB_SSLMODE: 'verify-full',
      DB_HOST: expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}\.address\}$/),
      DB_SECRET_ARN: expect.stringMatching(/^\$\{aws_secretsmanager_secret\.Postgres_InstanceUsEast1_Credentials_SecretUsEast1_[0-9A-F]{8}\.arn\}$/),
    });
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the invocation waits for the primary and the written secret, and reruns when the migrations change', (env) => {
    const invocation = at(stacks[env], 'aws_lambda_invocation', 'Migrations/Invocation');
    expect(invocation.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}$/),
        expect.stringMatching(/^aws_secretsmanager_secret_version\.Postgres_InstanceUsEast1_Credentials_ValueUsEast1_[0-9A-F]{8}$/),
      ]),
    );
    expect(JSON.parse(invocation.input)).toEqual({ system: 'skillancer', checksum: invocation.triggers.migrations_checksum });
  });
});
