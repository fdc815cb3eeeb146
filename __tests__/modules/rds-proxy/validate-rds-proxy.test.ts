import { AuroraCluster } from '../../../modules/aurora';
import { PostgresEndpoint } from '../../../modules/rds';
import { RdsProxy, RdsProxySettings, rdsProxySettingsRules } from '../../../modules/rds-proxy';
import { ConfigurationError, failedMessages } from '../../../modules/validation';
import { NAMING, NETWORK, regionContext } from './region-context-fixture';
import { TestPostgresInstance } from './rds-proxy-fixture';

const messagesOf = (settings: RdsProxySettings, region = 'eu-west-2') => failedMessages(rdsProxySettingsRules('proxy', settings, { naming: NAMING, region }));

const NAME_ACCEPTED = '1-63 lowercase letters, digits and hyphens, starting with a letter, with no two hyphens in a row and no hyphen at the end';

describe('RDS Proxy settings checks', () => {
  test('GIVEN no settings WHEN checked THEN the defaults pass', () => {
    expect(messagesOf({})).toEqual([]);
  });

  test('GIVEN every setting at a legal value WHEN checked THEN they pass', () => {
    expect(
      messagesOf({
        name: 'trivia-pool-2',
        requireTls: true,
        idleClientTimeoutSeconds: 28800,
        debugLogging: true,
        iamAuth: 'REQUIRED',
        connectionPool: { maxConnectionsPercent: 1, maxIdleConnectionsPercent: 0, connectionBorrowTimeoutSeconds: 3600, initQuery: 'SET TIME ZONE UTC', sessionPinningFilters: ['EXCLUDE_VARIABLE_SETS'] },
        readOnlyEndpoint: true,
        logRetentionDays: 30,
        alarmThresholds: { borrowedConnectionsPercent: 100, queryDatabaseResponseLatencyMilliseconds: 60000 },
      }),
    ).toEqual([]);
  });

  test('GIVEN a name of exactly 53 characters and a read-only endpoint WHEN checked THEN it passes (the endpoint name is 63)', () => {
    expect(messagesOf({ name: `a${'b'.repeat(52)}`, readOnlyEndpoint: true })).toEqual([]);
  });

  test.each<[string, RdsProxySettings, string]>([
    ['an uppercase name', { name: 'Trivia-proxy' }, `proxy.name must be ${NAME_ACCEPTED}, got "Trivia-proxy"`],
    ['a name of 64 characters', { name: `p${'x'.repeat(63)}` }, `proxy.name must be ${NAME_ACCEPTED}, got "p${'x'.repeat(63)}"`],
    ['two hyphens in a row', { name: 'trivia--proxy' }, `proxy.name must be ${NAME_ACCEPTED}, got "trivia--proxy"`],
    ['a hyphen at the end', { name: 'trivia-proxy-' }, `proxy.name must be ${NAME_ACCEPTED}, got "trivia-proxy-"`],
    ['a digit first', { name: '1proxy' }, `proxy.name must be ${NAME_ACCEPTED}, got "1proxy"`],
    ['an underscore', { name: 'trivia_proxy' }, `proxy.name must be ${NAME_ACCEPTED}, got "trivia_proxy"`],
    ['an empty name', { name: '' }, `proxy.name must be ${NAME_ACCEPTED}, got ""`],
    [
      'a name too long for the read-only endpoint',
      { name: `a${'b'.repeat(53)}`, readOnlyEndpoint: true },
      `proxy.name must be at most 53 characters with a read-only endpoint (named <name>-read-only, 63 at most), got "a${'b'.repeat(53)}" (54)`,
    ],
    [
      'a name too long for the role in eu-west-2',
      { name: `a${'b'.repeat(54)}` },
      `proxy.name must be at most 54 characters in eu-west-2 (the proxy's IAM role is <name>-eu-west-2, 64 at most), got "a${'b'.repeat(54)}" (55)`,
    ],
    ['an idle client timeout of 0', { idleClientTimeoutSeconds: 0 }, 'proxy.idleClientTimeoutSeconds must be an integer 1-28800, got 0'],
    ['an idle client timeout above 8 hours', { idleClientTimeoutSeconds: 28801 }, 'proxy.idleClientTimeoutSeconds must be an integer 1-28800, got 28801'],
    ['a fractional idle client timeout', { idleClientTimeoutSeconds: 1.5 }, 'proxy.idleClientTimeoutSeconds must be an integer 1-28800, got 1.5'],
    ['an unknown IAM auth mode', { iamAuth: 'OPTIONAL' as never }, 'proxy.iamAuth must be one of "DISABLED", "REQUIRED", got "OPTIONAL"'],
    ['a maximum of 0 %', { connectionPool: { maxConnectionsPercent: 0 } }, 'proxy.connectionPool.maxConnectionsPercent must be an integer 1-100, got 0'],
    ['a maximum above 100 %', { connectionPool: { maxConnectionsPercent: 101 } }, 'proxy.connectionPool.maxConnectionsPercent must be an integer 1-100, got 101'],
    ['a negative idle percentage', { connectionPool: { maxIdleConnectionsPercent: -1 } }, 'proxy.connectionPool.maxIdleConnectionsPercent must be an integer 0-100, got -1'],
    ['an idle percentage above 100 %', { connectionPool: { maxIdleConnectionsPercent: 101 } }, 'proxy.connectionPool.maxIdleConnectionsPercent must be an integer 0-100, got 101'],
    [
      'more idle connections than the maximum',
      { connectionPool: { maxConnectionsPercent: 40, maxIdleConnectionsPercent: 60 } },
      'proxy.connectionPool.maxIdleConnectionsPercent must not be above proxy.connectionPool.maxConnectionsPercent (40), got 60',
    ],
    ['a borrow timeout of 0', { connectionPool: { connectionBorrowTimeoutSeconds: 0 } }, 'proxy.connectionPool.connectionBorrowTimeoutSeconds must be an integer 1-3600, got 0'],
    ['a borrow timeout above an hour', { connectionPool: { connectionBorrowTimeoutSeconds: 3601 } }, 'proxy.connectionPool.connectionBorrowTimeoutSeconds must be an integer 1-3600, got 3601'],
    ['a blank init query', { connectionPool: { initQuery: '  ' } }, 'proxy.connectionPool.initQuery must be set to a non-empty string, got "  "'],
    [
      'an unknown pinning filter',
      { connectionPool: { sessionPinningFilters: ['EXCLUDE_ALL' as never] } },
      'proxy.connectionPool.sessionPinningFilters[0] must be one of "EXCLUDE_VARIABLE_SETS", got "EXCLUDE_ALL"',
    ],
    ['a retention CloudWatch Logs refuses', { logRetentionDays: 8 }, 'proxy.logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 8'],
    ['a borrowed threshold of 0 %', { alarmThresholds: { borrowedConnectionsPercent: 0 } }, 'proxy.alarmThresholds.borrowedConnectionsPercent must be an integer 1-100, got 0'],
    ['a borrowed threshold above 100 %', { alarmThresholds: { borrowedConnectionsPercent: 120 } }, 'proxy.alarmThresholds.borrowedConnectionsPercent must be an integer 1-100, got 120'],
    [
      'a latency threshold of 0 ms',
      { alarmThresholds: { queryDatabaseResponseLatencyMilliseconds: 0 } },
      'proxy.alarmThresholds.queryDatabaseResponseLatencyMilliseconds must be an integer 1-60000, got 0',
    ],
  ])('GIVEN %s WHEN checked THEN the only message is: %s', (_what, settings, message) => {
    expect(messagesOf(settings)).toEqual([message]);
  });
});

describe('RDS Proxy construction checks (the database and the network)', () => {
  const build = (database: (context: ReturnType<typeof regionContext>['context'], stack: ReturnType<typeof regionContext>['stack']) => PostgresEndpoint, settings: RdsProxySettings = {}, network = NETWORK) => {
    const { stack, context } = regionContext({ network });
    const endpoint = database(context, stack);
    try {
      new RdsProxy(stack, 'Proxy', { ...settings, context, database: endpoint });
      return [];
    } catch (error) {
      if (error instanceof ConfigurationError) return error.problems;
      throw error;
    }
  };
  const aurora = (context: any, stack: any) => new AuroraCluster(stack, 'Aurora', { context, instanceCount: 1, instanceClass: 'db.r6g.large' });
  const instance = (context: any, stack: any) => new TestPostgresInstance(stack, 'Postgres', context);

  test('GIVEN an Aurora cluster with a read-only endpoint WHEN built THEN it passes', () => {
    expect(build(aurora, { readOnlyEndpoint: true })).toEqual([]);
  });

  test('GIVEN a database of another engine WHEN built THEN it fails naming the engine and the one family the proxy serves', () => {
    const mysql = (context: any, stack: any) => Object.assign(instance(context, stack), { engine: 'mysql' }) as unknown as PostgresEndpoint;
    expect(build(mysql)).toEqual(['proxy.database must be a PostgreSQL database (engine aurora-postgresql or postgres: the proxy\'s engine family is POSTGRESQL), got engine "mysql"']);
  });

  test('GIVEN a database in another Region WHEN built THEN it fails naming both Regions', () => {
    const elsewhere = (context: any, stack: any) => Object.assign(instance(context, stack), { region: 'eu-west-1' }) as PostgresEndpoint;
    expect(build(elsewhere)).toEqual(['proxy must be built in its database\'s Region (eu-west-1), got "eu-west-2"']);
  });

  test('GIVEN an RDS instance and a read-only endpoint WHEN built THEN it fails: read-only endpoints are for Aurora readers', () => {
    expect(build(instance, { readOnlyEndpoint: true })).toEqual([
      'proxy.readOnlyEndpoint must be false for a database of engine "postgres" (read-only endpoints spread over Aurora readers), got true',
    ]);
  });

  test('GIVEN one data subnet WHEN built THEN it fails: RDS Proxy needs two zones', () => {
    expect(build(instance, {}, { ...NETWORK, dataSubnetIds: ['subnet-0data1'] })).toEqual([
      'proxy needs subnets in two Availability Zones at least (RDS Proxy requires two), got ["subnet-0data1"]',
    ]);
  });

  test('GIVEN bad settings WHEN built THEN the constructor refuses them before creating the proxy', () => {
    expect(build(instance, { idleClientTimeoutSeconds: 0 })).toEqual(['proxy.idleClientTimeoutSeconds must be an integer 1-28800, got 0']);
  });
});
