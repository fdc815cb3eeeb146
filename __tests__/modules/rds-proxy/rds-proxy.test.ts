import { RDS_PROXY_DEFAULTS } from '../../../modules/rds-proxy';
import { warningsOf } from '../../fixtures/annotations';
import { address, reference, resourceAt, resourcesOf, STAGING_POLICY, TOPICS } from './region-context-fixture';
import { INSTANCE_KEY_ARN, synthProxy } from './rds-proxy-fixture';

function dataAt(json: any, type: string, path: string): any {
  const found = Object.values(json.data?.[type] ?? {}).find((source: any) => source['//']?.metadata?.path === `test/${path}`);
  if (found === undefined) throw new Error(`no data.${type} at ${path}`);
  return found;
}

describe('RDS Proxy in front of an Aurora cluster, every setting at its default', () => {
  const { json, proxy, resolve } = synthProxy();
  const dbProxy = resourceAt(json, 'aws_db_proxy', 'Proxy/Proxy');
  const targetGroup = resourceAt(json, 'aws_db_proxy_default_target_group', 'Proxy/TargetGroup');
  const pool = targetGroup.connection_pool_config;

  test('GIVEN no name WHEN synthesized THEN the proxy is <system>-<environment>-proxy', () => {
    expect(dbProxy.name).toBe('trivia-nft-staging-proxy');
  });

  test('WHEN synthesized THEN the engine family is POSTGRESQL', () => {
    expect(dbProxy.engine_family).toBe('POSTGRESQL');
  });

  test('GIVEN no requireTls WHEN synthesized THEN TLS is required', () => {
    expect(dbProxy.require_tls).toBe(true);
  });

  test('GIVEN no idleClientTimeoutSeconds WHEN synthesized THEN idle clients are closed after 1800 s', () => {
    expect(dbProxy.idle_client_timeout).toBe(1800);
  });

  test('GIVEN no debugLogging WHEN synthesized THEN statements are not logged', () => {
    expect(dbProxy.debug_logging).toBe(false);
  });

  test('WHEN synthesized THEN the proxy logs in with the cluster managed secret, SCRAM for clients, IAM auth disabled', () => {
    expect(dbProxy.auth).toEqual([
      {
        auth_scheme: 'SECRETS',
        client_password_auth_type: 'POSTGRES_SCRAM_SHA_256',
        description: 'The database master credentials',
        iam_auth: 'DISABLED',
        secret_arn: `${reference(json, 'aws_rds_cluster', 'Aurora/Cluster', 'master_user_secret[0].secret_arn')}`,
      },
    ]);
  });

  test('GIVEN no subnetTier WHEN synthesized THEN the proxy sits in the data subnets, in its own security group', () => {
    expect({ subnets: dbProxy.vpc_subnet_ids, groups: dbProxy.vpc_security_group_ids }).toEqual({
      subnets: ['subnet-0data1', 'subnet-0data2'],
      groups: [reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id')],
    });
  });

  test('WHEN synthesized THEN the proxy is created after its log group and its role policy', () => {
    expect(dbProxy.depends_on).toEqual([
      address(json, 'aws_cloudwatch_log_group', 'Proxy/Log/Group'),
      address(json, 'aws_iam_role_policy', 'Proxy/Role/RolePolicy'),
    ]);
  });

  test('GIVEN no maxConnectionsPercent WHEN synthesized THEN the pool may use 100 % of max_connections', () => {
    expect(pool.max_connections_percent).toBe(100);
  });

  test('GIVEN no maxIdleConnectionsPercent WHEN synthesized THEN 50 % stay idle', () => {
    expect(pool.max_idle_connections_percent).toBe(50);
  });

  test('GIVEN no connectionBorrowTimeoutSeconds WHEN synthesized THEN clients wait 120 s for a connection', () => {
    expect(pool.connection_borrow_timeout).toBe(120);
  });

  test('GIVEN no initQuery and no pinning filters WHEN synthesized THEN the pool has neither', () => {
    expect({ init: pool.init_query, filters: pool.session_pinning_filters }).toEqual({ init: undefined, filters: undefined });
  });

  test('WHEN synthesized THEN the target group belongs to the proxy', () => {
    expect(targetGroup.db_proxy_name).toBe(reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'name'));
  });

  test('WHEN synthesized THEN the target is the cluster, registered once the writer instance exists', () => {
    const target = resourceAt(json, 'aws_db_proxy_target', 'Proxy/Target');
    expect(target).toMatchObject({
      db_cluster_identifier: 'trivia-nft-staging-aurora-eu-west-2',
      db_proxy_name: reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'name'),
      target_group_name: reference(json, 'aws_db_proxy_default_target_group', 'Proxy/TargetGroup', 'name'),
      depends_on: [address(json, 'aws_rds_cluster_instance', 'Aurora/Instance1')],
    });
  });

  test('GIVEN no readOnlyEndpoint WHEN synthesized THEN there is no proxy endpoint and no read-only endpoint attribute', () => {
    expect({ endpoints: Object.keys(resourcesOf(json, 'aws_db_proxy_endpoint')), attribute: proxy.readOnlyEndpoint }).toEqual({ endpoints: [], attribute: undefined });
  });

  test('GIVEN no logRetentionDays WHEN synthesized THEN the log group /aws/rds/proxy/<name> keeps the policy retention, encrypted with its own key', () => {
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'Proxy/Log/Group')).toMatchObject({
      name: '/aws/rds/proxy/trivia-nft-staging-proxy',
      retention_in_days: STAGING_POLICY.logRetentionDays,
      kms_key_id: reference(json, 'aws_kms_key', 'Proxy/Log/Key/Key', 'arn'),
    });
  });

  test('WHEN synthesized THEN the role is trusted by rds.amazonaws.com on behalf of this account only', () => {
    const trust = dataAt(json, 'aws_iam_policy_document', 'Proxy/Role/Trust');
    expect(trust.statement).toEqual([
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['rds.amazonaws.com'] }],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [expect.stringMatching(/^\$\{data\.aws_caller_identity\.Proxy_Role_Account_[0-9A-F]+\.account_id\}$/)] }],
      },
    ]);
  });

  test('WHEN synthesized THEN the role reads only the database secret and decrypts it only through Secrets Manager in its Region', () => {
    const policy = dataAt(json, 'aws_iam_policy_document', 'Proxy/Role/Policy');
    expect(policy.statement).toEqual([
      {
        sid: 'ReadDatabaseCredentials',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [reference(json, 'aws_rds_cluster', 'Aurora/Cluster', 'master_user_secret[0].secret_arn')],
      },
      {
        sid: 'DecryptDatabaseCredentials',
        actions: ['kms:Decrypt'],
        resources: [reference(json, 'aws_kms_key', 'Aurora/Key/Key', 'arn')],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.eu-west-2.amazonaws.com'] }],
      },
    ]);
  });

  test('WHEN synthesized THEN the role is named <proxy>-<region>', () => {
    expect(resourceAt(json, 'aws_iam_role', 'Proxy/Role/Role').name).toBe('trivia-nft-staging-proxy-eu-west-2');
  });

  test('WHEN synthesized THEN the proxy security group admits the application security group on 5432 and nothing else', () => {
    const ingress = Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).filter(
      (rule: any) => rule.security_group_id === reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id'),
    );
    expect(ingress.map((rule: any) => [rule.referenced_security_group_id, rule.from_port, rule.to_port, rule.ip_protocol])).toEqual([['sg-0app', 5432, 5432, 'tcp']]);
  });

  test('WHEN synthesized THEN the proxy may connect only to the database security group, on its port', () => {
    const egress = Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((rule: any) => [rule.security_group_id, rule.referenced_security_group_id, rule.from_port, rule.to_port, rule.ip_protocol])).toEqual([
      [
        reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id'),
        reference(json, 'aws_security_group', 'Aurora/SecurityGroup/SecurityGroup', 'id'),
        5432,
        5432,
        'tcp',
      ],
    ]);
  });

  test('WHEN synthesized THEN the database security group admits the proxy security group through a rule of its own', () => {
    expect(resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'Aurora/SecurityGroup/FromProxy')).toMatchObject({
      security_group_id: reference(json, 'aws_security_group', 'Aurora/SecurityGroup/SecurityGroup', 'id'),
      referenced_security_group_id: reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id'),
      from_port: 5432,
      to_port: 5432,
    });
  });

  test('WHEN synthesized THEN neither security group names the other in its own definition (no dependency cycle)', () => {
    const groups = Object.values(resourcesOf(json, 'aws_security_group')).map((group: any) => JSON.stringify(group));
    expect(groups.filter((group) => group.includes('aws_security_group.'))).toEqual([]);
  });

  test('WHEN synthesized THEN the proxy exposes its endpoint, ARN, name, port and security group', () => {
    expect(resolve({ endpoint: proxy.endpoint, arn: proxy.arn, name: proxy.name, port: proxy.port, securityGroupId: proxy.securityGroupId })).toEqual({
      endpoint: reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'endpoint'),
      arn: reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'arn'),
      name: 'trivia-nft-staging-proxy',
      port: 5432,
      securityGroupId: reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id'),
    });
  });

  describe('its alarms', () => {
    const alarms = Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).filter((alarm: any) => alarm.alarm_name.startsWith('trivia-nft-staging-proxy-'));
    const alarm = (suffix: string): any => alarms.find((candidate: any) => candidate.alarm_name === `trivia-nft-staging-proxy-${suffix}`);

    test('WHEN synthesized THEN there are four, each notifying its severity topic when it fires and when it clears', () => {
      expect(alarms.map((found: any) => [found.alarm_name, found.alarm_actions, found.ok_actions])).toEqual([
        ['trivia-nft-staging-proxy-database-connections-setup-failed', [TOPICS.critical], [TOPICS.critical]],
        ['trivia-nft-staging-proxy-client-connections-setup-failed-auth', [TOPICS.warning], [TOPICS.warning]],
        ['trivia-nft-staging-proxy-query-database-response-latency', [TOPICS.warning], [TOPICS.warning]],
        ['trivia-nft-staging-proxy-borrowed-connections', [TOPICS.warning], [TOPICS.warning]],
      ]);
    });

    test('WHEN synthesized THEN a failed database connection setup (Sum > 0 over 5 minutes) is critical, and no data is no failure', () => {
      expect(alarm('database-connections-setup-failed')).toMatchObject({
        namespace: 'AWS/RDS',
        metric_name: 'DatabaseConnectionsSetupFailed',
        dimensions: { ProxyName: 'trivia-nft-staging-proxy' },
        statistic: 'Sum',
        period: 300,
        evaluation_periods: 1,
        threshold: 0,
        comparison_operator: 'GreaterThanThreshold',
        treat_missing_data: 'notBreaching',
      });
    });

    test('WHEN synthesized THEN a failed client authentication (Sum > 0 over 5 minutes) warns', () => {
      expect(alarm('client-connections-setup-failed-auth')).toMatchObject({
        metric_name: 'ClientConnectionsSetupFailedAuth',
        dimensions: { ProxyName: 'trivia-nft-staging-proxy' },
        statistic: 'Sum',
        evaluation_periods: 1,
        threshold: 0,
        treat_missing_data: 'notBreaching',
      });
    });

    test('GIVEN no latency threshold WHEN synthesized THEN an average query response above 200 ms (200000 µs) for 3 periods warns', () => {
      expect(alarm('query-database-response-latency')).toMatchObject({
        metric_name: 'QueryDatabaseResponseLatency',
        dimensions: { ProxyName: 'trivia-nft-staging-proxy' },
        statistic: 'Average',
        evaluation_periods: 3,
        threshold: 200_000,
      });
    });

    test('GIVEN no borrowed threshold WHEN synthesized THEN borrowed connections above 80 % of MaxDatabaseConnectionsAllowed (metric math) warn', () => {
      const pool = alarm('borrowed-connections');
      expect({ threshold: pool.threshold, periods: pool.evaluation_periods, queries: pool.metric_query }).toEqual({
        threshold: 80,
        periods: 2,
        queries: [
          { id: 'value', expression: '100 * borrowed / allowed', label: 'Borrowed connections (% of MaxDatabaseConnectionsAllowed)', return_data: true },
          {
            id: 'borrowed',
            return_data: false,
            metric: { namespace: 'AWS/RDS', metric_name: 'DatabaseConnectionsCurrentlyBorrowed', dimensions: { ProxyName: 'trivia-nft-staging-proxy' }, stat: 'Maximum', period: 300 },
          },
          {
            id: 'allowed',
            return_data: false,
            metric: { namespace: 'AWS/RDS', metric_name: 'MaxDatabaseConnectionsAllowed', dimensions: { ProxyName: 'trivia-nft-staging-proxy' }, stat: 'Maximum', period: 300 },
          },
        ],
      });
    });
  });

  test('WHEN resolved THEN the defaults applied are those of RDS_PROXY_DEFAULTS', () => {
    expect(proxy.settings).toMatchObject({
      requireTls: RDS_PROXY_DEFAULTS.requireTls,
      idleClientTimeoutSeconds: RDS_PROXY_DEFAULTS.idleClientTimeoutSeconds,
      debugLogging: RDS_PROXY_DEFAULTS.debugLogging,
      iamAuth: RDS_PROXY_DEFAULTS.iamAuth,
      readOnlyEndpoint: RDS_PROXY_DEFAULTS.readOnlyEndpoint,
      connectionPool: RDS_PROXY_DEFAULTS.connectionPool,
      alarmThresholds: RDS_PROXY_DEFAULTS.alarmThresholds,
    });
  });
});

describe('RDS Proxy settings overridden', () => {
  test('GIVEN a name WHEN synthesized THEN the proxy, its log group and its role carry it', () => {
    const { json } = synthProxy({ name: 'trivia-pool' });
    expect([
      resourceAt(json, 'aws_db_proxy', 'Proxy/Proxy').name,
      resourceAt(json, 'aws_cloudwatch_log_group', 'Proxy/Log/Group').name,
      resourceAt(json, 'aws_iam_role', 'Proxy/Role/Role').name,
    ]).toEqual(['trivia-pool', '/aws/rds/proxy/trivia-pool', 'trivia-pool-eu-west-2']);
  });

  test('GIVEN requireTls false WHEN synthesized THEN TLS is not required', () => {
    expect(resourceAt(synthProxy({ requireTls: false }).json, 'aws_db_proxy', 'Proxy/Proxy').require_tls).toBe(false);
  });

  test('GIVEN idleClientTimeoutSeconds 600 WHEN synthesized THEN idle clients are closed after 600 s', () => {
    expect(resourceAt(synthProxy({ idleClientTimeoutSeconds: 600 }).json, 'aws_db_proxy', 'Proxy/Proxy').idle_client_timeout).toBe(600);
  });

  test('GIVEN debugLogging true WHEN synthesized THEN statements are logged', () => {
    expect(resourceAt(synthProxy({ debugLogging: true }).json, 'aws_db_proxy', 'Proxy/Proxy').debug_logging).toBe(true);
  });

  test('GIVEN iamAuth REQUIRED WHEN synthesized THEN clients need an IAM token', () => {
    expect(resourceAt(synthProxy({ iamAuth: 'REQUIRED' }).json, 'aws_db_proxy', 'Proxy/Proxy').auth[0].iam_auth).toBe('REQUIRED');
  });

  test('GIVEN maxConnectionsPercent 80 and no idle percentage WHEN synthesized THEN 40 % stay idle, half the maximum, as RDS does', () => {
    const pool = resourceAt(synthProxy({ connectionPool: { maxConnectionsPercent: 80 } }).json, 'aws_db_proxy_default_target_group', 'Proxy/TargetGroup').connection_pool_config;
    expect([pool.max_connections_percent, pool.max_idle_connections_percent]).toEqual([80, 40]);
  });

  test('GIVEN maxIdleConnectionsPercent 10 WHEN synthesized THEN 10 % stay idle', () => {
    const pool = resourceAt(synthProxy({ connectionPool: { maxIdleConnectionsPercent: 10 } }).json, 'aws_db_proxy_default_target_group', 'Proxy/TargetGroup').connection_pool_config;
    expect(pool.max_idle_connections_percent).toBe(10);
  });

  test('GIVEN connectionBorrowTimeoutSeconds 30 WHEN synthesized THEN clients wait 30 s', () => {
    const pool = resourceAt(synthProxy({ connectionPool: { connectionBorrowTimeoutSeconds: 30 } }).json, 'aws_db_proxy_default_target_group', 'Proxy/TargetGroup').connection_pool_config;
    expect(pool.connection_borrow_timeout).toBe(30);
  });

  test('GIVEN an init query WHEN synthesized THEN every new database connection runs it', () => {
    const pool = resourceAt(
      synthProxy({ connectionPool: { initQuery: 'SET SESSION statement_timeout = 30000' } }).json,
      'aws_db_proxy_default_target_group',
      'Proxy/TargetGroup',
    ).connection_pool_config;
    expect(pool.init_query).toBe('SET SESSION statement_timeout = 30000');
  });

  test('GIVEN the EXCLUDE_VARIABLE_SETS pinning filter WHEN synthesized THEN the pool carries it', () => {
    const pool = resourceAt(
      synthProxy({ connectionPool: { sessionPinningFilters: ['EXCLUDE_VARIABLE_SETS'] } }).json,
      'aws_db_proxy_default_target_group',
      'Proxy/TargetGroup',
    ).connection_pool_config;
    expect(pool.session_pinning_filters).toEqual(['EXCLUDE_VARIABLE_SETS']);
  });

  test('GIVEN logRetentionDays 30 WHEN synthesized THEN the log group keeps 30 days', () => {
    expect(resourceAt(synthProxy({ logRetentionDays: 30 }).json, 'aws_cloudwatch_log_group', 'Proxy/Log/Group').retention_in_days).toBe(30);
  });

  test('GIVEN a borrowed-connections threshold of 90 WHEN synthesized THEN the pool alarm fires above 90 %', () => {
    const { json } = synthProxy({ alarmThresholds: { borrowedConnectionsPercent: 90 } });
    const alarm: any = Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).find((found: any) => found.alarm_name.endsWith('-borrowed-connections'));
    expect(alarm.threshold).toBe(90);
  });

  test('GIVEN a latency threshold of 50 ms WHEN synthesized THEN the latency alarm fires above 50000 µs', () => {
    const { json } = synthProxy({ alarmThresholds: { queryDatabaseResponseLatencyMilliseconds: 50 } });
    const alarm: any = Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).find((found: any) => found.alarm_name.endsWith('-query-database-response-latency'));
    expect(alarm.threshold).toBe(50_000);
  });

  test('GIVEN subnetTier private WHEN synthesized THEN the proxy sits in the private subnets', () => {
    expect(resourceAt(synthProxy({ subnetTier: 'private' }).json, 'aws_db_proxy', 'Proxy/Proxy').vpc_subnet_ids).toEqual(['subnet-0priv1', 'subnet-0priv2']);
  });

  test('GIVEN readOnlyEndpoint WHEN synthesized THEN a READ_ONLY endpoint <name>-read-only sits in the same subnets and security group', () => {
    const { json, proxy, resolve } = synthProxy({ readOnlyEndpoint: true });
    expect({ endpoint: resourceAt(json, 'aws_db_proxy_endpoint', 'Proxy/ReadOnlyEndpoint'), attribute: resolve(proxy.readOnlyEndpoint) }).toMatchObject({
      endpoint: {
        db_proxy_name: reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'name'),
        db_proxy_endpoint_name: 'trivia-nft-staging-proxy-read-only',
        target_role: 'READ_ONLY',
        vpc_subnet_ids: ['subnet-0data1', 'subnet-0data2'],
        vpc_security_group_ids: [reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id')],
      },
      attribute: reference(json, 'aws_db_proxy_endpoint', 'Proxy/ReadOnlyEndpoint', 'endpoint'),
    });
  });
});

describe('RDS Proxy in front of an RDS PostgreSQL instance', () => {
  const { json } = synthProxy({}, { database: 'instance' });

  test('WHEN synthesized THEN the target is the instance, registered once it exists', () => {
    const target = resourceAt(json, 'aws_db_proxy_target', 'Proxy/Target');
    expect({ instance: target.db_instance_identifier, cluster: target.db_cluster_identifier, dependsOn: target.depends_on }).toEqual({
      instance: 'trivia-nft-staging-postgres-eu-west-2',
      cluster: undefined,
      dependsOn: [address(json, 'aws_db_instance', 'Postgres/Instance')],
    });
  });

  test("WHEN synthesized THEN the proxy logs in with the instance's managed secret, decrypted with the instance's key", () => {
    const policy = dataAt(json, 'aws_iam_policy_document', 'Proxy/Role/Policy');
    expect([resourceAt(json, 'aws_db_proxy', 'Proxy/Proxy').auth[0].secret_arn, policy.statement[1].resources]).toEqual([
      reference(json, 'aws_db_instance', 'Postgres/Instance', 'master_user_secret[0].secret_arn'),
      [INSTANCE_KEY_ARN],
    ]);
  });

  test('WHEN synthesized THEN the instance security group admits the proxy', () => {
    expect(resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'Postgres/SecurityGroup/FromProxy').referenced_security_group_id).toBe(
      reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id'),
    );
  });
});

describe('RDS Proxy in production', () => {
  const production = { ...STAGING_POLICY, production: true };
  const warnings = (settings: Parameters<typeof synthProxy>[0]) => {
    const { proxy } = synthProxy(settings, { context: { policy: production } });
    return warningsOf(proxy);
  };

  test('GIVEN the defaults WHEN synthesized in production THEN there is no warning', () => {
    expect(warnings({})).toEqual([]);
  });

  test.each([
    [{ requireTls: false }, 'proxy.requireTls is off in production: clients may send credentials and data unencrypted'],
    [{ debugLogging: true }, "proxy.debugLogging is on in production: the proxy's log records every statement, data included"],
  ])('GIVEN %j WHEN synthesized in production THEN it warns: %s', (settings, warning) => {
    expect(warnings(settings)).toEqual([warning]);
  });
});
