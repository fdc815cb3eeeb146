// content-hub: every number of the system's requirements, per environment, on the synthesized JSON.
import { Testing } from 'cdktf';
import { CONTENT_HUB } from '../../../stacks/content-hub/content-hub-system';
import { CONTENT_HUB_ENVIRONMENTS } from '../../../stacks/content-hub/environments';
import { reference, resourceAt, resourcesOf, synthesized } from '../../modules/rds-proxy/region-context-fixture';

type EnvironmentName = 'dev' | 'staging' | 'prod';
const ENVIRONMENTS: EnvironmentName[] = ['dev', 'staging', 'prod'];
const GIB = 1024 ** 3;

const stacks = Object.fromEntries(
  ENVIRONMENTS.map((name) => [name, synthesized(CONTENT_HUB.addStack(Testing.app(), CONTENT_HUB_ENVIRONMENTS[name])).json]),
) as Record<EnvironmentName, any>;

/** The resource of a type at a construct path in an environment's stack. */
const at = (env: EnvironmentName, type: string, path: string) => resourceAt(stacks[env], type, path, `content-hub-${env}`);
/** A reference to a resource's attribute in an environment's stack. */
const ref = (env: EnvironmentName, type: string, path: string, attribute = 'id') => reference(stacks[env], type, path, attribute, `content-hub-${env}`);
const subnets = (env: EnvironmentName, tier: 'Public' | 'Private' | 'Data') => [1, 2].map((zone) => ref(env, 'aws_subnet', `NetworkUsEast1/${tier}Subnet${zone}`));
/** The resources of a type by construct path below the stack. */
const byPath = (env: EnvironmentName, type: string): Record<string, any> =>
  Object.fromEntries(Object.values(resourcesOf(stacks[env], type)).map((resource: any) => [resource['//'].metadata.path.replace(`content-hub-${env}/`, ''), resource]));

// What differs between the environments, from the system's requirements.
const EXPECTED = {
  dev: { nat: 1, acu: [0.5, 1], instances: 1, backupDays: 7, rotationDays: 7, deletionProtection: false, preventDestroy: false, logDays: 7, cache: [1, 5000], connections: 167, freeableBytes: 214748364 },
  staging: { nat: 1, acu: [0.5, 2], instances: 1, backupDays: 14, rotationDays: 60, deletionProtection: true, preventDestroy: false, logDays: 7, cache: [2, 10000], connections: 335, freeableBytes: 429496729 },
  prod: { nat: 2, acu: [1, 4], instances: 2, backupDays: 30, rotationDays: 30, deletionProtection: true, preventDestroy: true, logDays: 365, cache: [5, 50000], connections: 671, freeableBytes: 858993459 },
} as const;
const CASES = ENVIRONMENTS.map((env) => [env, EXPECTED[env]] as const);

const INTERFACE_SERVICES = ['bedrock-runtime', 'cognito-idp', 'email', 'lambda', 'logs', 'monitoring', 'rds-data', 'secretsmanager', 'sqs'];

describe('content-hub stacks', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN its state has a key of its own, locked S3-natively, and every resource is tagged for the system', (env) => {
    expect(stacks[env].terraform.backend.s3).toMatchObject({ key: `content-hub/${env}/terraform.tfstate`, encrypt: true, use_lockfile: true });
    for (const provider of stacks[env].provider.aws) {
      expect(provider).toMatchObject({ region: 'us-east-1', default_tags: [{ tags: { Project: 'content-hub', Environment: env, ManagedBy: 'DataStack', Component: 'database' } }] });
    }
  });
});

describe('content-hub network: a created VPC', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN the VPC is 10.0.0.0/16 with DNS, in us-east-1', (env) => {
    expect(at(env, 'aws_vpc', 'NetworkUsEast1/Vpc')).toMatchObject({ cidr_block: '10.0.0.0/16', enable_dns_support: true, enable_dns_hostnames: true, provider: 'aws.us_east_1' });
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN each tier has a /24 in each of 2 zones: public, private with egress, isolated', (env) => {
    const cidrs = Object.fromEntries(Object.entries(byPath(env, 'aws_subnet')).map(([path, subnet]) => [path.replace('NetworkUsEast1/', ''), subnet.cidr_block]));
    expect(cidrs).toEqual({
      PublicSubnet1: '10.0.0.0/24', PublicSubnet2: '10.0.1.0/24',
      PrivateSubnet1: '10.0.64.0/24', PrivateSubnet2: '10.0.65.0/24',
      DataSubnet1: '10.0.128.0/24', DataSubnet2: '10.0.129.0/24',
    });
    const zones = [1, 2].map((zone) => at(env, 'aws_subnet', `NetworkUsEast1/DataSubnet${zone}`).availability_zone);
    expect(zones).toEqual([expect.stringContaining('names, 0)'), expect.stringContaining('names, 1)')]);
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN it has the NAT gateways its requirements give it, and the isolated tier no route out', (env, expected) => {
    expect(Object.keys(byPath(env, 'aws_nat_gateway'))).toHaveLength(expected.nat);
    const routes = Object.values(byPath(env, 'aws_route')).filter((route: any) => route.nat_gateway_id !== undefined);
    expect(routes.map((route: any) => route.nat_gateway_id)).toEqual(
      Array.from({ length: expected.nat }, (_unused, index) => ref(env, 'aws_nat_gateway', `NetworkUsEast1/NatGateway${index + 1}`)),
    );
    const dataTable = ref(env, 'aws_route_table', 'NetworkUsEast1/DataRouteTable');
    expect(Object.values(byPath(env, 'aws_route')).filter((route: any) => route.route_table_id === dataTable)).toEqual([]);
    expect(byPath(env, 'aws_instance')).toEqual({});
  });

  test('GIVEN prod WHEN synthesized THEN each zone\'s private subnets leave through their own NAT gateway', () => {
    expect([1, 2].map((zone) => at('prod', 'aws_route', `NetworkUsEast1/PrivateDefaultRoute${zone}`))).toEqual([
      expect.objectContaining({ route_table_id: ref('prod', 'aws_route_table', 'NetworkUsEast1/PrivateRouteTable1'), nat_gateway_id: ref('prod', 'aws_nat_gateway', 'NetworkUsEast1/NatGateway1') }),
      expect.objectContaining({ route_table_id: ref('prod', 'aws_route_table', 'NetworkUsEast1/PrivateRouteTable2'), nat_gateway_id: ref('prod', 'aws_nat_gateway', 'NetworkUsEast1/NatGateway2') }),
    ]);
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN S3 and DynamoDB gateway endpoints sit on the private and isolated route tables', (env, expected) => {
    const privateTables = Array.from({ length: expected.nat > 1 ? 2 : 1 }, (_unused, index) => ref(env, 'aws_route_table', `NetworkUsEast1/PrivateRouteTable${index + 1}`));
    for (const service of ['S3', 'Dynamodb']) {
      expect(at(env, 'aws_vpc_endpoint', `NetworkUsEast1/GatewayEndpoint${service}`)).toMatchObject({
        service_name: `com.amazonaws.us-east-1.${service.toLowerCase()}`,
        vpc_endpoint_type: 'Gateway',
        route_table_ids: [...privateTables, ref(env, 'aws_route_table', 'NetworkUsEast1/DataRouteTable')],
      });
    }
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN the nine interface endpoints sit in the isolated subnets with private DNS, admitting HTTPS from the application group only', (env) => {
    const endpoints = Object.values(byPath(env, 'aws_vpc_endpoint')).filter((endpoint: any) => endpoint.vpc_endpoint_type === 'Interface');
    expect(endpoints.map((endpoint: any) => endpoint.service_name).sort()).toEqual(INTERFACE_SERVICES.map((service) => `com.amazonaws.us-east-1.${service}`));
    const group = ref(env, 'aws_security_group', 'NetworkUsEast1/EndpointSecurityGroup/SecurityGroup');
    for (const endpoint of endpoints) {
      expect(endpoint).toMatchObject({ private_dns_enabled: true, subnet_ids: subnets(env, 'Data'), security_group_ids: [group] });
    }
    expect(at(env, 'aws_vpc_security_group_ingress_rule', 'NetworkUsEast1/EndpointSecurityGroup/Port443FromApplication1')).toMatchObject({
      security_group_id: group,
      from_port: 443,
      to_port: 443,
      referenced_security_group_id: ref(env, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup'),
    });
  });
});

describe('content-hub Aurora PostgreSQL Serverless v2', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN the cluster scales within its ACU range with the Data API on, encrypted with its own key', (env, expected) => {
    expect(at(env, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster')).toMatchObject({
      cluster_identifier: `content-hub-${env}-aurora-us-east-1`,
      engine: 'aurora-postgresql',
      engine_version: '16.8',
      database_name: 'community_content',
      serverlessv2_scaling_configuration: { min_capacity: expected.acu[0], max_capacity: expected.acu[1] },
      enable_http_endpoint: true,
      storage_encrypted: true,
      kms_key_id: ref(env, 'aws_kms_key', 'Aurora/ClusterUsEast1/Key/Key', 'arn'),
      manage_master_user_password: true,
    });
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN backups are kept its days, taken 03:00-04:00, with a final snapshot', (env, expected) => {
    expect(at(env, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster')).toMatchObject({
      backup_retention_period: expected.backupDays,
      preferred_backup_window: '03:00-04:00',
      preferred_maintenance_window: 'sun:04:00-sun:05:00',
      skip_final_snapshot: false,
      final_snapshot_identifier: `content-hub-${env}-aurora-us-east-1-final`,
      deletion_protection: expected.deletionProtection,
      copy_tags_to_snapshot: true,
    });
    // Creation-only arguments (Extended Support enrolment, the restore source) are ignored after creation.
    const creationOnly = { ignore_changes: ['engine_lifecycle_support', 'snapshot_identifier', 'restore_to_point_in_time'] };
    expect(at(env, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster').lifecycle).toEqual(expected.preventDestroy ? { ...creationOnly, prevent_destroy: true } : creationOnly);
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN its db.serverless instances and its subnet group sit in the isolated tier', (env, expected) => {
    const instances = Object.values(byPath(env, 'aws_rds_cluster_instance'));
    expect(instances.map((instance: any) => [instance.instance_class, instance.publicly_accessible])).toEqual(Array(expected.instances).fill(['db.serverless', false]));
    expect(at(env, 'aws_db_subnet_group', 'Aurora/ClusterUsEast1/SubnetGroup').subnet_ids).toEqual(subnets(env, 'Data'));
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN the master password rotates on its schedule and the PostgreSQL log is kept its days', (env, expected) => {
    expect(at(env, 'aws_secretsmanager_secret_rotation', 'Aurora/ClusterUsEast1/MasterSecretRotation/Rotation').rotation_rules).toEqual({ automatically_after_days: expected.rotationDays });
    expect(at(env, 'aws_cloudwatch_log_group', 'Aurora/ClusterUsEast1/PostgresqlLog/Group')).toMatchObject({
      name: `/aws/rds/cluster/content-hub-${env}-aurora-us-east-1/postgresql`,
      retention_in_days: expected.logDays,
    });
  });
});

describe('content-hub RDS Proxy', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN the proxy requires TLS, closes idle clients after 1800 s and sits in the isolated tier', (env) => {
    expect(at(env, 'aws_db_proxy', 'Proxy/Proxy')).toMatchObject({
      name: `content-hub-${env}-proxy`,
      engine_family: 'POSTGRESQL',
      require_tls: true,
      idle_client_timeout: 1800,
      vpc_subnet_ids: subnets(env, 'Data'),
    });
    expect(at(env, 'aws_db_proxy_target', 'Proxy/Target').db_cluster_identifier).toBe(`content-hub-${env}-aurora-us-east-1`);
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN the cluster admits the proxy, and the proxy the application group, on 5432', (env) => {
    expect(at(env, 'aws_vpc_security_group_ingress_rule', 'Aurora/ClusterUsEast1/SecurityGroup/FromProxy')).toMatchObject({
      from_port: 5432,
      referenced_security_group_id: ref(env, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup'),
    });
    expect(at(env, 'aws_vpc_security_group_ingress_rule', 'Proxy/SecurityGroup/Port5432FromApplication1')).toMatchObject({
      from_port: 5432,
      referenced_security_group_id: ref(env, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup'),
    });
  });
});

describe('content-hub Valkey serverless cache', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN Valkey 8 serverless in the isolated tier within its usage limits, with its own key', (env, expected) => {
    expect(at(env, 'aws_elasticache_serverless_cache', 'ServerlessCache/Cache')).toMatchObject({
      name: `content-hub-${env}-valkey-us-east-1`,
      engine: 'valkey',
      major_engine_version: '8',
      subnet_ids: subnets(env, 'Data'),
      kms_key_id: ref(env, 'aws_kms_key', 'ServerlessCache/Key/Key', 'arn'),
      cache_usage_limits: [{ data_storage: [{ maximum: expected.cache[0], unit: 'GB' }], ecpu_per_second: [{ maximum: expected.cache[1] }] }],
      snapshot_retention_limit: 7,
    });
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN its group admits the application group on both serverless ports, 6379 and 6380, and nothing else', (env) => {
    const application = ref(env, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup');
    const cacheGroup = ref(env, 'aws_security_group', 'ServerlessCache/SecurityGroup/SecurityGroup');
    const rules = Object.values(byPath(env, 'aws_vpc_security_group_ingress_rule')).filter((rule: any) => rule.security_group_id === cacheGroup);
    expect(rules.map((rule: any) => [rule.from_port, rule.to_port, rule.referenced_security_group_id])).toEqual([
      [6379, 6379, application],
      [6380, 6380, application],
    ]);
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN the URL it publishes is TLS (rediss://) on 6379', (env) => {
    const address = ref(env, 'aws_elasticache_serverless_cache', 'ServerlessCache/Cache', 'endpoint[0].address');
    expect(stacks[env].output.valkey_url.value).toBe(`rediss://${address}:6379`);
  });
});

describe('content-hub migrations on deploy', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN a function applies migrations/content-hub on deploy, inside the VPC, and is let into the cluster', (env) => {
    const fn = at(env, 'aws_lambda_function', 'Migrations/Function');
    expect(fn.vpc_config).toEqual({
      subnet_ids: subnets(env, 'Private'),
      security_group_ids: [ref(env, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup')],
    });
    expect(at(env, 'aws_lambda_invocation', 'Migrations/Invocation').function_name).toBe(ref(env, 'aws_lambda_function', 'Migrations/Function', 'function_name'));
    expect(at(env, 'aws_vpc_security_group_ingress_rule', 'Aurora/ClusterUsEast1/SecurityGroup/Port5432FromApplication1').referenced_security_group_id).toBe(
      ref(env, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup'),
    );
  });
});

describe('content-hub alarms', () => {
  const alarms = (env: EnvironmentName) => byPath(env, 'aws_cloudwatch_metric_alarm');

  test.each(CASES)('GIVEN %s WHEN synthesized THEN every instance has its five alarms, connections and memory sized to the maximum ACU', (env, expected) => {
    for (let instance = 1; instance <= expected.instances; instance++) {
      const prefix = `Aurora/ClusterUsEast1/Instance${instance}Alarms`;
      expect(alarms(env)[`${prefix}/Cpu`].threshold).toBe(80);
      expect(alarms(env)[`${prefix}/Connections`].threshold).toBe(expected.connections);
      expect(alarms(env)[`${prefix}/ReadLatency`].threshold).toBe(0.2);
      expect(alarms(env)[`${prefix}/WriteLatency`].threshold).toBe(0.2);
      expect(alarms(env)[`${prefix}/FreeableMemory`].threshold).toBe(expected.freeableBytes);
    }
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN the cluster storage passing 50 GiB is reported (info)', (env) => {
    expect(alarms(env)['Aurora/ClusterUsEast1/ClusterAlarms/VolumeBytesUsed']).toMatchObject({
      metric_name: 'VolumeBytesUsed',
      threshold: 50 * GIB,
      alarm_actions: [ref(env, 'aws_sns_topic', 'AlarmTopicsUsEast1/Info', 'arn')],
    });
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN failed connections through the proxy alarm, as any failure', (env) => {
    for (const name of ['ClientConnectionsSetupFailedAuthAlarm', 'DatabaseConnectionsSetupFailedAlarm']) {
      expect(alarms(env)[`Proxy/${name}`]).toMatchObject({ statistic: 'Sum', threshold: 0, comparison_operator: 'GreaterThanThreshold' });
    }
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN the cache alarms at 80 %% of its limits and on any throttling', (env, expected) => {
    const [storageGb, ecpu] = expected.cache;
    expect(alarms(env)['ServerlessCache/Alarms/DataStored'].threshold).toBe(storageGb * 1e9 * 0.8);
    expect(alarms(env)['ServerlessCache/Alarms/Ecpu'].threshold).toBe(ecpu * 60 * 0.8);
    expect(alarms(env)['ServerlessCache/Alarms/ThrottledCommands'].threshold).toBe(0);
  });

  test.each(CASES)('GIVEN %s WHEN synthesized THEN every alarm notifies one of the stack\'s topics', (env) => {
    const topics = ['Critical', 'Warning', 'Info'].map((severity) => ref(env, 'aws_sns_topic', `AlarmTopicsUsEast1/${severity}`, 'arn'));
    for (const alarm of Object.values(alarms(env))) expect(topics).toContain(alarm.alarm_actions[0]);
  });
});

describe('content-hub outputs', () => {
  test.each(CASES)('GIVEN %s WHEN synthesized THEN it publishes what applications need, the secret ARN sensitive', (env) => {
    const outputs = stacks[env].output;
    expect(Object.keys(outputs).sort()).toEqual([
      'application_security_group_id', 'aurora_cluster_arn', 'aurora_cluster_endpoint', 'aurora_cluster_identifier', 'aurora_cluster_port',
      'aurora_database_name', 'aurora_master_secret_arn', 'aurora_reader_endpoint', 'data_subnet_ids', 'migrations_checksum',
      'migrations_function_name', 'private_subnet_ids', 'public_subnet_ids', 'rds_proxy_arn', 'rds_proxy_endpoint', 'valkey_endpoint',
      'valkey_port', 'valkey_reader_endpoint', 'valkey_url', 'valkey_user_names', 'valkey_user_secret_arns', 'vpc_id',
    ]);
    expect(outputs.aurora_master_secret_arn.sensitive).toBe(true);
    expect(outputs.valkey_user_secret_arns.sensitive).toBe(true);
    expect(outputs.rds_proxy_endpoint.value).toBe(ref(env, 'aws_db_proxy', 'Proxy/Proxy', 'endpoint'));
    expect(outputs.aurora_cluster_arn.value).toBe(ref(env, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster', 'arn'));
    expect(outputs.valkey_port.value).toBe(6379);
  });
});
