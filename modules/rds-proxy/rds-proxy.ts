import { DbProxy } from '@cdktf/provider-aws/lib/db-proxy';
import { DbProxyDefaultTargetGroup } from '@cdktf/provider-aws/lib/db-proxy-default-target-group';
import { DbProxyEndpoint } from '@cdktf/provider-aws/lib/db-proxy-endpoint';
import { DbProxyTarget } from '@cdktf/provider-aws/lib/db-proxy-target';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { createMetricAlarm, createMetricMathAlarm } from '../alarms';
import { RegionContext } from '../context';
import { EncryptedLogGroup } from '../logs';
import { Connectable, DataTierSecurityGroup, SubnetTier, subnetIdsOf } from '../network';
import { PostgresEndpoint } from '../rds';
import { assertValid, describeValue, oneOf, ValidationRule } from '../validation';
import {
  proxyRoleName,
  RDS_PROXY_AUTH_SCHEME,
  RDS_PROXY_CLIENT_PASSWORD_AUTH_TYPE,
  RDS_PROXY_ENGINE_FAMILY,
  RDS_PROXY_ENGINES,
  readOnlyEndpointName,
  resolveRdsProxySettings,
  ResolvedRdsProxySettings,
} from './defaults';
import { rdsProxyAlarmSpecs, rdsProxyPoolAlarmSpec } from './rds-proxy-alarms';
import { RdsProxyRole } from './rds-proxy-role';
import { RdsProxySettings } from './rds-proxy-settings';
import { rdsProxySettingsRules } from './validate-rds-proxy';

export interface RdsProxyProps extends RdsProxySettings {
  /** The Region the proxy is built in (the database's): provider, network, alarm topics, names, policy. */
  readonly context: RegionContext;
  /** The database behind the proxy: an Aurora PostgreSQL cluster or an RDS PostgreSQL instance. */
  readonly database: PostgresEndpoint;
  /**
   * The subnet tier of the proxy's network interfaces.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

/** The module's own checks of its props, under the setting name `setting` (`proxy`). */
export function rdsProxyRules(setting: string, props: RdsProxyProps): ValidationRule[] {
  const { context, database } = props;
  const engine = oneOf(`${setting}.database engine`, database.engine, RDS_PROXY_ENGINES);
  const subnets = subnetIdsOf(context.network, props.subnetTier ?? 'data');
  return [
    ...rdsProxySettingsRules(setting, props, { naming: context.naming, region: context.region }),
    {
      condition: engine.condition,
      message: `${setting}.database must be a PostgreSQL database (engine ${RDS_PROXY_ENGINES.join(' or ')}: the proxy's engine family is ${RDS_PROXY_ENGINE_FAMILY}), got engine ${describeValue(database.engine)}`,
    },
    {
      condition: database.region === context.region,
      message: `${setting} must be built in its database's Region (${database.region}), got ${describeValue(context.region)}`,
    },
    {
      condition: !(props.readOnlyEndpoint ?? false) || database.engine === 'aurora-postgresql',
      message: `${setting}.readOnlyEndpoint must be false for a database of engine ${describeValue(database.engine)} (read-only endpoints spread over Aurora readers), got true`,
    },
    // IDs known now must name two subnets; a look-up's list is counted by AWS.
    {
      condition: Token.isUnresolved(subnets) || subnets.length >= 2,
      message: `${setting} needs subnets in two Availability Zones at least (RDS Proxy requires two), got ${describeValue(subnets)}`,
    },
  ];
}

/**
 * RDS Proxy in front of a PostgreSQL database (an Aurora cluster or an RDS instance), in the database's
 * Region and subnets of its network.
 *
 * The proxy logs in with the database's credentials secret, through a role that can read that secret
 * only; clients authenticate with SCRAM (and an IAM token when `iamAuth` is REQUIRED) over TLS. Its
 * security group admits the application security groups on the database's port and may open connections
 * only to the database's security group, which admits the proxy through its own `allowFrom` (standalone
 * rules on both sides: no cycle). Its log group exists, encrypted, before the proxy; its alarms notify
 * the Region's topics.
 */
export class RdsProxy extends Construct implements Connectable {
  public readonly proxy: DbProxy;
  public readonly name: string;
  public readonly arn: string;
  /** The read/write endpoint clients connect to. */
  public readonly endpoint: string;
  /** The read-only endpoint, when asked for. */
  public readonly readOnlyEndpoint?: string;
  /** The database's port: the proxy listens on it. */
  public readonly port: number;
  public readonly securityGroupId: string;
  public readonly roleArn: string;
  public readonly logGroup: EncryptedLogGroup;
  public readonly settings: ResolvedRdsProxySettings;
  private readonly securityGroup: DataTierSecurityGroup;

  constructor(scope: Construct, id: string, props: RdsProxyProps) {
    super(scope, id);
    assertValid(rdsProxyRules('proxy', props));
    const { context, database } = props;
    const { provider, region, naming, policy, network } = context;
    const settings = resolveRdsProxySettings(props, { naming, logRetentionDays: policy.logRetentionDays });
    this.settings = settings;
    const { name } = settings;
    const subnetIds = subnetIdsOf(network, props.subnetTier ?? 'data');
    if (policy.production && !settings.requireTls) {
      Annotations.of(this).addWarning(`proxy.requireTls is off in production: clients may send credentials and data unencrypted`);
    }
    if (policy.production && settings.debugLogging) {
      Annotations.of(this).addWarning(`proxy.debugLogging is on in production: the proxy's log records every statement, data included`);
    }

    this.securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: name,
      description: `RDS Proxy ${name}`,
      vpcId: network.vpcId,
      ports: [database.port],
      sourceSecurityGroupIds: network.applicationSecurityGroupIds,
    });
    this.securityGroup.allowTo('ToDatabase', database.securityGroupId, database.port, `RDS Proxy ${name} to its database`);
    database.allowFrom(`From${id}`, this.securityGroup.securityGroupId, `RDS Proxy ${name}`);

    const role = new RdsProxyRole(this, 'Role', { provider, roleName: proxyRoleName(name, region), proxyName: name, credentials: database.masterCredentials });

    // Before the proxy: RDS would otherwise create the log group itself, unencrypted and kept forever.
    this.logGroup = new EncryptedLogGroup(this, 'Log', {
      provider,
      region,
      name: `/aws/rds/proxy/${name}`,
      writer: `RDS Proxy ${name}`,
      keyAliasName: `${name}-logs`,
      retentionInDays: settings.logRetentionDays,
    });

    this.proxy = new DbProxy(this, 'Proxy', {
      provider,
      name,
      engineFamily: RDS_PROXY_ENGINE_FAMILY,
      roleArn: role.roleArn,
      vpcSubnetIds: subnetIds,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      requireTls: settings.requireTls,
      idleClientTimeout: settings.idleClientTimeoutSeconds,
      debugLogging: settings.debugLogging,
      auth: [
        {
          authScheme: RDS_PROXY_AUTH_SCHEME,
          secretArn: database.masterCredentials.secretArn,
          iamAuth: settings.iamAuth,
          clientPasswordAuthType: RDS_PROXY_CLIENT_PASSWORD_AUTH_TYPE,
          description: 'The database master credentials',
        },
      ],
      dependsOn: [this.logGroup.logGroup, role.policy],
    });

    const pool = settings.connectionPool;
    const targetGroup = new DbProxyDefaultTargetGroup(this, 'TargetGroup', {
      provider,
      dbProxyName: this.proxy.name,
      connectionPoolConfig: {
        maxConnectionsPercent: pool.maxConnectionsPercent,
        maxIdleConnectionsPercent: pool.maxIdleConnectionsPercent,
        connectionBorrowTimeout: pool.connectionBorrowTimeoutSeconds,
        initQuery: pool.initQuery,
        sessionPinningFilters: pool.sessionPinningFilters === undefined ? undefined : [...pool.sessionPinningFilters],
      },
    });
    new DbProxyTarget(this, 'Target', {
      provider,
      dbProxyName: this.proxy.name,
      targetGroupName: targetGroup.name,
      ...database.proxyTarget,
      // The writer must be up, and the credentials written, before the proxy registers it.
      dependsOn: [...database.readyForClients],
    });

    if (settings.readOnlyEndpoint) {
      const readOnly = new DbProxyEndpoint(this, 'ReadOnlyEndpoint', {
        provider,
        dbProxyName: this.proxy.name,
        dbProxyEndpointName: readOnlyEndpointName(name),
        vpcSubnetIds: subnetIds,
        vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
        targetRole: 'READ_ONLY',
      });
      this.readOnlyEndpoint = readOnly.endpoint;
    }

    for (const spec of rdsProxyAlarmSpecs(name, settings.alarmThresholds)) {
      createMetricAlarm(this, alarmId(spec.name), { provider, alarmNamePrefix: name, topics: context.alarmTopics, spec });
    }
    const poolSpec = rdsProxyPoolAlarmSpec(name, settings.alarmThresholds);
    createMetricMathAlarm(this, alarmId(poolSpec.name), { provider, alarmNamePrefix: name, topics: context.alarmTopics, spec: poolSpec });

    this.name = name;
    this.arn = this.proxy.arn;
    this.endpoint = this.proxy.endpoint;
    this.port = database.port;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.roleArn = role.roleArn;
  }

  /** Admits a security group on the proxy's port (a function carrying its own group, say). */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    this.securityGroup.allowFrom(id, sourceSecurityGroupId, this.port, description);
  }
}

/** `borrowed-connections` -> `BorrowedConnectionsAlarm`. */
function alarmId(name: string): string {
  return `${name.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase())}Alarm`;
}
