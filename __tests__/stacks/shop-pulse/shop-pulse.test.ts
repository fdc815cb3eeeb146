import { byPath, configurationProblems, DEV, environmentWith, PROD, referenceTo, synthShopPulse } from './shop-pulse-fixture';

// Every number of Shop Pulse's requirements, asserted on the synthesized JSON of both shipped environments.

const GIB = 1024 ** 3;

describe.each([
  ['prod', PROD, { instanceClass: 'db.t3.medium', storageGib: 100, memoryGib: 4, maxConnections: 419 }],
  ['dev', DEV, { instanceClass: 'db.t3.small', storageGib: 20, memoryGib: 2, maxConnections: 209 }],
])('shop-pulse-%s', (name, environment, size) => {
  const { json } = synthShopPulse(environment);
  const instance = byPath(json, 'aws_db_instance')['Postgres/InstanceUsEast1/Instance'];
  const identifier = `shop-pulse-${name}-postgres-us-east-1`;

  describe('the created VPC', () => {
    test('WHEN synthesized THEN one VPC 10.0.0.0/16 with public, private and isolated subnets in 2 Availability Zones', () => {
      expect(Object.values<any>(json.resource.aws_vpc).map((vpc) => vpc.cidr_block)).toEqual(['10.0.0.0/16']);
      const subnets = byPath(json, 'aws_subnet');
      expect(Object.keys(subnets).sort()).toEqual([
        'NetworkUsEast1/DataSubnet1', 'NetworkUsEast1/DataSubnet2', 'NetworkUsEast1/PrivateSubnet1', 'NetworkUsEast1/PrivateSubnet2',
        'NetworkUsEast1/PublicSubnet1', 'NetworkUsEast1/PublicSubnet2',
      ]);
      expect(Object.values<any>(subnets).map((subnet) => subnet.tags.Tier).sort()).toEqual(['isolated', 'isolated', 'private', 'private', 'public', 'public']);
    });

    test('WHEN synthesized THEN exactly one NAT gateway, in the first public subnet', () => {
      const nats = Object.values<any>(json.resource.aws_nat_gateway);
      expect(nats).toHaveLength(1);
      expect(nats[0].subnet_id).toBe(referenceTo(json, 'aws_subnet', 'NetworkUsEast1/PublicSubnet1', 'id'));
    });

    test('WHEN synthesized THEN VPC flow logs of ALL traffic, aggregated over 600 s, go to an encrypted log group', () => {
      const flowLogs = Object.values<any>(json.resource.aws_flow_log);
      expect(flowLogs).toHaveLength(1);
      expect(flowLogs[0]).toMatchObject({ traffic_type: 'ALL', max_aggregation_interval: 600, log_destination_type: 'cloud-watch-logs' });
      const group = byPath(json, 'aws_cloudwatch_log_group')['NetworkUsEast1/FlowLogs/Logs/Group'];
      expect(group.name).toBe(`/aws/vpc/flow-logs/shop-pulse-${name}-vpc-us-east-1`);
      expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
    });

    test('WHEN synthesized THEN the only gateway endpoint is S3 (the system has no DynamoDB)', () => {
      expect(Object.values<any>(json.resource.aws_vpc_endpoint).map((endpoint) => [endpoint.service_name, endpoint.vpc_endpoint_type])).toEqual([
        ['com.amazonaws.us-east-1.s3', 'Gateway'],
      ]);
    });
  });

  describe('the RDS for PostgreSQL instance', () => {
    test(`WHEN synthesized THEN ${size.instanceClass}, ${size.storageGib} GB gp3 encrypted with its own key, PostgreSQL 15, single-AZ, private`, () => {
      expect(instance).toMatchObject({
        identifier,
        engine: 'postgres',
        engine_version: '15.15',
        instance_class: size.instanceClass,
        allocated_storage: size.storageGib,
        storage_type: 'gp3',
        storage_encrypted: true,
        kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/InstanceUsEast1/Key/Key', 'arn'),
        multi_az: false,
        publicly_accessible: false,
        db_name: 'shoppulse',
        username: 'shoppulse_admin',
        port: 5432,
      });
      // No storage autoscaling, no provisioned IOPS: gp3's baseline below 400 GiB.
      expect(instance).not.toHaveProperty('max_allocated_storage');
      expect(instance).not.toHaveProperty('iops');
    });

    test('WHEN synthesized THEN it sits in the isolated subnets of both zones', () => {
      expect(byPath(json, 'aws_db_subnet_group')['Postgres/InstanceUsEast1/SubnetGroup'].subnet_ids).toEqual([
        referenceTo(json, 'aws_subnet', 'NetworkUsEast1/DataSubnet1', 'id'),
        referenceTo(json, 'aws_subnet', 'NetworkUsEast1/DataSubnet2', 'id'),
      ]);
    });

    test('WHEN synthesized THEN TLS is forced by the parameter group (rds.force_ssl = 1)', () => {
      const group = byPath(json, 'aws_db_parameter_group')['Postgres/InstanceUsEast1/ParameterGroup/Group'];
      expect(group.family).toBe('postgres15');
      expect(group.parameter).toContainEqual({ name: 'rds.force_ssl', value: '1', apply_method: 'immediate' });
      expect(instance.parameter_group_name).toBe(referenceTo(json, 'aws_db_parameter_group', 'Postgres/InstanceUsEast1/ParameterGroup/Group', 'name'));
    });

    test('WHEN synthesized THEN Performance Insights is on for 7 days with the instance key, Enhanced Monitoring every 60 s', () => {
      expect(instance).toMatchObject({
        performance_insights_enabled: true,
        performance_insights_retention_period: 7,
        performance_insights_kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/InstanceUsEast1/Key/Key', 'arn'),
        monitoring_interval: 60,
      });
    });

    test('WHEN synthesized THEN the postgresql and upgrade logs are exported to log groups made first', () => {
      expect(instance.enabled_cloudwatch_logs_exports).toEqual(['postgresql', 'upgrade']);
      const names = Object.values<any>(json.resource.aws_cloudwatch_log_group).map((group) => group.name);
      expect(names).toEqual(expect.arrayContaining([`/aws/rds/instance/${identifier}/postgresql`, `/aws/rds/instance/${identifier}/upgrade`]));
    });

    test('WHEN synthesized THEN automated backups are off (0 days) and the final snapshot is still taken', () => {
      expect(instance).toMatchObject({
        backup_retention_period: 0,
        skip_final_snapshot: false,
        final_snapshot_identifier: `${identifier}-final`,
        copy_tags_to_snapshot: true,
        delete_automated_backups: false,
      });
    });

    test('WHEN synthesized THEN the master password is RDS-managed, encrypted with the instance key, rotated every 30 days', () => {
      expect(instance).toMatchObject({ manage_master_user_password: true, master_user_secret_kms_key_id: referenceTo(json, 'aws_kms_key', 'Postgres/InstanceUsEast1/Key/Key', 'arn') });
      expect(instance).not.toHaveProperty('password');
      expect(Object.values<any>(json.resource.aws_secretsmanager_secret_rotation).map((rotation) => rotation.rotation_rules)).toEqual([{ automatically_after_days: 30 }]);
    });

    test('WHEN synthesized THEN IAM database authentication is on (for the shop_pulse_app_iam login)', () => {
      expect(instance.iam_database_authentication_enabled).toBe(true);
    });
  });

  describe('RDS Proxy', () => {
    const proxy = byPath(json, 'aws_db_proxy')['Proxy/Proxy'];

    test('WHEN synthesized THEN TLS is required and idle clients are closed after 1800 s (30 minutes)', () => {
      expect(proxy).toMatchObject({ name: `shop-pulse-${name}-proxy`, engine_family: 'POSTGRESQL', require_tls: true, idle_client_timeout: 1800, debug_logging: false });
    });

    test('WHEN synthesized THEN the pool takes 100 % of max_connections and keeps 50 % idle', () => {
      expect(byPath(json, 'aws_db_proxy_default_target_group')['Proxy/TargetGroup'].connection_pool_config).toEqual({
        max_connections_percent: 100,
        max_idle_connections_percent: 50,
        connection_borrow_timeout: 120,
      });
    });

    test('WHEN synthesized THEN it targets the instance, from the isolated subnets, with the master secret', () => {
      expect(byPath(json, 'aws_db_proxy_target')['Proxy/Target']).toMatchObject({ db_instance_identifier: identifier, db_proxy_name: referenceTo(json, 'aws_db_proxy', 'Proxy/Proxy', 'name') });
      expect(proxy.vpc_subnet_ids).toEqual([
        referenceTo(json, 'aws_subnet', 'NetworkUsEast1/DataSubnet1', 'id'),
        referenceTo(json, 'aws_subnet', 'NetworkUsEast1/DataSubnet2', 'id'),
      ]);
      expect(proxy.auth).toEqual([expect.objectContaining({ auth_scheme: 'SECRETS', iam_auth: 'DISABLED', secret_arn: referenceTo(json, 'aws_db_instance', 'Postgres/InstanceUsEast1/Instance', 'master_user_secret[0].secret_arn') })]);
    });

    test('WHEN synthesized THEN the proxy admits the Lambda (application) security group, and the instance admits the proxy', () => {
      const ingress = byPath(json, 'aws_vpc_security_group_ingress_rule');
      const application = referenceTo(json, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup', 'id');
      expect(ingress['Proxy/SecurityGroup/Port5432FromApplication1']).toMatchObject({ referenced_security_group_id: application, from_port: 5432, to_port: 5432 });
      expect(Object.values<any>(ingress).filter((rule) => rule.security_group_id === referenceTo(json, 'aws_security_group', 'Postgres/InstanceUsEast1/SecurityGroup/SecurityGroup', 'id')).map((rule) => rule.referenced_security_group_id).sort()).toEqual(
        [application, referenceTo(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id')].sort(),
      );
      expect(Object.values<any>(ingress).some((rule) => rule.cidr_ipv4 !== undefined)).toBe(false);
    });
  });

  describe('alarms', () => {
    const alarms = Object.fromEntries(Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).map((alarm) => [alarm.alarm_name.replace(`shop-pulse-${name}-`, ''), alarm]));

    test.each([
      ['postgres-us-east-1-cpu', 'CPUUtilization', 'GreaterThanThreshold', 80, 3],
      ['postgres-us-east-1-connections', 'DatabaseConnections', 'GreaterThanThreshold', Math.floor(size.maxConnections * 0.8), 2],
      ['postgres-us-east-1-freeable-memory', 'FreeableMemory', 'LessThanThreshold', (size.memoryGib === 4 ? 410 : 205) * 1024 * 1024, 2],
      ['postgres-us-east-1-read-latency', 'ReadLatency', 'GreaterThanThreshold', 0.2, 3],
      ['postgres-us-east-1-write-latency', 'WriteLatency', 'GreaterThanThreshold', 0.2, 3],
      ['postgres-us-east-1-free-storage', 'FreeStorageSpace', 'LessThanThreshold', size.storageGib * GIB * 0.2, 1],
      ['proxy-database-connections-setup-failed', 'DatabaseConnectionsSetupFailed', 'GreaterThanThreshold', 0, 1],
      ['proxy-client-connections-setup-failed-auth', 'ClientConnectionsSetupFailedAuth', 'GreaterThanThreshold', 0, 1],
      ['proxy-query-database-response-latency', 'QueryDatabaseResponseLatency', 'GreaterThanThreshold', 200_000, 3],
    ])('WHEN synthesized THEN the alarm %s watches %s (%s %d over %d periods of 300 s)', (alarm, metric, comparison, threshold, periods) => {
      expect(alarms[alarm]).toMatchObject({ metric_name: metric, comparison_operator: comparison, threshold, evaluation_periods: periods, period: 300 });
      expect(alarms[alarm].alarm_actions).toHaveLength(1);
    });

    test('WHEN synthesized THEN the proxy pool alarm fires above 80 % of the connections it may open, and there are ten alarms in all', () => {
      expect(alarms['proxy-borrowed-connections']).toMatchObject({ comparison_operator: 'GreaterThanThreshold', threshold: 80, evaluation_periods: 2 });
      expect(Object.keys(alarms)).toHaveLength(10);
    });
  });

  describe('outputs', () => {
    test('WHEN synthesized THEN the outputs carry the names the application reads, the secret ARN sensitive', () => {
      expect(Object.keys(json.output).sort()).toEqual([
        'data_subnet_ids', 'database_endpoint', 'database_instance_identifier', 'database_name', 'database_port', 'database_proxy_arn',
        'database_proxy_endpoint', 'database_secret_arn', 'database_security_group_id', 'lambda_security_group_id', 'migrations_checksum',
        'migrations_function_name', 'private_subnet_ids', 'public_subnet_ids', 'vpc_id',
      ]);
      expect(json.output.database_secret_arn.sensitive).toBe(true);
      expect(json.output.database_endpoint.value).toBe(referenceTo(json, 'aws_db_instance', 'Postgres/InstanceUsEast1/Instance', 'address'));
      expect(json.output.database_proxy_endpoint.value).toBe(referenceTo(json, 'aws_db_proxy', 'Proxy/Proxy', 'endpoint'));
      expect(json.output.database_security_group_id.value).toBe(referenceTo(json, 'aws_security_group', 'Postgres/InstanceUsEast1/SecurityGroup/SecurityGroup', 'id'));
      expect(json.output.lambda_security_group_id.value).toBe(referenceTo(json, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup', 'id'));
      expect({ port: json.output.database_port.value, name: json.output.database_name.value }).toEqual({ port: 5432, name: 'shoppulse' });
    });

    test('WHEN synthesized THEN no password or secret value is in the JSON', () => {
      expect(JSON.stringify(json)).not.toMatch(/"(password|master_password|secret_string)"\s*:/);
    });
  });
});

describe('the environments differ where the environment policy says', () => {
  const prod = synthShopPulse(PROD);
  const dev = synthShopPulse(DEV);
  const instance = (json: any) => byPath(json, 'aws_db_instance')['Postgres/InstanceUsEast1/Instance'];

  test('GIVEN prod WHEN synthesized THEN deletion protection and prevent_destroy are on, changes wait for the maintenance window', () => {
    expect(instance(prod.json)).toMatchObject({ deletion_protection: true, lifecycle: { prevent_destroy: true }, apply_immediately: false });
  });

  test('GIVEN dev WHEN synthesized THEN the instance can be destroyed, but still with a final snapshot', () => {
    expect(instance(dev.json)).toMatchObject({ deletion_protection: false, apply_immediately: true, skip_final_snapshot: false });
    expect(instance(dev.json).lifecycle?.prevent_destroy).toBeFalsy();
  });

  test('GIVEN prod WHEN synthesized THEN logs are kept 365 days; GIVEN dev THEN 30 days', () => {
    const retention = (json: any) => [...new Set(Object.values<any>(json.resource.aws_cloudwatch_log_group).map((group) => group.retention_in_days))];
    expect(retention(prod.json)).toEqual([365]);
    expect(retention(dev.json)).toEqual([30]);
  });

  test('GIVEN prod WHEN synthesized THEN it warns that automated backups are off, and about the single AZ, the single NAT and the burstable class', () => {
    expect(prod.warnings).toEqual(
      expect.arrayContaining([
        'postgres.backups.retentionDays is 0 in production: no automated backups, no point-in-time restore, no read replicas; only the final snapshot is kept',
        'postgres.multiAz is off in production: an Availability Zone failure stops the database until it is replaced',
        'network.natGateways is 1 for 2 zones in production: the private subnets of every zone lose their egress when the NAT gateway\'s zone fails',
        'postgres.instanceClass db.t3.medium is burstable: CPU credits run out under sustained load; use db.m* or db.r* in production',
      ]),
    );
    expect(prod.warnings).toHaveLength(4);
  });

  test('GIVEN dev WHEN synthesized THEN it does not warn', () => {
    expect(dev.warnings).toEqual([]);
  });

  test('GIVEN dev WHEN synthesized THEN the migrations function carries and applies the seed data; GIVEN prod THEN it carries none', () => {
    const migrations = (json: any) => byPath(json, 'aws_lambda_function')['Migrations/Function'];
    const invocation = (json: any) => byPath(json, 'aws_lambda_invocation')['Migrations/Invocation'];
    expect(migrations(dev.json).environment.variables.MIGRATION_SEED_DATA).toBe('true');
    expect(invocation(dev.json).triggers).toHaveProperty('seed_checksum');
    expect(migrations(prod.json).environment.variables).not.toHaveProperty('MIGRATION_SEED_DATA');
    expect(invocation(prod.json).triggers).not.toHaveProperty('seed_checksum');
    expect(migrations(prod.json).environment.variables).toMatchObject({ MIGRATION_SYSTEM: 'shop-pulse', DB_NAME: 'shoppulse', DB_SSLMODE: 'verify-full' });
  });
});

describe('shop-pulse configuration checks', () => {
  test.each([
    ['dev', DEV],
    ['prod', PROD],
  ])('GIVEN the shipped %s environment WHEN checked THEN it is valid', (_name, environment) => {
    expect(configurationProblems(environment)).toEqual([]);
  });

  test.each<[string, typeof PROD, Record<string, unknown>, string]>([
    [
      'prod with automated backups off without the opt-out',
      PROD,
      { postgres: { ...PROD.postgres, backups: { retentionDays: 0 } } },
      'shop-pulse.environments.prod.postgres.backups.retentionDays must be 1-35, or 0 together with shop-pulse.environments.prod.postgres.backups.acknowledgeNoBackups: true (0 means no automated backups, no point-in-time restore and no read replicas), got 0',
    ],
    [
      'dev with automated backups off without the opt-out',
      DEV,
      { postgres: { ...DEV.postgres, backups: { retentionDays: 0, acknowledgeNoBackups: false } } },
      'shop-pulse.environments.dev.postgres.backups.retentionDays must be 1-35, or 0 together with shop-pulse.environments.dev.postgres.backups.acknowledgeNoBackups: true (0 means no automated backups, no point-in-time restore and no read replicas), got 0',
    ],
    [
      'prod asking for the development seed data',
      PROD,
      { migrations: { seedData: true } },
      'shop-pulse.environments.prod.migrations.seedData must be false in a production environment (policy.production), got true',
    ],
  ])('GIVEN %s WHEN checked THEN it is refused with a message naming the setting', (_case, base, overrides, message) => {
    expect(configurationProblems(environmentWith(base, overrides))).toEqual([message]);
  });
});
