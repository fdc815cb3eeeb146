import { auroraCluster } from '../../../stacks/components/aurora-cluster';
import { rdsProxy } from '../../../stacks/components/rds-proxy';
import { EnvironmentConfig } from '../../../stacks/common/environment';
import { defineSystem } from '../../../stacks/composition/define-system';
import { failedMessages } from '../../../modules/validation';
import { reference, resourceAt } from '../../modules/rds-proxy/region-context-fixture';
import { PROXIED_APP_DEV, proxiedApp, synthSystemStack } from './proxied-app-system';

const STACK = 'proxied-app-dev';

describe('the rdsProxy component in a system with a created VPC and a Serverless v2 Aurora cluster', () => {
  const { json } = synthSystemStack(proxiedApp(), PROXIED_APP_DEV);

  test('WHEN synthesized THEN the proxy sits at Proxy under the stack, named <system>-<environment>-proxy, in the created data subnets', () => {
    expect(resourceAt(json, 'aws_db_proxy', 'Proxy/Proxy', STACK)).toMatchObject({
      name: 'proxied-app-dev-proxy',
      vpc_subnet_ids: [reference(json, 'aws_subnet', 'NetworkEuWest2/DataSubnet1', 'id', STACK), reference(json, 'aws_subnet', 'NetworkEuWest2/DataSubnet2', 'id', STACK)],
      provider: 'aws.eu_west_2',
    });
  });

  test('WHEN synthesized THEN the proxy targets the cluster the system declared before it', () => {
    expect(resourceAt(json, 'aws_db_proxy_target', 'Proxy/Target', STACK).db_cluster_identifier).toBe('proxied-app-dev-aurora-eu-west-2');
  });

  test("WHEN synthesized THEN the proxy admits the created VPC's application security group", () => {
    expect(resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'Proxy/SecurityGroup/Port5432FromApplication1', STACK).referenced_security_group_id).toBe(
      reference(json, 'aws_security_group', 'NetworkEuWest2/ApplicationSecurityGroup/SecurityGroup', 'id', STACK),
    );
  });

  test('WHEN synthesized THEN the cluster admits the proxy', () => {
    expect(resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'Aurora/ClusterEuWest2/SecurityGroup/FromProxy', STACK).referenced_security_group_id).toBe(
      reference(json, 'aws_security_group', 'Proxy/SecurityGroup/SecurityGroup', 'id', STACK),
    );
  });

  test('WHEN synthesized THEN the outputs give the endpoint, the read-only endpoint and the ARN', () => {
    expect({
      endpoint: json.output.rds_proxy_endpoint.value,
      readOnly: json.output.rds_proxy_read_only_endpoint.value,
      arn: json.output.rds_proxy_arn.value,
    }).toEqual({
      endpoint: reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'endpoint', STACK),
      readOnly: reference(json, 'aws_db_proxy_endpoint', 'Proxy/ReadOnlyEndpoint', 'endpoint', STACK),
      arn: reference(json, 'aws_db_proxy', 'Proxy/Proxy', 'arn', STACK),
    });
  });

  test('WHEN synthesized THEN each output says what it is', () => {
    expect([json.output.rds_proxy_endpoint.description, json.output.rds_proxy_read_only_endpoint.description, json.output.rds_proxy_arn.description]).toEqual([
      'RDS Proxy read/write endpoint in eu-west-2 (port 5432; TLS with an Amazon Trust Services certificate, see docs/rds-proxy.md)',
      'RDS Proxy read-only endpoint in eu-west-2, spreading over the Aurora readers',
      'RDS Proxy ARN',
    ]);
  });
});

describe('the rdsProxy component options', () => {
  test('GIVEN no read-only endpoint WHEN synthesized THEN there is no read-only output', () => {
    const { json } = synthSystemStack(proxiedApp(undefined, {}), PROXIED_APP_DEV);
    expect(Object.keys(json.output).filter((name) => name.startsWith('rds_proxy')).sort()).toEqual(['rds_proxy_arn', 'rds_proxy_endpoint']);
  });

  test('GIVEN renamed and dropped outputs WHEN synthesized THEN the system names them as it chose', () => {
    const { json } = synthSystemStack(proxiedApp(undefined, { outputs: { rds_proxy_endpoint: 'database_proxy_endpoint', rds_proxy_arn: false } }), PROXIED_APP_DEV);
    expect(Object.keys(json.output).filter((name) => name.includes('proxy'))).toEqual(['database_proxy_endpoint']);
  });

  test('GIVEN another construct id WHEN synthesized THEN the proxy sits there, and the cluster admits it under that name', () => {
    const { json } = synthSystemStack(proxiedApp(undefined, { id: 'ReaderProxy' }), PROXIED_APP_DEV);
    expect([
      resourceAt(json, 'aws_db_proxy', 'ReaderProxy/Proxy', STACK).name,
      resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'Aurora/ClusterEuWest2/SecurityGroup/FromReaderProxy', STACK).from_port,
    ]).toEqual(['proxied-app-dev-proxy', 5432]);
  });

  test('GIVEN the proxy listed before its database WHEN built THEN it fails, saying what to list first', () => {
    const system = defineSystem<EnvironmentConfig>({
      name: 'proxied-app',
      environments: { dev: PROXIED_APP_DEV },
      components() {
        const aurora = auroraCluster({ instanceCount: 1, instanceClass: 'db.serverless', serverlessV2: { minCapacity: 0.5, maxCapacity: 4 } });
        return [rdsProxy({ database: aurora }), aurora];
      },
    });
    expect(() => synthSystemStack(system, PROXIED_APP_DEV)).toThrow('the Aurora cluster is used before it is built: list it before the components that use it');
  });
});

describe('the rdsProxy component checks, with setting paths', () => {
  const messagesOf = (options: Parameters<typeof proxiedApp>[1]) => failedMessages(proxiedApp(undefined, options).validationRules());

  test('GIVEN the defaults WHEN checked THEN the system passes', () => {
    expect(messagesOf({})).toEqual([]);
  });

  test.each<[string, Parameters<typeof proxiedApp>[1], string]>([
    [
      'a pool above 100 %',
      { config: { connectionPool: { maxConnectionsPercent: 120 } } },
      'proxied-app.environments.dev.proxy.connectionPool.maxConnectionsPercent must be an integer 1-100, got 120',
    ],
    [
      'more idle than maximum connections',
      { config: { connectionPool: { maxConnectionsPercent: 30, maxIdleConnectionsPercent: 31 } } },
      'proxied-app.environments.dev.proxy.connectionPool.maxIdleConnectionsPercent must not be above proxied-app.environments.dev.proxy.connectionPool.maxConnectionsPercent (30), got 31',
    ],
    ['a borrow timeout above an hour', { config: { connectionPool: { connectionBorrowTimeoutSeconds: 7200 } } }, 'proxied-app.environments.dev.proxy.connectionPool.connectionBorrowTimeoutSeconds must be an integer 1-3600, got 7200'],
    ['an idle client timeout above 8 hours', { config: { idleClientTimeoutSeconds: 30000 } }, 'proxied-app.environments.dev.proxy.idleClientTimeoutSeconds must be an integer 1-28800, got 30000'],
    [
      'a name AWS refuses',
      { config: { name: 'Proxied_App' } },
      'proxied-app.environments.dev.proxy.name must be 1-63 lowercase letters, digits and hyphens, starting with a letter, with no two hyphens in a row and no hyphen at the end, got "Proxied_App"',
    ],
    [
      'a rename of an output the component does not declare',
      { outputs: { proxy_endpoint: 'x' } },
      'proxied-app.environments.dev.proxy.outputs renames "proxy_endpoint", which is not an output of this component (its outputs: rds_proxy_endpoint, rds_proxy_read_only_endpoint, rds_proxy_arn)',
    ],
    ['a setting key of its own', { setting: 'pool', config: { idleClientTimeoutSeconds: 0 } }, 'proxied-app.environments.dev.pool.idleClientTimeoutSeconds must be an integer 1-28800, got 0'],
  ])('GIVEN %s WHEN the system is checked THEN the only message is: %s', (_what, options, message) => {
    expect(messagesOf(options)).toEqual([message]);
  });

  test('GIVEN a system name that makes the default proxy name too long WHEN checked THEN the message names the setting to shorten it with', () => {
    const name = `a${'b'.repeat(60)}`;
    const longSystem = defineSystem<EnvironmentConfig>({
      name,
      environments: { dev: PROXIED_APP_DEV },
      components() {
        const aurora = auroraCluster({ instanceCount: 1, instanceClass: 'db.serverless', serverlessV2: { minCapacity: 0.5, maxCapacity: 4 } });
        return [aurora, rdsProxy({ database: aurora })];
      },
    });
    expect(failedMessages(longSystem.validationRules()).filter((message) => message.includes('.proxy.'))).toEqual([
      `${name}.environments.dev.proxy.name must be 1-63 lowercase letters, digits and hyphens, starting with a letter, with no two hyphens in a row and no hyphen at the end, got "${name}-dev-proxy"`,
    ]);
  });
});
