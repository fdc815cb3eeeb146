import { failedMessages } from '../../../modules/validation';
import { SKILLANCER } from '../../../stacks/skillancer/skillancer-system';
import { alarmsByName, at, ENVIRONMENTS, synthShipped } from './skillancer-fixture';

// skillancer's RDS for PostgreSQL instance in each shipped environment: every number of its requirements.

const stacks = synthShipped();
const instance = (env: keyof typeof stacks) => at(stacks[env], 'aws_db_instance', 'Postgres/InstanceUsEast1/Instance');
const identifier = (env: string) => `skillancer-${env}-postgres-us-east-1`;

describe('skillancer: RDS for PostgreSQL', () => {
  test('GIVEN the shipped environments WHEN checked THEN they are valid', () => {
    expect(failedMessages(SKILLANCER.validationRules())).toEqual([]);
  });

  test.each([
    ['dev', 'db.t3.micro', 20, 50, false],
    ['staging', 'db.t3.medium', 50, 200, true],
    ['prod', 'db.r6g.large', 100, 500, true],
  ] as const)('GIVEN %s WHEN synthesized THEN the primary is %s with %i GiB gp3 autoscaling to %i GiB, Multi-AZ %s', (env, instanceClass, allocated, maximum, multiAz) => {
    expect(instance(env)).toMatchObject({
      identifier: identifier(env),
      instance_class: instanceClass,
      storage_type: 'gp3',
      allocated_storage: allocated,
      max_allocated_storage: maximum,
      multi_az: multiAz,
      storage_encrypted: true,
      publicly_accessible: false,
    });
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN PostgreSQL 16.11, database skillancer, master skillancer_admin, port 5432, IAM authentication on, a customer-managed key', (env) => {
    expect(instance(env)).toMatchObject({
      engine: 'postgres',
      engine_version: '16.11',
      db_name: 'skillancer',
      username: 'skillancer_admin',
      port: 5432,
      iam_database_authentication_enabled: true,
      monitoring_interval: 60,
      enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
    });
    expect(instance(env).kms_key_id).toMatch(/^\$\{aws_kms_key\.Postgres_InstanceUsEast1_Key_[0-9A-F]{8}\.arn\}$/);
  });

  test.each([
    ['dev', 1, 7],
    ['staging', 7, 7],
    ['prod', 30, 731],
  ] as const)('GIVEN %s WHEN synthesized THEN backups are kept %i days in 03:00-04:00, maintenance mon:04:00-mon:05:00, Performance Insights kept %i days', (env, backupDays, insightsDays) => {
    expect(instance(env)).toMatchObject({
      backup_retention_period: backupDays,
      backup_window: '03:00-04:00',
      maintenance_window: 'mon:04:00-mon:05:00',
      performance_insights_enabled: true,
      performance_insights_retention_period: insightsDays,
    });
  });

  test('GIVEN dev WHEN synthesized THEN no deletion protection, no final snapshot, changes at once, no prevent_destroy (the dev policy)', () => {
    expect(instance('dev')).toMatchObject({ deletion_protection: false, skip_final_snapshot: true, apply_immediately: true });
    expect(instance('dev')).not.toHaveProperty('final_snapshot_identifier');
    expect(instance('dev').lifecycle?.prevent_destroy).toBeUndefined();
  });

  test.each(['staging', 'prod'] as const)('GIVEN %s WHEN synthesized THEN deletion protection on, a final snapshot <id>-final, changes in the maintenance window', (env) => {
    expect(instance(env)).toMatchObject({
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: `${identifier(env)}-final`,
      apply_immediately: false,
    });
  });

  test('GIVEN prod WHEN synthesized THEN the instance is protected from terraform destroy', () => {
    expect(instance('prod').lifecycle).toEqual({ prevent_destroy: true });
  });

  test('GIVEN prod WHEN synthesized THEN one db.r6g.large read replica of the primary, single-AZ, same key, 2-year Performance Insights', () => {
    const replica = at(stacks.prod, 'aws_db_instance', 'Postgres/InstanceUsEast1/Replica1');
    expect(replica).toMatchObject({
      identifier: `${identifier('prod')}-replica-1`,
      instance_class: 'db.r6g.large',
      multi_az: false,
      replicate_source_db: expect.stringMatching(/^\$\{aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}\.identifier\}$/),
      kms_key_id: instance('prod').kms_key_id,
      performance_insights_retention_period: 731,
      iam_database_authentication_enabled: true,
    });
  });

  test.each(['dev', 'staging'] as const)('GIVEN %s WHEN synthesized THEN there is no read replica', (env) => {
    expect(Object.keys(stacks[env].resource.aws_db_instance)).toHaveLength(1);
  });
});

describe('skillancer: credentials', () => {
  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN the password is write-only and the secret skillancer/<env>/rds/credentials holds host, port, dbname, username, password and a URL with the password URL-encoded', (env) => {
    expect(instance(env)).toHaveProperty('password_wo');
    expect(instance(env)).not.toHaveProperty('password');
    expect(instance(env)).not.toHaveProperty('manage_master_user_password');
    const secret = at(stacks[env], 'aws_secretsmanager_secret', 'Postgres/InstanceUsEast1/Credentials/SecretUsEast1');
    expect(secret.name).toBe(`skillancer/${env}/rds/credentials`);
    expect(secret.kms_key_id).toBe(instance(env).kms_key_id);
    const value = at(stacks[env], 'aws_secretsmanager_secret_version', 'Postgres/InstanceUsEast1/Credentials/ValueUsEast1');
    expect(value).not.toHaveProperty('secret_string');
    for (const key of ['"engine" = "postgres"', '"username" = "skillancer_admin"', '"password" = ephemeral.random_password.', '"host" = aws_db_instance.', '"port" = 5432', '"dbname" = "skillancer"']) {
      expect(value.secret_string_wo).toContain(key);
    }
    expect(value.secret_string_wo).toMatch(
      /"url" = "postgresql:\/\/skillancer_admin:\$\{urlencode\(ephemeral\.random_password\.skillancer_\w+_master_password\.result\)\}@\$\{aws_db_instance\.Postgres_InstanceUsEast1_Instance_[0-9A-F]{8}\.address\}:5432\/skillancer\?sslmode=require"/,
    );
  });
});

describe('skillancer: parameters', () => {
  const parameters = (env: keyof typeof stacks) =>
    Object.fromEntries(
      at(stacks[env], 'aws_db_parameter_group', 'Postgres/InstanceUsEast1/ParameterGroup').parameter.map((parameter: any) => [parameter.name, [parameter.value, parameter.apply_method]]),
    );

  test.each(['dev', 'staging'] as const)('GIVEN %s WHEN synthesized THEN the base set: TLS only, pg_stat_statements, slow statements over 1 s and DDL logged', (env) => {
    expect(at(stacks[env], 'aws_db_parameter_group', 'Postgres/InstanceUsEast1/ParameterGroup').family).toBe('postgres16');
    expect(parameters(env)).toEqual({
      'rds.force_ssl': ['1', 'immediate'],
      shared_preload_libraries: ['pg_stat_statements', 'pending-reboot'],
      log_min_duration_statement: ['1000', 'immediate'],
      log_statement: ['ddl', 'immediate'],
    });
  });

  test('GIVEN prod WHEN synthesized THEN the base set and the production set with the 8 kB units corrected, static ones at the next reboot', () => {
    expect(parameters('prod')).toEqual({
      'rds.force_ssl': ['1', 'immediate'],
      shared_preload_libraries: ['pg_stat_statements', 'pending-reboot'],
      log_min_duration_statement: ['1000', 'immediate'],
      log_statement: ['ddl', 'immediate'],
      shared_buffers: ['{DBInstanceClassMemory/32768}', 'pending-reboot'],
      effective_cache_size: ['{DBInstanceClassMemory*3/32768}', 'immediate'],
      work_mem: ['65536', 'immediate'],
      maintenance_work_mem: ['524288', 'immediate'],
      checkpoint_completion_target: ['0.9', 'immediate'],
      wal_buffers: ['2048', 'pending-reboot'],
      random_page_cost: ['1.1', 'immediate'],
      effective_io_concurrency: ['200', 'immediate'],
      max_connections: ['200', 'pending-reboot'],
    });
  });

  test('GIVEN prod WHEN synthesized THEN the replica shares the primary\'s parameter group', () => {
    expect(at(stacks.prod, 'aws_db_instance', 'Postgres/InstanceUsEast1/Replica1').parameter_group_name).toBe(instance('prod').parameter_group_name);
  });
});

describe('skillancer: RDS alarms', () => {
  const GIB = 1024 ** 3;

  /** The six instance alarms of one instance: [suffix, metric, statistic, comparison, threshold, periods]. */
  const instanceAlarms = (connections: number, allocatedGib: number) => [
    ['cpu', 'CPUUtilization', 'Average', 'GreaterThanThreshold', 80, 3],
    ['free-storage', 'FreeStorageSpace', 'Average', 'LessThanThreshold', allocatedGib * GIB * 0.2, 1],
    ['connections', 'DatabaseConnections', 'Maximum', 'GreaterThanThreshold', connections, 2],
    ['freeable-memory', 'FreeableMemory', 'Average', 'LessThanThreshold', 268435456, 2],
    ['read-latency', 'ReadLatency', 'Average', 'GreaterThanThreshold', 0.02, 3],
    ['write-latency', 'WriteLatency', 'Average', 'GreaterThanThreshold', 0.05, 3],
  ];

  const rdsAlarms = (env: keyof typeof stacks) =>
    Object.fromEntries(Object.entries(alarmsByName(stacks[env])).filter(([, alarm]) => alarm.namespace === 'AWS/RDS'));

  const describeAlarm = (alarm: any) => [alarm.metric_name, alarm.statistic, alarm.comparison_operator, alarm.threshold, alarm.evaluation_periods];

  // Connections: 80 % of max_connections; dev and staging by their class's default (104, 419), prod by its parameter (200).
  test.each([
    ['dev', 83, 20, 4294967296],
    ['staging', 335, 50, 10737418240],
    ['prod', 160, 100, 21474836480],
  ] as const)('GIVEN %s WHEN synthesized THEN the primary has the six alarms, connections above %i, free storage below 20 %% of %i GiB (%i bytes)', (env, connections, allocatedGib, freeBytes) => {
    const alarms = rdsAlarms(env);
    for (const [suffix, ...expected] of instanceAlarms(connections, allocatedGib)) {
      const alarm = alarms[`${identifier(env)}-${suffix}`];
      expect(describeAlarm(alarm)).toEqual(expected);
      expect(alarm).toMatchObject({ period: 300, dimensions: { DBInstanceIdentifier: identifier(env) } });
    }
    expect(alarms[`${identifier(env)}-free-storage`].threshold).toBe(freeBytes);
    expect(alarms[`${identifier(env)}-replica-lag`]).toBeUndefined();
  });

  test.each([
    ['dev', 6],
    ['staging', 6],
    ['prod', 13],
  ] as const)('GIVEN %s WHEN synthesized THEN it has %i RDS alarms in all', (env, count) => {
    expect(Object.keys(rdsAlarms(env))).toHaveLength(count);
  });

  test('GIVEN prod WHEN synthesized THEN the replica has its own six alarms and replica lag above 60 s for 3 periods', () => {
    const replica = `${identifier('prod')}-replica-1`;
    const alarms = rdsAlarms('prod');
    for (const [suffix, ...expected] of instanceAlarms(160, 100)) {
      expect(describeAlarm(alarms[`${replica}-${suffix}`])).toEqual(expected);
      expect(alarms[`${replica}-${suffix}`].dimensions).toEqual({ DBInstanceIdentifier: replica });
    }
    expect(alarms[`${replica}-replica-lag`]).toMatchObject({
      metric_name: 'ReplicaLag',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 60,
      evaluation_periods: 3,
      period: 300,
      dimensions: { DBInstanceIdentifier: replica },
    });
  });

  test.each(ENVIRONMENTS)('GIVEN %s WHEN synthesized THEN every RDS alarm notifies the created alarm topic of its severity, and its OK', (env) => {
    for (const alarm of Object.values(rdsAlarms(env))) {
      expect(alarm.alarm_actions).toHaveLength(1);
      expect(alarm.alarm_actions[0]).toMatch(/^\$\{aws_sns_topic\.AlarmTopicsUsEast1_(Critical|Warning)_[0-9A-F]{8}\.arn\}$/);
      expect(alarm.ok_actions).toEqual(alarm.alarm_actions);
    }
  });
});
