// The numbers of the trivia game's database layer (docs/systems/trivia-nft.md), per environment, on the
// synthesized JSON of the shipped environments.
import { TRIVIA_NFT_ENVIRONMENTS } from '../../../stacks/trivia-nft/environments';
import { reference, resourceAt, synthTriviaNft } from './trivia-nft-fixture';

interface Expected {
  readonly minCapacity: number;
  readonly logRetentionDays: number;
  readonly preventDestroy: boolean;
}

const EXPECTED: Record<'staging' | 'prod', Expected> = {
  staging: { minCapacity: 0.5, logRetentionDays: 30, preventDestroy: false },
  prod: { minCapacity: 2, logRetentionDays: 365, preventDestroy: true },
};

const values = (json: any, type: string): any[] => Object.values(json.resource[type] ?? {});

describe.each(['staging', 'prod'] as const)('trivia-nft-%s', (env) => {
  const json = synthTriviaNft(TRIVIA_NFT_ENVIRONMENTS[env]);
  const expected = EXPECTED[env];
  const cluster = () => resourceAt(json, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster');
  const subnets = (tier: string) => [1, 2, 3].map((zone) => reference(json, 'aws_subnet', `NetworkUsEast1/${tier}Subnet${zone}`, 'id'));

  describe('the VPC', () => {
    test('WHEN synthesized THEN it is 10.0.0.0/16 in us-east-1 with public, private and data subnets in each of 3 Availability Zones', () => {
      expect(resourceAt(json, 'aws_vpc', 'NetworkUsEast1/Vpc')).toMatchObject({ cidr_block: '10.0.0.0/16', provider: 'aws.us_east_1' });
      const byTier = (tier: string) =>
        [1, 2, 3].map((zone) => {
          const subnet = resourceAt(json, 'aws_subnet', `NetworkUsEast1/${tier}Subnet${zone}`);
          return [subnet.cidr_block, subnet.availability_zone.match(/names, (\d)\)/)[1]];
        });
      expect(values(json, 'aws_subnet')).toHaveLength(9);
      expect(byTier('Public')).toEqual([['10.0.0.0/24', '0'], ['10.0.1.0/24', '1'], ['10.0.2.0/24', '2']]);
      expect(byTier('Private')).toEqual([['10.0.64.0/24', '0'], ['10.0.65.0/24', '1'], ['10.0.66.0/24', '2']]);
      expect(byTier('Data')).toEqual([['10.0.128.0/24', '0'], ['10.0.129.0/24', '1'], ['10.0.130.0/24', '2']]);
    });

    test('WHEN synthesized THEN one NAT gateway, in the first public subnet, is the private subnets\' way out, and the data subnets have none', () => {
      expect(values(json, 'aws_nat_gateway')).toHaveLength(1);
      expect(values(json, 'aws_eip')).toHaveLength(1);
      expect(resourceAt(json, 'aws_nat_gateway', 'NetworkUsEast1/NatGateway1').subnet_id).toBe(subnets('Public')[0]);
      const defaultRoutes = values(json, 'aws_route').filter((route) => route.destination_cidr_block === '0.0.0.0/0');
      expect(defaultRoutes.map((route) => route.route_table_id).sort()).toEqual(
        [reference(json, 'aws_route_table', 'NetworkUsEast1/PrivateRouteTable1', 'id'), reference(json, 'aws_route_table', 'NetworkUsEast1/PublicRouteTable', 'id')].sort(),
      );
      expect(resourceAt(json, 'aws_route', 'NetworkUsEast1/PrivateDefaultRoute1').nat_gateway_id).toBe(reference(json, 'aws_nat_gateway', 'NetworkUsEast1/NatGateway1', 'id'));
    });
  });

  describe('security groups', () => {
    const ingress = () =>
      values(json, 'aws_vpc_security_group_ingress_rule')
        .map((rule) => [rule.security_group_id, rule.referenced_security_group_id, rule.from_port])
        .sort();
    const group = (path: string) => reference(json, 'aws_security_group', path, 'id');

    test('WHEN synthesized THEN Aurora admits the proxy and the application (Lambda) group on 5432, the proxy and Redis the application group only', () => {
      const application = group('NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup');
      const aurora = group('Aurora/ClusterUsEast1/SecurityGroup/SecurityGroup');
      const proxy = group('Proxy/SecurityGroup/SecurityGroup');
      const redis = group('Redis/GroupUsEast1/SecurityGroup/SecurityGroup');
      expect(ingress()).toEqual(
        [
          [aurora, proxy, 5432],
          [aurora, application, 5432],
          [proxy, application, 5432],
          [redis, application, 6379],
        ].sort(),
      );
    });

    test('WHEN synthesized THEN the proxy may send only to Aurora on 5432, and no data store has an egress rule', () => {
      const egress = values(json, 'aws_vpc_security_group_egress_rule').filter((rule) => rule.security_group_id !== group('NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup'));
      expect(egress.map((rule) => [rule.security_group_id, rule.referenced_security_group_id, rule.from_port, rule.to_port])).toEqual([
        [group('Proxy/SecurityGroup/SecurityGroup'), group('Aurora/ClusterUsEast1/SecurityGroup/SecurityGroup'), 5432, 5432],
      ]);
    });
  });

  describe('Aurora Serverless v2', () => {
    test(`WHEN synthesized THEN the cluster scales ${expected.minCapacity}-16 ACU and never pauses`, () => {
      expect(cluster().serverlessv2_scaling_configuration).toEqual({ min_capacity: expected.minCapacity, max_capacity: 16 });
      expect(cluster()).toMatchObject({ engine: 'aurora-postgresql', engine_version: '16.8', database_name: 'trivianft', master_username: 'trivia_admin', port: 5432 });
    });

    test('WHEN synthesized THEN it has a writer and one reader, both db.serverless, with Performance Insights (7 days, the cluster key) and Enhanced Monitoring', () => {
      const instances = values(json, 'aws_rds_cluster_instance');
      expect(instances.map((instance) => [instance.identifier, instance.instance_class])).toEqual([
        [`trivia-nft-${env}-aurora-us-east-1-1`, 'db.serverless'],
        [`trivia-nft-${env}-aurora-us-east-1-2`, 'db.serverless'],
      ]);
      for (const instance of instances) {
        expect(instance).toMatchObject({
          performance_insights_enabled: true,
          performance_insights_retention_period: 7,
          performance_insights_kms_key_id: reference(json, 'aws_kms_key', 'Aurora/ClusterUsEast1/Key/Key', 'arn'),
          monitoring_interval: 60,
          publicly_accessible: false,
        });
      }
    });

    test('WHEN synthesized THEN backups are kept 35 days (03:00-04:00), storage is encrypted with its own key, and it sits in the data subnets', () => {
      expect(cluster()).toMatchObject({
        backup_retention_period: 35,
        preferred_backup_window: '03:00-04:00',
        preferred_maintenance_window: 'sun:04:00-sun:05:00',
        storage_encrypted: true,
        kms_key_id: reference(json, 'aws_kms_key', 'Aurora/ClusterUsEast1/Key/Key', 'arn'),
        deletion_protection: true,
        final_snapshot_identifier: `trivia-nft-${env}-aurora-us-east-1-final`,
      });
      expect(resourceAt(json, 'aws_db_subnet_group', 'Aurora/ClusterUsEast1/SubnetGroup').subnet_ids).toEqual(subnets('Data'));
    });

    test(`WHEN synthesized THEN the PostgreSQL log (slow statements over 1 s, connections) is exported and kept ${expected.logRetentionDays} days`, () => {
      expect(cluster().enabled_cloudwatch_logs_exports).toEqual(['postgresql']);
      const parameters = Object.fromEntries(
        resourceAt(json, 'aws_rds_cluster_parameter_group', 'Aurora/ClusterUsEast1/ParameterGroups/Cluster').parameter.map((p: any) => [p.name, p.value]),
      );
      expect(parameters).toMatchObject({
        log_min_duration_statement: '1000',
        log_connections: '1',
        log_disconnections: '1',
        'rds.force_autovacuum_logging_level': 'warning',
        'rds.force_ssl': '1',
      });
      expect(resourceAt(json, 'aws_cloudwatch_log_group', 'Aurora/ClusterUsEast1/PostgresqlLog/Group')).toMatchObject({
        name: `/aws/rds/cluster/trivia-nft-${env}-aurora-us-east-1/postgresql`,
        retention_in_days: expected.logRetentionDays,
      });
    });

    test('WHEN synthesized THEN RDS manages the master password, encrypted with the cluster key, rotated every 7 days', () => {
      expect(cluster()).toMatchObject({ manage_master_user_password: true, master_user_secret_kms_key_id: reference(json, 'aws_kms_key', 'Aurora/ClusterUsEast1/Key/Key', 'arn') });
      expect(cluster()).not.toHaveProperty('master_password');
      expect(resourceAt(json, 'aws_secretsmanager_secret_rotation', 'Aurora/ClusterUsEast1/MasterSecretRotation/Rotation')).toMatchObject({
        secret_id: reference(json, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster', 'master_user_secret[0].secret_arn'),
        rotation_rules: { automatically_after_days: 7 },
      });
    });

    test(`WHEN synthesized THEN prevent_destroy is ${expected.preventDestroy ? 'on' : 'off'} for the cluster`, () => {
      // Creation-only arguments (Extended Support enrolment, the restore source) are ignored after creation.
      const creationOnly = { ignore_changes: ['engine_lifecycle_support', 'snapshot_identifier', 'restore_to_point_in_time'] };
      expect(cluster().lifecycle).toEqual(expected.preventDestroy ? { ...creationOnly, prevent_destroy: true } : creationOnly);
    });
  });

  describe('RDS Proxy', () => {
    test('WHEN synthesized THEN it requires TLS, reads the managed secret with SCRAM, and sits in the data subnets', () => {
      expect(resourceAt(json, 'aws_db_proxy', 'Proxy/Proxy')).toMatchObject({
        name: `trivia-nft-${env}-proxy`,
        engine_family: 'POSTGRESQL',
        require_tls: true,
        debug_logging: false,
        idle_client_timeout: 1800,
        auth: [
          {
            auth_scheme: 'SECRETS',
            client_password_auth_type: 'POSTGRES_SCRAM_SHA_256',
            iam_auth: 'DISABLED',
            secret_arn: reference(json, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster', 'master_user_secret[0].secret_arn'),
          },
        ],
        vpc_subnet_ids: subnets('Data'),
      });
    });

    test('WHEN synthesized THEN its pool opens up to 100 % of max_connections, keeps 50 % idle, waits 120 s to borrow and sets a 30 s statement timeout', () => {
      expect(resourceAt(json, 'aws_db_proxy_default_target_group', 'Proxy/TargetGroup').connection_pool_config).toEqual({
        max_connections_percent: 100,
        max_idle_connections_percent: 50,
        connection_borrow_timeout: 120,
        init_query: 'SET SESSION statement_timeout = 30000',
      });
      expect(resourceAt(json, 'aws_db_proxy_target', 'Proxy/Target').db_cluster_identifier).toBe(`trivia-nft-${env}-aurora-us-east-1`);
    });
  });

  describe('Redis, cluster mode enabled', () => {
    const group = () => resourceAt(json, 'aws_elasticache_replication_group', 'Redis/GroupUsEast1/ReplicationGroup');

    test('WHEN synthesized THEN it is 2 shards x 2 replicas of cache.r7g.large (6 nodes), Multi-AZ with automatic failover', () => {
      expect(group()).toMatchObject({
        engine: 'redis',
        engine_version: '7.1',
        cluster_mode: 'enabled',
        node_type: 'cache.r7g.large',
        num_node_groups: 2,
        replicas_per_node_group: 2,
        multi_az_enabled: true,
        automatic_failover_enabled: true,
        replication_group_id: `trivia-nft-${env}-redis-us-east-1`,
      });
      const parameters = Object.fromEntries(resourceAt(json, 'aws_elasticache_parameter_group', 'Redis/GroupUsEast1/ParameterGroup/ParameterGroup').parameter.map((p: any) => [p.name, p.value]));
      expect(parameters['cluster-enabled']).toBe('yes');
    });

    test('WHEN synthesized THEN it requires TLS, authenticates with an AUTH token kept in Secrets Manager, and encrypts at rest with its own key', () => {
      expect(group()).toMatchObject({
        transit_encryption_enabled: true,
        transit_encryption_mode: 'required',
        auth_token: reference(json, 'random_password', 'Redis/AuthToken/Token', 'result'),
        at_rest_encryption_enabled: 'true',
        kms_key_id: reference(json, 'aws_kms_key', 'Redis/GroupUsEast1/Key/Key', 'arn'),
      });
      expect(values(json, 'aws_secretsmanager_secret').map((secret) => secret.name)).toEqual([`trivia-nft-${env}-redis-us-east-1/auth-token`]);
    });

    test('WHEN synthesized THEN snapshots are kept 7 days and it sits in the data subnets', () => {
      expect(group()).toMatchObject({ snapshot_retention_limit: 7, snapshot_window: '04:00-05:00', final_snapshot_identifier: `trivia-nft-${env}-redis-us-east-1-final` });
      expect(resourceAt(json, 'aws_elasticache_subnet_group', 'Redis/GroupUsEast1/SubnetGroup').subnet_ids).toEqual(subnets('Data'));
    });
  });

  describe('migrations on deploy', () => {
    test('WHEN synthesized THEN a function in the private subnets applies migrations/trivia-nft to the writer, invoked when the files change', () => {
      const fn = resourceAt(json, 'aws_lambda_function', 'Migrations/Function');
      expect(fn.vpc_config).toEqual({
        subnet_ids: subnets('Private'),
        security_group_ids: [reference(json, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup', 'id')],
      });
      expect(fn.environment.variables).toMatchObject({
        DB_HOST: reference(json, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster', 'endpoint'),
        DB_NAME: 'trivianft',
        DB_SSLMODE: 'verify-full',
        MIGRATION_SYSTEM: 'trivia-nft',
      });
      const invocation = resourceAt(json, 'aws_lambda_invocation', 'Migrations/Invocation');
      expect(invocation.triggers.migrations_checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(invocation.depends_on).toContain('aws_rds_cluster_instance.' + Object.keys(json.resource.aws_rds_cluster_instance)[0]);
    });
  });

  describe('alarms', () => {
    const alarms = () => values(json, 'aws_cloudwatch_metric_alarm');
    const named = (prefix: string) => alarms().filter((alarm) => alarm.alarm_name.startsWith(prefix));

    test('WHEN synthesized THEN each Aurora instance has its 5 alarms and the cluster its capacity alarm', () => {
      expect(named(`trivia-nft-${env}-aurora-us-east-1-1-`)).toHaveLength(5);
      expect(named(`trivia-nft-${env}-aurora-us-east-1-2-`)).toHaveLength(5);
      expect(named(`trivia-nft-${env}-aurora-us-east-1-acu-utilization`).map((alarm) => [alarm.metric_name, alarm.dimensions, alarm.threshold])).toEqual([
        ['ACUUtilization', { DBClusterIdentifier: `trivia-nft-${env}-aurora-us-east-1` }, 90],
      ]);
    });

    test('WHEN synthesized THEN the proxy has its 4 alarms and each of the 6 Redis nodes its 7', () => {
      expect(named(`trivia-nft-${env}-proxy-`)).toHaveLength(4);
      const nodes = ['0001-001', '0001-002', '0001-003', '0002-001', '0002-002', '0002-003'];
      for (const node of nodes) expect(named(`trivia-nft-${env}-redis-us-east-1-${node}-`)).toHaveLength(7);
      expect(alarms()).toHaveLength(5 + 5 + 1 + 4 + 6 * 7);
    });

    test("WHEN synthesized THEN every alarm notifies one of the Region's created topics", () => {
      const topics = ['Critical', 'Warning', 'Info'].map((severity) => reference(json, 'aws_sns_topic', `AlarmTopicsUsEast1/${severity}`, 'arn'));
      for (const alarm of alarms()) expect(topics).toContain(alarm.alarm_actions[0]);
    });
  });

  describe('outputs', () => {
    test('WHEN synthesized THEN applications get the proxy and reader endpoints, port, database, secret ARNs, the Redis configuration endpoint and the network', () => {
      expect(Object.keys(json.output).sort()).toEqual([
        'aurora_cluster_arn', 'aurora_cluster_endpoint', 'aurora_cluster_identifier', 'aurora_cluster_port', 'aurora_database_name',
        'aurora_master_secret_arn', 'aurora_reader_endpoint', 'data_subnet_ids', 'lambda_security_group_id', 'migrations_checksum',
        'migrations_function_name', 'private_subnet_ids', 'public_subnet_ids', 'rds_proxy_arn', 'rds_proxy_endpoint', 'redis_auth_secret_arn',
        'redis_configuration_endpoint', 'redis_port', 'vpc_id',
      ]);
      expect(json.output.rds_proxy_endpoint.value).toBe(reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'endpoint'));
      expect(json.output.aurora_reader_endpoint.value).toBe(reference(json, 'aws_rds_cluster', 'Aurora/ClusterUsEast1/Cluster', 'reader_endpoint'));
      expect(json.output.redis_configuration_endpoint.value).toBe(
        reference(json, 'aws_elasticache_replication_group', 'Redis/GroupUsEast1/ReplicationGroup', 'configuration_endpoint_address'),
      );
      expect(json.output.lambda_security_group_id.value).toBe(reference(json, 'aws_security_group', 'NetworkUsEast1/ApplicationSecurityGroup/SecurityGroup', 'id'));
    });

    test('WHEN synthesized THEN the secret ARNs are sensitive and nothing else is', () => {
      const sensitive = Object.entries(json.output).filter(([, output]: [string, any]) => output.sensitive).map(([name]) => name);
      expect(sensitive.sort()).toEqual(['aurora_master_secret_arn', 'redis_auth_secret_arn']);
    });
  });
});
