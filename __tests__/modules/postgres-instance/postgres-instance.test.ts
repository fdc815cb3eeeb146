import { TerraformOutput, Testing } from 'cdktf';
import { PostgresEngineVersion, PostgresInstance, POSTGRES_INSTANCE_DEFAULTS } from '../../../modules/postgres-instance';
import { DEFAULT_POSTGRES_PARAMETERS } from '../../../modules/rds';
import { warningsOf } from '../../fixtures/annotations';
import { synthInstance } from './postgres-instance-fixture';
import { addressOf, DEV_POLICY, PROD_POLICY, referenceTo, regionContextStack, resourceAt, resourcesByPath, topicArn } from './region-context-fixture';

const ID = 'skillancer-prod-postgres-us-east-1';
const GIB = 1024 ** 3;

const primary = (json: any) => resourceAt(json, 'aws_db_instance', 'Postgres/Instance');
const alarm = (json: any, path: string) => resourceAt(json, 'aws_cloudwatch_metric_alarm', path);

describe('PostgresInstance defaults (skillancer prod: db.r6g.large, 100 GiB)', () => {
  const { json, instance } = synthInstance();

  test('GIVEN no engine version WHEN synthesized THEN it runs postgres 16.11', () => {
    expect(primary(json)).toMatchObject({ engine: 'postgres', engine_version: '16.11' });
  });

  test('GIVEN the Region context WHEN synthesized THEN the identifier is <system>-<env>-postgres-<region>', () => {
    expect(primary(json).identifier).toBe(ID);
  });

  test('GIVEN 100 GiB WHEN synthesized THEN storage is gp3 with no autoscaling ceiling, IOPS or throughput', () => {
    const instance = primary(json);
    expect(instance).toMatchObject({ storage_type: 'gp3', allocated_storage: 100 });
    expect(instance).not.toHaveProperty('max_allocated_storage');
    expect(instance).not.toHaveProperty('iops');
    expect(instance).not.toHaveProperty('storage_throughput');
  });

  test('GIVEN no key setting WHEN synthesized THEN storage is encrypted with the instance\'s own customer-managed key', () => {
    expect(primary(json)).toMatchObject({ storage_encrypted: true, kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/Key', 'arn') });
    expect(resourceAt(json, 'aws_kms_key', 'Postgres/Key').enable_key_rotation).toBe(true);
  });

  test('GIVEN defaults WHEN synthesized THEN the instance is not publicly accessible', () => {
    expect(primary(json).publicly_accessible).toBe(false);
  });

  test('GIVEN a production policy WHEN synthesized THEN deletion protection is on and Terraform refuses to destroy the instance and its key', () => {
    expect(primary(json).deletion_protection).toBe(true);
    expect(primary(json).lifecycle).toEqual({ prevent_destroy: true });
    expect(resourceAt(json, 'aws_kms_key', 'Postgres/Key').lifecycle).toEqual({ prevent_destroy: true });
  });

  test('GIVEN defaults WHEN synthesized THEN snapshots copy tags and deleting takes a final snapshot <id>-final, keeping automated backups', () => {
    expect(primary(json)).toMatchObject({
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: `${ID}-final`,
      delete_automated_backups: false,
    });
  });

  test('GIVEN defaults WHEN synthesized THEN minor upgrades are manual, major ones allowed through the explicit version, and the CA is rds-ca-rsa2048-g1', () => {
    expect(primary(json)).toMatchObject({ auto_minor_version_upgrade: false, allow_major_version_upgrade: true, ca_cert_identifier: 'rds-ca-rsa2048-g1' });
  });

  test('GIVEN defaults WHEN synthesized THEN Performance Insights keeps 7 days encrypted with the instance key', () => {
    expect(primary(json)).toMatchObject({
      performance_insights_enabled: true,
      performance_insights_retention_period: 7,
      performance_insights_kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/Key', 'arn'),
    });
  });

  test('GIVEN defaults WHEN synthesized THEN Enhanced Monitoring samples every 60 s through a role only monitoring.rds.amazonaws.com may assume', () => {
    expect(primary(json)).toMatchObject({ monitoring_interval: 60, monitoring_role_arn: referenceTo(json, 'aws_iam_role', 'Postgres/MonitoringRole', 'arn') });
    const trust = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Postgres/MonitoringRole/Trust'];
    expect(trust.statement[0].principals).toEqual([{ type: 'Service', identifiers: ['monitoring.rds.amazonaws.com'] }]);
  });

  test('GIVEN defaults WHEN synthesized THEN the postgresql and upgrade logs go to KMS-encrypted log groups made first and kept 365 days', () => {
    const groups = resourcesByPath(json, 'aws_cloudwatch_log_group');
    const postgresql = groups['Postgres/Logs/PrimaryPostgresql/Group'];
    const upgrade = groups['Postgres/Logs/PrimaryUpgrade/Group'];
    expect(primary(json).enabled_cloudwatch_logs_exports).toEqual(['postgresql', 'upgrade']);
    expect(postgresql).toMatchObject({ name: `/aws/rds/instance/${ID}/postgresql`, retention_in_days: 365, kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/Logs/Key', 'arn') });
    expect(upgrade).toMatchObject({ name: `/aws/rds/instance/${ID}/upgrade`, retention_in_days: 365 });
    expect(primary(json).depends_on).toEqual([
      addressOf(json, 'aws_cloudwatch_log_group', 'Postgres/Logs/PrimaryPostgresql/Group'),
      addressOf(json, 'aws_cloudwatch_log_group', 'Postgres/Logs/PrimaryUpgrade/Group'),
    ]);
  });

  test('GIVEN defaults WHEN synthesized THEN the logs key lets CloudWatch Logs of the Region use it for exactly those log groups', () => {
    const policy = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Postgres/Logs/Key/Policy'];
    const grants = policy.statement.filter((statement: any) => statement.sid.startsWith('ServiceGrant'));
    expect(grants.map((grant: any) => grant.principals[0].identifiers[0])).toEqual(['logs.us-east-1.amazonaws.com', 'logs.us-east-1.amazonaws.com']);
    expect(grants.map((grant: any) => grant.condition[0].values[0])).toEqual([
      expect.stringMatching(new RegExp(`:log-group:/aws/rds/instance/${ID}/postgresql$`)),
      expect.stringMatching(new RegExp(`:log-group:/aws/rds/instance/${ID}/upgrade$`)),
    ]);
  });

  test('GIVEN defaults WHEN synthesized THEN automated backups are kept 7 days, taken 02:00-03:00, maintenance sun 04:00-05:00', () => {
    expect(primary(json)).toMatchObject({ backup_retention_period: 7, backup_window: '02:00-03:00', maintenance_window: 'sun:04:00-sun:05:00' });
  });

  test('GIVEN a production policy and no multiAz setting WHEN synthesized THEN the instance is Multi-AZ', () => {
    expect(primary(json).multi_az).toBe(true);
  });

  test('GIVEN defaults WHEN synthesized THEN port 5432, database skillancer (the system name) and master user dbadmin', () => {
    expect(primary(json)).toMatchObject({ port: 5432, db_name: 'skillancer', username: 'dbadmin' });
  });

  test('GIVEN no credentials setting WHEN synthesized THEN RDS manages the master password in a secret encrypted with the instance key, rotated every 7 days', () => {
    expect(primary(json)).toMatchObject({ manage_master_user_password: true, master_user_secret_kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/Key', 'arn') });
    expect(primary(json)).not.toHaveProperty('password_wo');
    expect(resourceAt(json, 'aws_secretsmanager_secret_rotation', 'Postgres/MasterSecretRotation')).toMatchObject({
      secret_id: referenceTo(json, 'aws_db_instance', 'Postgres/Instance', 'master_user_secret[0].secret_arn'),
      rotation_rules: { automatically_after_days: 7 },
    });
  });

  test('GIVEN no parameters WHEN synthesized THEN the postgres16 group holds DataStack\'s parameters, static ones pending-reboot', () => {
    const group = resourceAt(json, 'aws_db_parameter_group', 'Postgres/ParameterGroup');
    expect(group.family).toBe('postgres16');
    expect(group.parameter).toEqual([
      { name: 'log_min_duration_statement', value: '1000', apply_method: 'immediate' },
      { name: 'rds.force_ssl', value: '1', apply_method: 'immediate' },
      { name: 'shared_preload_libraries', value: 'pg_stat_statements', apply_method: 'pending-reboot' },
    ]);
    expect(Object.keys(DEFAULT_POSTGRES_PARAMETERS)).toHaveLength(3);
    expect(primary(json).parameter_group_name).toBe(referenceTo(json, 'aws_db_parameter_group', 'Postgres/ParameterGroup', 'name'));
  });

  test('GIVEN the network WHEN synthesized THEN the instance sits in the data subnets behind a group admitting only the application security group on 5432', () => {
    expect(resourceAt(json, 'aws_db_subnet_group', 'Postgres/SubnetGroup').subnet_ids).toEqual(['subnet-data-a', 'subnet-data-b']);
    expect(Object.values(resourcesByPath(json, 'aws_vpc_security_group_ingress_rule'))).toEqual([
      expect.objectContaining({ referenced_security_group_id: 'sg-app', from_port: 5432, to_port: 5432, ip_protocol: 'tcp' }),
    ]);
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  test('GIVEN defaults WHEN synthesized THEN IAM database authentication is off', () => {
    expect(primary(json).iam_database_authentication_enabled).toBe(false);
  });

  test('GIVEN defaults WHEN synthesized THEN there are no read replicas and the reader endpoint is the primary\'s', () => {
    expect(Object.keys(json.resource.aws_db_instance)).toHaveLength(1);
    expect(instance.readerEndpoint).toBe(instance.writerEndpoint);
  });

  describe('alarms (skillancer\'s thresholds, 5-minute periods)', () => {
    test.each([
      ['Cpu', 'CPUUtilization', 'Average', 'GreaterThanThreshold', 80, 3, 'warning'],
      ['FreeStorage', 'FreeStorageSpace', 'Average', 'LessThanThreshold', 20 * GIB, 1, 'critical'],
      // db.r6g.large: LEAST(16e9 / 9531392, 5000) = 1678 connections; 80 % of it.
      ['Connections', 'DatabaseConnections', 'Maximum', 'GreaterThanThreshold', 1342, 2, 'critical'],
      ['FreeableMemory', 'FreeableMemory', 'Average', 'LessThanThreshold', 256 * 1024 * 1024, 2, 'warning'],
      ['ReadLatency', 'ReadLatency', 'Average', 'GreaterThanThreshold', 0.02, 3, 'warning'],
      ['WriteLatency', 'WriteLatency', 'Average', 'GreaterThanThreshold', 0.05, 3, 'warning'],
    ])('GIVEN defaults WHEN synthesized THEN %s alarms on %s %s %s %d for %d periods to the %s topic', (name, metric, statistic, comparison, threshold, periods, severity) => {
      expect(alarm(json, `Postgres/PrimaryAlarms/${name}`)).toMatchObject({
        namespace: 'AWS/RDS',
        metric_name: metric,
        statistic,
        comparison_operator: comparison,
        threshold,
        evaluation_periods: periods,
        period: 300,
        dimensions: { DBInstanceIdentifier: ID },
        alarm_actions: [topicArn(severity, 'us-east-1')],
        ok_actions: [topicArn(severity, 'us-east-1')],
      });
    });

    test('GIVEN no replica WHEN synthesized THEN the primary has six alarms and no replica-lag alarm', () => {
      expect(Object.keys(resourcesByPath(json, 'aws_cloudwatch_metric_alarm')).sort()).toEqual(
        ['Connections', 'Cpu', 'FreeStorage', 'FreeableMemory', 'ReadLatency', 'WriteLatency'].map((name) => `Postgres/PrimaryAlarms/${name}`),
      );
    });
  });

  test('GIVEN the instance WHEN used as a PostgresEndpoint THEN it names the postgres engine, its Region and a proxy target by instance identifier', () => {
    expect(instance.engine).toBe('postgres');
    expect(instance.region).toBe('us-east-1');
    expect(instance.proxyTarget).toEqual({ dbInstanceIdentifier: ID });
    expect(instance.masterCredentials.secretArn).toBe(instance.credentialsSecretArn);
    expect(instance.readyForClients).toEqual([instance.instance]);
  });

  test('GIVEN a production policy and defaults WHEN synthesized THEN there is no warning', () => {
    expect(warningsOf(instance)).toEqual([]);
  });
});

describe('PostgresInstance under a development policy', () => {
  const { json, instance } = synthInstance({ instanceClass: 'db.t3.micro', storage: { allocatedGib: 20 } }, { policy: DEV_POLICY, environment: 'dev' });

  test('GIVEN dev WHEN synthesized THEN deletion protection is off, nothing prevents destroy, changes apply at once', () => {
    expect(primary(json)).toMatchObject({ deletion_protection: false, apply_immediately: true });
    expect(primary(json).lifecycle).toEqual({});
  });

  test('GIVEN dev and no multiAz setting WHEN synthesized THEN the instance is single-AZ', () => {
    expect(primary(json).multi_az).toBe(false);
  });

  test('GIVEN dev WHEN synthesized THEN a burstable class raises no warning', () => {
    expect(warningsOf(instance)).toEqual([]);
  });

  test('GIVEN db.t3.micro WHEN synthesized THEN the connections alarm is 80 % of its 104 connections', () => {
    expect(alarm(json, 'Postgres/PrimaryAlarms/Connections').threshold).toBe(83);
  });

  test('GIVEN a policy without final snapshots WHEN synthesized THEN deleting skips the final snapshot', () => {
    const { json: noSnapshot } = synthInstance({}, { policy: { ...DEV_POLICY, finalSnapshot: false } });
    expect(primary(noSnapshot).skip_final_snapshot).toBe(true);
    expect(primary(noSnapshot)).not.toHaveProperty('final_snapshot_identifier');
  });
});

describe('PostgresInstance overrides', () => {
  test('GIVEN engine 17.7 WHEN synthesized THEN engine_version and the parameter group family follow', () => {
    const { json } = synthInstance({ engineVersion: PostgresEngineVersion.V17_7 });
    expect(primary(json).engine_version).toBe('17.7');
    expect(resourceAt(json, 'aws_db_parameter_group', 'Postgres/ParameterGroup')).toMatchObject({ family: 'postgres17', name_prefix: `${ID}-postgres17-` });
  });

  test('GIVEN a storage autoscaling ceiling WHEN synthesized THEN max_allocated_storage is set', () => {
    expect(primary(synthInstance({ storage: { allocatedGib: 100, maxAllocatedGib: 500 } }).json).max_allocated_storage).toBe(500);
  });

  test('GIVEN 400 GiB with IOPS and throughput WHEN synthesized THEN they are provisioned', () => {
    const { json } = synthInstance({ storage: { allocatedGib: 400, iops: 16000, throughputMiBps: 1000 } });
    expect(primary(json)).toMatchObject({ allocated_storage: 400, iops: 16000, storage_throughput: 1000 });
  });

  test('GIVEN multiAz false in production WHEN synthesized THEN the instance is single-AZ and synthesis warns', () => {
    const { json, instance } = synthInstance({ multiAz: false });
    expect(primary(json).multi_az).toBe(false);
    expect(warningsOf(instance)).toEqual([expect.stringContaining('postgres.multiAz is off in production')]);
  });

  test('GIVEN multiAz true in dev WHEN synthesized THEN the instance is Multi-AZ', () => {
    expect(primary(synthInstance({ multiAz: true }, { policy: DEV_POLICY }).json).multi_az).toBe(true);
  });

  test('GIVEN 30 days of backups from 03:00 and maintenance mon 04:00 WHEN synthesized THEN they are set', () => {
    const { json } = synthInstance({ backups: { retentionDays: 30, preferredWindow: '03:00-04:00' }, preferredMaintenanceWindow: 'mon:04:00-mon:05:00' });
    expect(primary(json)).toMatchObject({ backup_retention_period: 30, backup_window: '03:00-04:00', maintenance_window: 'mon:04:00-mon:05:00' });
  });

  test('GIVEN 0 days with the explicit opt-out in dev WHEN synthesized THEN automated backups are off, no window is set, no warning', () => {
    const { json, instance } = synthInstance({ backups: { retentionDays: 0, acknowledgeNoBackups: true } }, { policy: DEV_POLICY });
    expect(primary(json).backup_retention_period).toBe(0);
    expect(primary(json)).not.toHaveProperty('backup_window');
    expect(warningsOf(instance)).toEqual([]);
  });

  test('GIVEN 0 days with the explicit opt-out in production WHEN synthesized THEN synthesis warns and the final snapshot stays', () => {
    const { json, instance } = synthInstance({ backups: { retentionDays: 0, acknowledgeNoBackups: true } });
    expect(warningsOf(instance)).toEqual([expect.stringContaining('postgres.backups.retentionDays is 0 in production')]);
    expect(primary(json).final_snapshot_identifier).toBe(`${ID}-final`);
  });

  test('GIVEN Performance Insights off WHEN synthesized THEN no key or retention is sent', () => {
    const instance = primary(synthInstance({ performanceInsights: { enabled: false } }).json);
    expect(instance.performance_insights_enabled).toBe(false);
    expect(instance).not.toHaveProperty('performance_insights_kms_key_id');
    expect(instance).not.toHaveProperty('performance_insights_retention_period');
  });

  test('GIVEN Performance Insights for 731 days WHEN synthesized THEN the retention is 731', () => {
    expect(primary(synthInstance({ performanceInsights: { enabled: true, retentionDays: 731 } }).json).performance_insights_retention_period).toBe(731);
  });

  test('GIVEN monitoring 0 WHEN synthesized THEN Enhanced Monitoring is off and no role is created', () => {
    const { json } = synthInstance({ monitoringIntervalSeconds: 0 });
    expect(primary(json).monitoring_interval).toBe(0);
    expect(primary(json)).not.toHaveProperty('monitoring_role_arn');
    expect(json.resource.aws_iam_role).toBeUndefined();
  });

  test('GIVEN only the postgresql log exported for 30 days WHEN synthesized THEN one log group kept 30 days', () => {
    const { json } = synthInstance({ logExports: ['postgresql'], logRetentionDays: 30 });
    expect(primary(json).enabled_cloudwatch_logs_exports).toEqual(['postgresql']);
    expect(Object.values(resourcesByPath(json, 'aws_cloudwatch_log_group')).map((group: any) => [group.name, group.retention_in_days])).toEqual([
      [`/aws/rds/instance/${ID}/postgresql`, 30],
    ]);
  });

  test('GIVEN no log exports WHEN synthesized THEN no log group and no logs key', () => {
    const { json } = synthInstance({ logExports: [] });
    expect(json.resource.aws_cloudwatch_log_group).toBeUndefined();
    expect(Object.keys(resourcesByPath(json, 'aws_kms_key'))).toEqual(['Postgres/Key']);
  });

  test('GIVEN IAM database authentication WHEN synthesized THEN it is enabled', () => {
    expect(primary(synthInstance({ iamDatabaseAuthentication: true }).json).iam_database_authentication_enabled).toBe(true);
  });

  test('GIVEN parameters WHEN synthesized THEN they join DataStack\'s, win over them, and static ones wait for a reboot', () => {
    const { json } = synthInstance({ parameters: { log_min_duration_statement: '500', max_connections: '200', log_statement: 'ddl' } });
    expect(resourceAt(json, 'aws_db_parameter_group', 'Postgres/ParameterGroup').parameter).toEqual([
      { name: 'log_min_duration_statement', value: '500', apply_method: 'immediate' },
      { name: 'log_statement', value: 'ddl', apply_method: 'immediate' },
      { name: 'max_connections', value: '200', apply_method: 'pending-reboot' },
      { name: 'rds.force_ssl', value: '1', apply_method: 'immediate' },
      { name: 'shared_preload_libraries', value: 'pg_stat_statements', apply_method: 'pending-reboot' },
    ]);
  });

  test('GIVEN max_connections 200 WHEN synthesized THEN the connections alarm is 80 % of 200 (skillancer\'s 160)', () => {
    expect(alarm(synthInstance({ parameters: { max_connections: '200' } }).json, 'Postgres/PrimaryAlarms/Connections').threshold).toBe(160);
  });

  test('GIVEN an absolute connections threshold WHEN synthesized THEN it wins over the percentage', () => {
    expect(alarm(synthInstance({ alarmThresholds: { connections: 150 } }).json, 'Postgres/PrimaryAlarms/Connections').threshold).toBe(150);
  });

  test.each([
    ['cpuPercent', 70, 'Cpu', 70],
    ['freeStoragePercent', 10, 'FreeStorage', 10 * GIB],
    ['connectionsPercentOfMax', 50, 'Connections', 839],
    ['freeableMemoryMiB', 512, 'FreeableMemory', 512 * 1024 * 1024],
    ['readLatencyMs', 200, 'ReadLatency', 0.2],
    ['writeLatencyMs', 100, 'WriteLatency', 0.1],
  ])('GIVEN alarmThresholds.%s %d WHEN synthesized THEN the %s alarm threshold is %d', (setting, value, name, threshold) => {
    expect(alarm(synthInstance({ alarmThresholds: { [setting]: value } }).json, `Postgres/PrimaryAlarms/${name}`).threshold).toBe(threshold);
  });

  test('GIVEN a 30-day rotation WHEN synthesized THEN the managed secret rotates every 30 days', () => {
    const { json } = synthInstance({ credentials: { kind: 'managed', rotationDays: 30 } });
    expect(resourceAt(json, 'aws_secretsmanager_secret_rotation', 'Postgres/MasterSecretRotation').rotation_rules).toEqual({ automatically_after_days: 30 });
  });

  test('GIVEN the component "db" and the private tier WHEN synthesized THEN names use it and the subnets are the private ones', () => {
    const { json } = synthInstance({ component: 'db', subnetTier: 'private' });
    expect(primary(json).identifier).toBe('skillancer-prod-db-us-east-1');
    expect(resourceAt(json, 'aws_db_subnet_group', 'Postgres/SubnetGroup').subnet_ids).toEqual(['subnet-private-a', 'subnet-private-b']);
  });

  test('GIVEN a burstable class in production WHEN synthesized THEN synthesis warns', () => {
    const { instance } = synthInstance({ instanceClass: 'db.t3.medium' });
    expect(warningsOf(instance)).toEqual([expect.stringContaining('postgres.instanceClass db.t3.medium is burstable')]);
  });

  test('GIVEN deletion protection off in production WHEN synthesized THEN synthesis warns', () => {
    const { json, instance } = synthInstance({}, { policy: { ...PROD_POLICY, deletionProtection: false } });
    expect(primary(json).deletion_protection).toBe(false);
    expect(warningsOf(instance)).toEqual([expect.stringContaining('postgres deletion protection is off in production')]);
  });
});

describe('PostgresInstance write-only credentials', () => {
  const { json, text, instance } = synthInstance({
    credentials: { kind: 'write-only', secretName: 'skillancer/prod/rds/credentials', url: {} },
  });
  const password = `\${ephemeral.random_password.skillancer_prod_postgres_us_east_1_master_password.result}`;
  const secretValue = () => Object.values(json.resource.aws_secretsmanager_secret_version)[0] as any;

  test('GIVEN write-only credentials WHEN synthesized THEN the password reaches the instance only through password_wo, version 1', () => {
    expect(primary(json)).toMatchObject({ password_wo: password, password_wo_version: 1, username: 'dbadmin' });
    expect(primary(json)).not.toHaveProperty('manage_master_user_password');
    expect(primary(json)).not.toHaveProperty('password');
  });

  test('GIVEN write-only credentials WHEN synthesized THEN the password is an ephemeral random_password of 40 characters', () => {
    expect(json.ephemeral.random_password.skillancer_prod_postgres_us_east_1_master_password).toMatchObject({ length: 40, special: true });
  });

  test('GIVEN a secret name WHEN synthesized THEN the secret has it and is encrypted with the instance key', () => {
    expect(Object.values(json.resource.aws_secretsmanager_secret)).toEqual([
      expect.objectContaining({ name: 'skillancer/prod/rds/credentials', kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/Key', 'arn') }),
    ]);
  });

  test('GIVEN write-only credentials WHEN synthesized THEN the secret is written with secret_string_wo and the connection details', () => {
    const value = secretValue();
    expect(value.secret_string_wo_version).toBe(1);
    for (const key of ['"engine" = "postgres"', '"username" = "dbadmin"', '"port" = 5432', '"dbname" = "skillancer"', `"dbInstanceIdentifier" = "${ID}"`]) {
      expect(value.secret_string_wo).toContain(key);
    }
    expect(value.secret_string_wo).toContain(`"host" = ${referenceTo(json, 'aws_db_instance', 'Postgres/Instance', 'address').slice(2, -1)}`);
    expect(value).not.toHaveProperty('secret_string');
  });

  test('GIVEN url: {} WHEN synthesized THEN the secret holds a url with the password URL-encoded and sslmode=require', () => {
    expect(secretValue().secret_string_wo).toMatch(
      /"url" = "postgresql:\/\/dbadmin:\$\{urlencode\(ephemeral\.random_password\.skillancer_prod_postgres_us_east_1_master_password\.result\)\}@\$\{aws_db_instance\.[A-Za-z0-9_]+\.address\}:5432\/skillancer\?sslmode=require"/,
    );
  });

  test('GIVEN write-only credentials WHEN synthesized THEN no password or secret value appears anywhere else in the JSON', () => {
    const occurrences = text.split('ephemeral.random_password.skillancer_prod_postgres_us_east_1_master_password.result').length - 1;
    // password_wo, the secret's password field and the url.
    expect(occurrences).toBe(3);
  });

  test('GIVEN write-only credentials WHEN used as a PostgresEndpoint THEN clients wait for the instance and the secret value', () => {
    expect(instance.readyForClients).toEqual([instance.instance, instance.writeOnlyCredentials!.secretValueIn('us-east-1')]);
    expect(instance.masterCredentials).toEqual({ secretArn: instance.writeOnlyCredentials!.secretArnIn('us-east-1'), kmsKeyArn: instance.kmsKeyArn, region: 'us-east-1' });
  });

  test('GIVEN version 3 and no secret name or url WHEN synthesized THEN both versions are 3, the secret is <id>/master and has no url', () => {
    const { json: bumped } = synthInstance({ credentials: { kind: 'write-only', version: 3 } });
    expect(primary(bumped).password_wo_version).toBe(3);
    const value = Object.values(bumped.resource.aws_secretsmanager_secret_version)[0] as any;
    expect(value.secret_string_wo_version).toBe(3);
    expect(value.secret_string_wo).not.toContain('"url"');
    expect((Object.values(bumped.resource.aws_secretsmanager_secret)[0] as any).name).toBe(`${ID}/master`);
  });

  test('GIVEN url.query verify-full WHEN synthesized THEN the url carries it', () => {
    const { json: verified } = synthInstance({ credentials: { kind: 'write-only', url: { query: 'sslmode=verify-full' } } });
    expect((Object.values(verified.resource.aws_secretsmanager_secret_version)[0] as any).secret_string_wo).toContain('/skillancer?sslmode=verify-full"');
  });

  test('GIVEN the instance WHEN asked for read access to the credentials THEN it gets the secret and decrypt through Secrets Manager only', () => {
    expect(instance.grantReadCredentials()).toEqual([
      { sid: 'ReadPostgresMasterCredentials', actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: [instance.credentialsSecretArn] },
      {
        sid: 'DecryptPostgresMasterCredentials',
        actions: ['kms:Decrypt'],
        resources: [instance.kmsKeyArn],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.us-east-1.amazonaws.com'] }],
      },
    ]);
  });
});

describe('PostgresInstance read replicas', () => {
  const { json, instance } = synthInstance({
    credentials: { kind: 'write-only' },
    readReplicas: { count: 2, instanceClass: 'db.r6g.xlarge', performanceInsights: { enabled: true, retentionDays: 31 }, monitoringIntervalSeconds: 30 },
  });
  const replica = (n: number) => resourceAt(json, 'aws_db_instance', `Postgres/Replica${n}`);

  test('GIVEN two replicas WHEN synthesized THEN they replicate the primary by identifier, named <id>-replica-<n>', () => {
    const source = referenceTo(json, 'aws_db_instance', 'Postgres/Instance', 'identifier');
    expect([replica(1), replica(2)].map((each) => [each.identifier, each.replicate_source_db])).toEqual([
      [`${ID}-replica-1`, source],
      [`${ID}-replica-2`, source],
    ]);
  });

  test('GIVEN a replica class WHEN synthesized THEN replicas run it, single-AZ, and take no final snapshot', () => {
    expect(replica(1)).toMatchObject({ instance_class: 'db.r6g.xlarge', multi_az: false, skip_final_snapshot: true });
    expect(replica(1)).not.toHaveProperty('final_snapshot_identifier');
  });

  test('GIVEN replicas WHEN synthesized THEN they share the security group and parameter group, encrypted, private, CA and upgrades as the primary', () => {
    expect(replica(1)).toMatchObject({
      vpc_security_group_ids: primary(json).vpc_security_group_ids,
      parameter_group_name: primary(json).parameter_group_name,
      storage_encrypted: true,
      publicly_accessible: false,
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      auto_minor_version_upgrade: false,
      deletion_protection: true,
    });
    expect(replica(1)).not.toHaveProperty('password_wo');
    expect(replica(1)).not.toHaveProperty('username');
  });

  test('GIVEN replicas WHEN synthesized THEN each names the primary\'s customer-managed key', () => {
    expect(replica(1).kms_key_id).toBe(primary(json).kms_key_id);
    expect(replica(2).kms_key_id).toMatch(/^\$\{aws_kms_key\.Postgres_Key_[0-9A-F]{8}\.arn\}$/);
  });

  test('GIVEN replica Performance Insights and monitoring WHEN synthesized THEN replicas have their own', () => {
    expect(replica(2)).toMatchObject({ performance_insights_retention_period: 31, monitoring_interval: 30 });
    expect(primary(json)).toMatchObject({ performance_insights_retention_period: 7, monitoring_interval: 60 });
  });

  test('GIVEN replicas WHEN synthesized THEN each exports its logs to its own groups, made before it', () => {
    expect(resourcesByPath(json, 'aws_cloudwatch_log_group')['Postgres/Logs/Replica2Upgrade/Group'].name).toBe(`/aws/rds/instance/${ID}-replica-2/upgrade`);
    expect(replica(2).depends_on).toEqual([
      addressOf(json, 'aws_cloudwatch_log_group', 'Postgres/Logs/Replica2Postgresql/Group'),
      addressOf(json, 'aws_cloudwatch_log_group', 'Postgres/Logs/Replica2Upgrade/Group'),
    ]);
  });

  test('GIVEN replicas WHEN synthesized THEN each has the instance alarms plus ReplicaLag above 60 s for 3 periods', () => {
    const names = Object.keys(resourcesByPath(json, 'aws_cloudwatch_metric_alarm')).filter((path) => path.startsWith('Postgres/Replica1Alarms/'));
    expect(names.sort()).toEqual(['Connections', 'Cpu', 'FreeStorage', 'FreeableMemory', 'ReadLatency', 'ReplicaLag', 'WriteLatency'].map((name) => `Postgres/Replica1Alarms/${name}`));
    expect(alarm(json, 'Postgres/Replica1Alarms/ReplicaLag')).toMatchObject({
      metric_name: 'ReplicaLag',
      threshold: 60,
      evaluation_periods: 3,
      dimensions: { DBInstanceIdentifier: `${ID}-replica-1` },
    });
  });

  test('GIVEN a db.r6g.xlarge replica WHEN synthesized THEN its connections alarm is 80 % of that class\'s 3357', () => {
    expect(alarm(json, 'Postgres/Replica1Alarms/Connections').threshold).toBe(2685);
  });

  test('GIVEN replicas WHEN read THEN the reader endpoint is the first replica and the identifiers are listed', () => {
    expect(instance.readerEndpoint).toBe(instance.replicaAddresses[0]);
    expect(instance.replicaIdentifiers).toEqual([`${ID}-replica-1`, `${ID}-replica-2`]);
  });

  test('GIVEN a replica lag threshold of 30 s WHEN synthesized THEN the replica alarm uses it', () => {
    const { json: tuned } = synthInstance({ credentials: { kind: 'write-only' }, readReplicas: { count: 1 }, alarmThresholds: { replicaLagSeconds: 30 } });
    expect(alarm(tuned, 'Postgres/Replica1Alarms/ReplicaLag').threshold).toBe(30);
  });
});

describe('PostgresInstance as a Connectable', () => {
  test('GIVEN a proxy security group WHEN allowFrom is called THEN a standalone ingress rule admits it on the port', () => {
    const { stack, context } = regionContextStack();
    const instance = new PostgresInstance(stack, 'Postgres', { instanceClass: 'db.r6g.large', storage: { allocatedGib: 100 }, port: 5433, context: context('us-east-1') });
    instance.allowFrom('FromProxy', 'sg-proxy', 'RDS Proxy');
    const json = JSON.parse(Testing.synth(stack));
    expect(resourcesByPath(json, 'aws_vpc_security_group_ingress_rule')['Postgres/SecurityGroup/FromProxy']).toMatchObject({
      referenced_security_group_id: 'sg-proxy',
      from_port: 5433,
      to_port: 5433,
      description: 'RDS Proxy',
    });
  });

  test('GIVEN the defaults table WHEN read THEN it is the one the instance resolves (port, user, windows)', () => {
    const { json } = synthInstance();
    expect(primary(json)).toMatchObject({
      port: POSTGRES_INSTANCE_DEFAULTS.port,
      username: POSTGRES_INSTANCE_DEFAULTS.masterUsername,
      backup_window: POSTGRES_INSTANCE_DEFAULTS.preferredBackupWindow,
      maintenance_window: POSTGRES_INSTANCE_DEFAULTS.preferredMaintenanceWindow,
    });
  });
});

describe('PostgresInstance.grantConnect (IAM database authentication)', () => {
  test('GIVEN IAM authentication and a replica WHEN rds-db:connect is granted to a user THEN one statement covers the primary and the replica by resource id', () => {
    const { stack, instance } = synthInstance({ iamDatabaseAuthentication: true, credentials: { kind: 'write-only' }, readReplicas: { count: 1 } });
    // An output renders the statements' references as Terraform writes them.
    new TerraformOutput(stack, 'Grant', { value: instance.grantConnect('skillancer_app_user') });
    const json = JSON.parse(Testing.synth(stack));
    const partition = referenceTo(json, 'aws_partition', 'Postgres/Partition', 'partition', 'data');
    const account = referenceTo(json, 'aws_caller_identity', 'Postgres/Account', 'account_id', 'data');
    expect(json.output.Grant.value).toEqual([
      {
        sid: 'ConnectSkillancerAppUser',
        actions: ['rds-db:connect'],
        resources: ['Instance', 'Replica1'].map(
          (id) => `arn:${partition}:rds-db:us-east-1:${account}:dbuser:${referenceTo(json, 'aws_db_instance', `Postgres/${id}`, 'resource_id')}/skillancer_app_user`,
        ),
      },
    ]);
  });

  test('GIVEN two grants WHEN synthesized THEN the account and partition are looked up once', () => {
    const { stack, instance } = synthInstance({ iamDatabaseAuthentication: true });
    instance.grantConnect('skillancer_app_user');
    instance.grantConnect('skillancer_readonly_user');
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.data.aws_caller_identity).filter((name) => name.startsWith('Postgres_Account_'))).toHaveLength(1);
    expect(Object.keys(json.data.aws_partition).filter((name) => name.startsWith('Postgres_Partition_'))).toHaveLength(1);
  });

  test('GIVEN no grant WHEN synthesized THEN there is no account or partition look-up', () => {
    const { json } = synthInstance({ iamDatabaseAuthentication: true });
    expect(Object.keys(json.data.aws_caller_identity).filter((name) => name.startsWith('Postgres_Account_'))).toEqual([]);
    expect(Object.keys(json.data.aws_partition ?? {}).filter((name) => name.startsWith('Postgres_Partition_'))).toEqual([]);
  });

  test('GIVEN IAM authentication off WHEN rds-db:connect is granted THEN it throws, naming the setting', () => {
    const { instance } = synthInstance();
    expect(() => instance.grantConnect('skillancer_app_user')).toThrow(
      'skillancer-prod-postgres-us-east-1 has IAM database authentication off: set iamDatabaseAuthentication: true before granting rds-db:connect',
    );
  });

  test('GIVEN a user name PostgreSQL would need quoted WHEN rds-db:connect is granted THEN it is refused', () => {
    const { instance } = synthInstance({ iamDatabaseAuthentication: true });
    expect(() => instance.grantConnect('app-user')).toThrow('postgres.grantConnect.dbUser must be a PostgreSQL role name: 1-63 letters, digits or underscores, starting with a letter, got "app-user" (8 characters)');
  });
});
