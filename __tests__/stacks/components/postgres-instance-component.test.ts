import { configurationProblems, environmentWith, synthTestSystem } from './component-fixture';
import { TEST_ENVIRONMENT } from './data-tier-test-system';
import { resourcesByPath } from '../../modules/postgres-instance/region-context-fixture';

const ID = 'pgtest-prod-postgres-us-east-1';

describe('postgresInstance component', () => {
  const { json } = synthTestSystem();

  test('GIVEN the component WHEN built THEN the instance sits at Postgres/Instance<Region> in the primary Region\'s data subnets', () => {
    const instances = resourcesByPath(json, 'aws_db_instance');
    expect(Object.keys(instances).sort()).toEqual(['Postgres/InstanceUsEast1/Instance', 'Postgres/InstanceUsEast1/Replica1']);
    expect(instances['Postgres/InstanceUsEast1/Instance']).toMatchObject({ identifier: ID, provider: 'aws.us_east_1' });
    expect(resourcesByPath(json, 'aws_db_subnet_group')['Postgres/InstanceUsEast1/SubnetGroup'].subnet_ids).toEqual(['subnet-0ccc', 'subnet-0ddd']);
  });

  test('GIVEN the component WHEN built THEN it declares its outputs, the credentials secret ARN sensitive', () => {
    expect(Object.keys(json.output).filter((name) => name.startsWith('postgres_')).sort()).toEqual([
      'postgres_credentials_secret_arn',
      'postgres_database_name',
      'postgres_endpoint',
      'postgres_instance_identifier',
      'postgres_port',
      'postgres_reader_endpoint',
      'postgres_replica_endpoints',
      'postgres_security_group_id',
    ]);
    expect(json.output.postgres_credentials_secret_arn.sensitive).toBe(true);
    expect(json.output.postgres_port.value).toBe(5432);
    expect(json.output.postgres_database_name.value).toBe('pgtest');
  });

  test('GIVEN a replica WHEN built THEN the reader endpoint output is the replica\'s address, the replica list holds it', () => {
    expect(json.output.postgres_reader_endpoint.value).toMatch(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Replica1_[0-9A-F]{8}\.address\}$/);
    expect(json.output.postgres_replica_endpoints.value).toEqual([json.output.postgres_reader_endpoint.value]);
  });

  test('GIVEN no replica WHEN built THEN the reader endpoint output is the primary\'s address and the replica list is empty', () => {
    const { json: single } = synthTestSystem(environmentWith({ postgres: { ...TEST_ENVIRONMENT.postgres, readReplicas: undefined } }));
    expect(single.output.postgres_reader_endpoint.value).toBe(single.output.postgres_endpoint.value);
    expect(single.output.postgres_replica_endpoints.value).toEqual([]);
  });

  test('GIVEN skillancer\'s output names WHEN built THEN the outputs are renamed and a dropped one is left out', () => {
    const { json: renamed } = synthTestSystem(TEST_ENVIRONMENT, {
      outputs: { postgres_endpoint: 'rds_endpoint', postgres_reader_endpoint: 'rds_reader_endpoint', postgres_instance_identifier: false },
    });
    expect(renamed.output).toHaveProperty('rds_endpoint');
    expect(renamed.output).toHaveProperty('rds_reader_endpoint');
    expect(renamed.output).not.toHaveProperty('postgres_endpoint');
    expect(renamed.output).not.toHaveProperty('postgres_instance_identifier');
  });

  test('GIVEN the configured settings WHEN checked THEN the environment is valid', () => {
    expect(configurationProblems(TEST_ENVIRONMENT)).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['storage below 20 GiB', { storage: { allocatedGib: 5 } }, 'pgtest.environments.prod.postgres.storage.allocatedGib must be an integer 20-65536, got 5'],
    [
      'a maximum below the allocated size',
      { storage: { allocatedGib: 100, maxAllocatedGib: 80 } },
      'pgtest.environments.prod.postgres.storage.maxAllocatedGib must be at least pgtest.environments.prod.postgres.storage.allocatedGib (100) for storage autoscaling, got 80',
    ],
    [
      'a Performance Insights retention AWS rejects',
      { performanceInsights: { enabled: true, retentionDays: 365 } },
      'pgtest.environments.prod.postgres.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 365',
    ],
    ['six replicas', { readReplicas: { count: 6 } }, 'pgtest.environments.prod.postgres.readReplicas.count must be an integer 0-5, got 6'],
    [
      'an unknown replica class',
      { readReplicas: { count: 1, instanceClass: 'db.r6g.larg' } },
      'pgtest.environments.prod.postgres.readReplicas.instanceClass must be a known RDS for PostgreSQL instance class',
    ],
    [
      'a replica beside a single-AZ primary',
      { multiAz: false },
      'pgtest.environments.prod.postgres.readReplicas.count must be 0 unless the primary is Multi-AZ (multiAz is false; set multiAz: true for a read replica), got 1',
    ],
    [
      'retention 0 without the opt-out',
      { backups: { retentionDays: 0 }, readReplicas: undefined },
      'pgtest.environments.prod.postgres.backups.retentionDays must be 1-35, or 0 together with pgtest.environments.prod.postgres.backups.acknowledgeNoBackups: true',
    ],
  ])('GIVEN %s in the environment WHEN the app checks it THEN the message names the full setting path', (_case, postgres, message) => {
    const problems = configurationProblems(environmentWith({ postgres: { ...TEST_ENVIRONMENT.postgres, ...postgres } }));
    expect(problems).toEqual([expect.stringContaining(message)]);
  });

  test('GIVEN a component name that makes the identifier too long WHEN the app checks it THEN the identifier is refused before any stack exists', () => {
    expect(configurationProblems(TEST_ENVIRONMENT, { component: 'postgres-with-a-component-name-far-too-long-for-rds' })).toEqual([
      'the derived name "pgtest-prod-postgres-with-a-component-name-far-too-long-for-rds-us-east-1" (73 characters) must be an RDS DB instance identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system, environment or component name (pgtest.environments.prod.postgres)',
    ]);
  });

  test('GIVEN an output rename to a name that is not snake_case WHEN the app checks it THEN it is refused', () => {
    expect(configurationProblems(TEST_ENVIRONMENT, { outputs: { postgres_endpoint: 'RdsEndpoint' } })).toEqual([
      'pgtest.environments.prod.postgres.outputs.postgres_endpoint must be a snake_case output name or false (left out), got "RdsEndpoint"',
    ]);
  });
});
