import {
  configuredMaxConnections,
  memoryFormulaFraction,
  PostgresInstanceSettings,
  postgresInstanceSettingsRules,
  postgresParametersRules,
} from '../../../modules/postgres-instance';
import { failedMessages } from '../../../modules/validation';

// skillancer's production instance: db.r6g.large, 16 GiB.
const R6G_LARGE = { instanceClass: 'db.r6g.large', memoryGib: 16 } as const;

/** The production parameters skillancer's requirements list, as written there (bytes where PostgreSQL counts 8 kB pages). */
const AS_WRITTEN = {
  shared_buffers: '{DBInstanceClassMemory/4}',
  effective_cache_size: '{DBInstanceClassMemory*3/4}',
  work_mem: '65536',
  maintenance_work_mem: '524288',
  checkpoint_completion_target: '0.9',
  wal_buffers: '16384',
  random_page_cost: '1.1',
  effective_io_concurrency: '200',
  max_connections: '200',
};

/** The same with the units corrected: 25 % and 75 % of memory in 8 kB pages, 16 MiB of WAL buffers. */
const CORRECTED = {
  ...AS_WRITTEN,
  shared_buffers: '{DBInstanceClassMemory/32768}',
  effective_cache_size: '{DBInstanceClassMemory*3/32768}',
  wal_buffers: '2048',
  log_statement: 'ddl',
};

const problems = (parameters: Record<string, string>) => failedMessages(postgresParametersRules('postgres.parameters', parameters, R6G_LARGE));

describe('PostgreSQL parameter checks', () => {
  test('GIVEN skillancer\'s production parameters with the units corrected WHEN checked THEN they pass', () => {
    expect(problems(CORRECTED)).toEqual([]);
  });

  test('GIVEN skillancer\'s production parameters as written WHEN checked THEN shared_buffers and effective_cache_size are refused, the rest pass', () => {
    expect(problems(AS_WRITTEN)).toEqual([
      'postgres.parameters.shared_buffers must ask for at most the instance\'s memory (16 GiB on db.r6g.large); it counts in 8kB units while DBInstanceClassMemory is in bytes, so {DBInstanceClassMemory/4} asks for 2048 times the memory (divide by 8192 more, e.g. {DBInstanceClassMemory/32768} for 25 %), got "{DBInstanceClassMemory/4}"',
      'postgres.parameters.effective_cache_size must ask for at most the instance\'s memory (16 GiB on db.r6g.large); it counts in 8kB units while DBInstanceClassMemory is in bytes, so {DBInstanceClassMemory*3/4} asks for 6144 times the memory (divide by 8192 more, e.g. {DBInstanceClassMemory/32768} for 25 %), got "{DBInstanceClassMemory*3/4}"',
    ]);
  });

  test.each([
    ['shared_buffers', '128MB', 'postgres.parameters.shared_buffers must be an integer 16-1073741823 (8kB) or a {DBInstanceClassMemory...} formula, got "128MB"'],
    ['shared_buffers', '8', 'postgres.parameters.shared_buffers must be an integer 16-1073741823 (8kB) or a {DBInstanceClassMemory...} formula, got "8"'],
    ['shared_buffers', '4194304', 'postgres.parameters.shared_buffers must ask for at most the instance\'s memory (16 GiB on db.r6g.large); 4194304 x 8kB is 32 GiB, got "4194304"'],
    ['wal_buffers', '300000', 'postgres.parameters.wal_buffers must be an integer -1-262143 (8kB) or a {DBInstanceClassMemory...} formula, got "300000"'],
    ['work_mem', '32', 'postgres.parameters.work_mem must be an integer 64-2147483647 (kB) or a {DBInstanceClassMemory...} formula, got "32"'],
    ['maintenance_work_mem', '{DBInstanceClassMemory/512}', 'postgres.parameters.maintenance_work_mem must ask for at most the instance\'s memory (16 GiB on db.r6g.large); it counts in kB units while DBInstanceClassMemory is in bytes, so {DBInstanceClassMemory/512} asks for 2 times the memory (divide by 1024 more, e.g. {DBInstanceClassMemory/4096} for 25 %), got "{DBInstanceClassMemory/512}"'],
    ['max_connections', '0', 'postgres.parameters.max_connections must be an integer 1-262143, got "0"'],
    ['log_min_duration_statement', '1s', 'postgres.parameters.log_min_duration_statement must be an integer -1-2147483647 (ms), got "1s"'],
    ['rds.force_ssl', '2', 'postgres.parameters.rds.force_ssl must be an integer 0-1, got "2"'],
    ['checkpoint_completion_target', '1.5', 'postgres.parameters.checkpoint_completion_target must be a number 0-1, got "1.5"'],
    ['random_page_cost', 'fast', 'postgres.parameters.random_page_cost must be a number 0-and up, got "fast"'],
    ['log_statement', 'everything', 'postgres.parameters.log_statement must be one of "none", "ddl", "mod", "all", got "everything"'],
  ])('GIVEN %s = %s WHEN checked THEN it is refused', (name, value, message) => {
    expect(problems({ [name]: value })).toEqual([message]);
  });

  test('GIVEN a parameter DataStack does not know WHEN checked THEN it passes unchecked', () => {
    expect(problems({ 'pg_stat_statements.track': 'all', jit: 'off' })).toEqual([]);
  });

  test('GIVEN a formula DataStack does not evaluate WHEN checked THEN it passes', () => {
    expect(problems({ max_connections: 'LEAST({DBInstanceClassMemory/9531392},5000)', shared_buffers: 'GREATEST({DBInstanceClassMemory/65536},16384)' })).toEqual([]);
  });

  test('GIVEN a value that is not text WHEN checked THEN it is refused as RDS takes text', () => {
    expect(problems({ work_mem: 65536 as unknown as string })).toEqual(['postgres.parameters.work_mem must be a string (RDS takes every parameter value as text), got 65536']);
  });

  test('GIVEN shared_buffers of 1 GiB and a db.t3.micro replica WHEN the instance is checked THEN the smallest class sharing the group bounds it', () => {
    const settings: PostgresInstanceSettings = {
      instanceClass: 'db.r6g.large',
      storage: { allocatedGib: 100 },
      credentials: { kind: 'write-only' },
      readReplicas: { count: 1, instanceClass: 'db.t3.micro' },
      parameters: { shared_buffers: '131072' },
    };
    expect(failedMessages(postgresInstanceSettingsRules('postgres', settings))).toEqual([]);
    expect(failedMessages(postgresInstanceSettingsRules('postgres', { ...settings, parameters: { shared_buffers: '131073' } }))).toEqual([
      'postgres.parameters.shared_buffers must ask for at most the instance\'s memory (1 GiB on db.t3.micro); 131073 x 8kB is 1.00 GiB, got "131073"',
    ]);
  });

  test.each([
    ['{DBInstanceClassMemory/32768}', 1 / 32768],
    ['{DBInstanceClassMemory*3/32768}', 3 / 32768],
    ['{ DBInstanceClassMemory / 4 }', 1 / 4],
    ['{DBInstanceClassMemory}', 1],
    ['{DBInstanceClassMemory/0}', undefined],
    ['LEAST({DBInstanceClassMemory/9531392},5000)', undefined],
  ])('GIVEN the formula %s WHEN evaluated THEN it takes %s of the memory', (formula, fraction) => {
    expect(memoryFormulaFraction(formula)).toBe(fraction);
  });

  test.each([
    [{ max_connections: '200' }, 200],
    [{ max_connections: 'LEAST({DBInstanceClassMemory/9531392},5000)' }, undefined],
    [{}, undefined],
  ])('GIVEN parameters %j WHEN max_connections is read for the alarm THEN it is %s', (parameters, expected) => {
    expect(configuredMaxConnections(parameters)).toBe(expected);
  });
});
