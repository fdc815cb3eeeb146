import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { Annotations, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { createMetricAlarm, MetricAlarmSpec } from '../alarms';
import { RegionContext } from '../context';
import { CustomerManagedKey } from '../kms';
import { DataTierSecurityGroup, SubnetTier, subnetIdsOf } from '../network';
import {
  CredentialsSecret,
  derivedRdsNameRules,
  EnhancedMonitoringRole,
  ManagedPasswordRotation,
  PerformanceInsightsSettings,
  PostgresEndpoint,
  POSTGRES_ROLE_NAME,
  ProxyTarget,
  RDS_CA_CERT_IDENTIFIER,
  RDS_INSTANCE_IDENTIFIER,
  RDS_PARAMETER_GROUP_NAME_PREFIX,
  RDS_SNAPSHOT_IDENTIFIER,
  RDS_SUBNET_GROUP_NAME,
  WriteOnlyCredentials,
} from '../rds';
import { PolicyStatement, readSecretStatements } from '../secrets';
import { assertValid, nameRule, ValidationRule } from '../validation';
import { POSTGRES_INSTANCE_DEFAULTS, resolvePostgresInstanceSettings, ResolvedPostgresInstanceSettings } from './defaults';
import { PostgresEngineVersion } from './engine-version';
import { isBurstablePostgresInstanceClass, postgresInstanceMaxConnections } from './instance-classes';
import { InstanceLogGroups } from './instance-log-groups';
import { PostgresParameterGroup, postgresParameterGroupNamePrefix } from './parameter-group';
import { configuredMaxConnections } from './parameters';
import { postgresInstanceAlarmSpecs } from './postgres-instance-alarms';
import { PostgresInstanceSettings } from './postgres-instance-settings';
import { POSTGRES_STORAGE_TYPE } from './storage';
import { MAX_READ_REPLICAS, postgresInstancePolicyRules, postgresInstanceSettingsRules } from './validate-postgres-instance';

export interface PostgresInstanceProps extends PostgresInstanceSettings {
  /** The Region the instance is built in: provider, network, alarm topics, names, the environment's policy. */
  readonly context: RegionContext;
  /**
   * The subnet tier of the instance's subnet group.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
  /**
   * The component in physical names (`<system>-<env>-<component>-<region>`).
   * @default 'postgres'
   */
  readonly component?: string;
}

/** The instance identifier: `<system>-<environment>-<component>-<region>`. */
function instanceIdentifier(props: PostgresInstanceProps): string {
  return props.context.naming.name(props.component ?? 'postgres', props.context.region);
}

/** A read replica's identifier: `<primary>-replica-<n>`. */
export function replicaIdentifier(primary: string, index: number): string {
  return `${primary}-replica-${index}`;
}

/** `<identifier>-final`: the primary's final snapshot. */
export function finalSnapshotIdentifier(identifier: string): string {
  return `${identifier}-final`;
}

/**
 * The names an instance derives from its identifier are ones RDS accepts: the identifiers (the longest is the
 * last replica's), the subnet group, the parameter group's prefix and the final snapshot.
 */
export function postgresInstanceIdentifierRules(
  setting: string,
  identifier: string,
  replicaCount: number,
  engineVersion: PostgresEngineVersion = POSTGRES_INSTANCE_DEFAULTS.engineVersion,
): ValidationRule[] {
  const replicas = Number.isInteger(replicaCount) ? Math.max(0, Math.min(replicaCount, MAX_READ_REPLICAS)) : 0;
  return derivedRdsNameRules(
    [
      { name: identifier, limit: RDS_INSTANCE_IDENTIFIER },
      ...(replicas > 0 ? [{ name: replicaIdentifier(identifier, replicas), limit: RDS_INSTANCE_IDENTIFIER }] : []),
      { name: identifier, limit: RDS_SUBNET_GROUP_NAME },
      { name: postgresParameterGroupNamePrefix(identifier, engineVersion), limit: RDS_PARAMETER_GROUP_NAME_PREFIX },
      { name: finalSnapshotIdentifier(identifier), limit: RDS_SNAPSHOT_IDENTIFIER },
    ],
    `the system, environment or component name (${setting})`,
  );
}

/** The module's own checks of its props, under the setting name `postgres`. */
export function postgresInstanceRules(setting: string, props: PostgresInstanceProps): ValidationRule[] {
  return [
    ...postgresInstanceSettingsRules(setting, props),
    ...postgresInstancePolicyRules(setting, props, props.context.policy),
    ...postgresInstanceIdentifierRules(setting, instanceIdentifier(props), props.readReplicas?.count ?? 0, props.engineVersion),
  ];
}

/**
 * An RDS for PostgreSQL instance in one Region, with its read replicas in the same Region.
 *
 * Around it, all in its Region: a customer-managed key (storage, Performance Insights, the credentials
 * secret), a DB subnet group, a security group admitting only the application security groups on the port
 * (others through `allowFrom`), a parameter group shared with the replicas, the Enhanced Monitoring role,
 * the log groups its logs are exported to, the master credentials (RDS-managed or write-only) and the alarms
 * of every instance.
 */
export class PostgresInstance extends Construct implements PostgresEndpoint {
  public readonly engine = 'postgres';
  public readonly instance: DbInstance;
  public readonly replicas: DbInstance[] = [];
  /** The primary's identifier (`skillancer-prod-postgres-us-east-1`). */
  public readonly instanceIdentifier: string;
  /** The replicas' identifiers (`<primary>-replica-1`, ...). */
  public readonly replicaIdentifiers: readonly string[];
  public readonly arn: string;
  /** The primary's DNS name: writes and migrations go here. */
  public readonly address: string;
  /** The replicas' DNS names, in order. */
  public readonly replicaAddresses: readonly string[];
  public readonly port: number;
  public readonly databaseName: string;
  public readonly securityGroupId: string;
  /** The key encrypting storage, Performance Insights and the credentials secret. */
  public readonly kmsKeyArn: string;
  public readonly region: string;
  /** The secret with the master credentials: RDS's own (`rds!db-...`) or the write-only one. */
  public readonly credentialsSecretArn: string;
  /** The write-only credentials, when the instance uses them. */
  public readonly writeOnlyCredentials?: WriteOnlyCredentials;
  /** The settings with every default applied. */
  public readonly settings: ResolvedPostgresInstanceSettings;
  private readonly securityGroup: DataTierSecurityGroup;
  private readonly provider: RegionContext['provider'];
  private identity?: { readonly partition: string; readonly accountId: string };

  constructor(scope: Construct, id: string, props: PostgresInstanceProps) {
    super(scope, id);
    assertValid(postgresInstanceRules('postgres', props));
    const { context } = props;
    const { provider, region, naming, policy } = context;
    this.provider = provider;
    const resolved = (this.settings = resolvePostgresInstanceSettings(props, { system: naming.system, policy }));
    const identifier = instanceIdentifier(props);
    const replicaIds = Array.from({ length: resolved.readReplicas.count }, (_unused, index) => replicaIdentifier(identifier, index + 1));
    this.warn(resolved, policy.production, policy.deletionProtection);

    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts RDS instance ${identifier}: storage, Performance Insights, credentials`,
      aliasName: identifier,
      preventDestroy: policy.preventDestroy,
    });
    const subnetGroup = new DbSubnetGroup(this, 'SubnetGroup', {
      provider,
      name: identifier,
      description: `Private subnets of ${identifier}`,
      subnetIds: subnetIdsOf(context.network, props.subnetTier ?? 'data'),
    });
    this.securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: identifier,
      description: `RDS for PostgreSQL ${identifier}`,
      vpcId: context.network.vpcId,
      ports: [resolved.port],
      sourceSecurityGroupIds: context.network.applicationSecurityGroupIds,
    });
    const parameterGroup = new PostgresParameterGroup(this, 'ParameterGroup', {
      provider,
      namePrefix: identifier,
      engineVersion: resolved.engineVersion,
      parameters: resolved.parameters,
    });
    const monitoringRole =
      resolved.monitoringIntervalSeconds > 0 || (replicaIds.length > 0 && resolved.readReplicas.monitoringIntervalSeconds > 0)
        ? new EnhancedMonitoringRole(this, 'MonitoringRole', { provider, roleName: naming.name(props.component ?? 'postgres', 'monitoring', region) })
        : undefined;
    const logs = new InstanceLogGroups(this, 'Logs', {
      provider,
      region,
      keyOwner: identifier,
      instances: [{ id: 'Primary', identifier }, ...replicaIds.map((replica, index) => ({ id: `Replica${index + 1}`, identifier: replica }))],
      logExports: resolved.logExports,
      retentionDays: resolved.logRetentionDays,
      preventDestroy: policy.preventDestroy,
    });

    const credentials = resolved.credentials;
    const passwordVersion = credentials.kind === 'write-only' ? credentials.version ?? POSTGRES_INSTANCE_DEFAULTS.passwordVersion : undefined;
    const ephemeralPasswordName = `${identifier.toLowerCase().replace(/[^a-z0-9]/g, '_')}_master_password`;
    const storage = resolved.storage;
    const shared = {
      provider,
      storageEncrypted: true,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      parameterGroupName: parameterGroup.name,
      port: resolved.port,
      publiclyAccessible: false,
      maintenanceWindow: resolved.preferredMaintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: policy.deletionProtection,
      // The version in configuration is the version running: upgrades go through engineVersion.
      autoMinorVersionUpgrade: false,
      caCertIdentifier: RDS_CA_CERT_IDENTIFIER,
      maxAllocatedStorage: storage.maxAllocatedGib,
      enabledCloudwatchLogsExports: [...resolved.logExports],
      iamDatabaseAuthenticationEnabled: resolved.iamDatabaseAuthentication,
      applyImmediately: policy.applyImmediately,
    };
    const observability = (performanceInsights: PerformanceInsightsSettings, monitoringIntervalSeconds: number) => ({
      performanceInsightsEnabled: performanceInsights.enabled,
      performanceInsightsKmsKeyId: performanceInsights.enabled ? key.arn : undefined,
      performanceInsightsRetentionPeriod: performanceInsights.enabled ? performanceInsights.retentionDays : undefined,
      monitoringInterval: monitoringIntervalSeconds,
      monitoringRoleArn: monitoringIntervalSeconds > 0 ? monitoringRole?.roleArn : undefined,
    });

    const backups = resolved.backupRetentionDays > 0;
    this.instance = new DbInstance(this, 'Instance', {
      ...shared,
      ...observability(resolved.performanceInsights, resolved.monitoringIntervalSeconds),
      identifier,
      engine: resolved.engineVersion.engine,
      engineVersion: resolved.engineVersion.fullVersion,
      // The version is explicit and typed, so a major change in configuration is always deliberate.
      allowMajorVersionUpgrade: true,
      instanceClass: resolved.instanceClass,
      kmsKeyId: key.arn,
      storageType: POSTGRES_STORAGE_TYPE,
      allocatedStorage: storage.allocatedGib,
      iops: storage.iops,
      storageThroughput: storage.throughputMiBps,
      multiAz: resolved.multiAz,
      dbSubnetGroupName: subnetGroup.name,
      dbName: resolved.databaseName,
      username: resolved.masterUsername,
      ...(credentials.kind === 'managed'
        ? { manageMasterUserPassword: true, masterUserSecretKmsKeyId: key.arn }
        : { passwordWo: `\${ephemeral.random_password.${ephemeralPasswordName}.result}`, passwordWoVersion: passwordVersion }),
      backupRetentionPeriod: resolved.backupRetentionDays,
      backupWindow: backups ? resolved.preferredBackupWindow : undefined,
      skipFinalSnapshot: !policy.finalSnapshot,
      finalSnapshotIdentifier: policy.finalSnapshot ? finalSnapshotIdentifier(identifier) : undefined,
      // Automated backups outlive the instance (until their retention ends): a deleted instance can still be restored.
      deleteAutomatedBackups: false,
      dependsOn: logs.logGroupsOf('Primary'),
      lifecycle: { preventDestroy: policy.preventDestroy || undefined },
    });

    replicaIds.forEach((replica, index) => {
      this.replicas.push(
        new DbInstance(this, `Replica${index + 1}`, {
          ...shared,
          ...observability(resolved.readReplicas.performanceInsights, resolved.readReplicas.monitoringIntervalSeconds),
          identifier: replica,
          // Same Region: the source by identifier; it inherits engine, version, storage and its key, subnet group and users.
          replicateSourceDb: this.instance.identifier,
          // The source's key, which a same-Region replica uses anyway: said explicitly, so the plan shows a CMK.
          kmsKeyId: key.arn,
          instanceClass: resolved.readReplicas.instanceClass,
          multiAz: false,
          // A replica holds nothing the primary does not: no final snapshot.
          skipFinalSnapshot: true,
          dependsOn: logs.logGroupsOf(`Replica${index + 1}`),
        }),
      );
    });

    if (credentials.kind === 'managed') {
      this.credentialsSecretArn = this.instance.masterUserSecret.get(0).secretArn;
      new ManagedPasswordRotation(this, 'MasterSecretRotation', {
        provider,
        secretArn: this.credentialsSecretArn,
        rotationDays: credentials.rotationDays ?? POSTGRES_INSTANCE_DEFAULTS.managedPasswordRotationDays,
      });
    } else {
      this.writeOnlyCredentials = new WriteOnlyCredentials(this, 'Credentials', {
        ephemeralPasswordName,
        writeVersion: passwordVersion!,
        username: resolved.masterUsername,
        databaseName: resolved.databaseName,
        port: resolved.port,
        host: this.instance.address,
        purpose: `the RDS instance ${identifier}`,
        additionalFields: { dbInstanceIdentifier: identifier },
        connectionUrl: credentials.url,
        secrets: [{ region, provider, kmsKeyArn: key.arn, secretName: credentials.secretName ?? `${identifier}/master` }],
      });
      this.credentialsSecretArn = this.writeOnlyCredentials.secretArnIn(region);
    }

    const capacity = (instanceClass: string) => ({
      maxConnections: configuredMaxConnections(resolved.parameters) ?? postgresInstanceMaxConnections(instanceClass),
      allocatedGib: storage.allocatedGib,
    });
    this.alarms(context, 'PrimaryAlarms', identifier, postgresInstanceAlarmSpecs(identifier, capacity(resolved.instanceClass), resolved.alarmThresholds, 'primary'));
    replicaIds.forEach((replica, index) =>
      this.alarms(
        context,
        `Replica${index + 1}Alarms`,
        replica,
        postgresInstanceAlarmSpecs(replica, capacity(resolved.readReplicas.instanceClass), resolved.alarmThresholds, 'replica'),
      ),
    );

    this.region = region;
    this.instanceIdentifier = identifier;
    this.replicaIdentifiers = replicaIds;
    this.arn = this.instance.arn;
    this.address = this.instance.address;
    this.replicaAddresses = this.replicas.map((replica) => replica.address);
    this.port = resolved.port;
    this.databaseName = resolved.databaseName;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.kmsKeyArn = key.arn;
  }

  /** The primary's address (`PostgresEndpoint`). */
  get writerEndpoint(): string {
    return this.address;
  }

  /** The first replica's address, or the primary's when there is none. */
  get readerEndpoint(): string {
    return this.replicaAddresses[0] ?? this.address;
  }

  get masterCredentials(): CredentialsSecret {
    return { secretArn: this.credentialsSecretArn, kmsKeyArn: this.kmsKeyArn, region: this.region };
  }

  /** The primary up, and with write-only credentials the secret written. */
  get readyForClients(): readonly ITerraformDependable[] {
    return this.writeOnlyCredentials ? [this.instance, this.writeOnlyCredentials.secretValueIn(this.region)] : [this.instance];
  }

  get proxyTarget(): ProxyTarget {
    return { dbInstanceIdentifier: this.instanceIdentifier };
  }

  /** Admits a security group on the instance's port (a proxy, a migrations function). */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    this.securityGroup.allowFrom(id, sourceSecurityGroupId, this.port, description);
  }

  /** IAM statements to read the master credentials secret (and decrypt it only through Secrets Manager here). */
  grantReadCredentials(): PolicyStatement[] {
    const { secretArn, kmsKeyArn, region } = this.masterCredentials;
    return readSecretStatements({ name: 'PostgresMasterCredentials', secretArn, kmsKeyArn, region });
  }

  /**
   * IAM statements that let a role log in as `dbUser` with IAM authentication tokens (`rds-db:connect`) on the
   * primary and every replica. The user must be a member of `rds_iam` in the database; the instance needs
   * `iamDatabaseAuthentication: true`. Adds the account and partition look-ups the ARNs need, once.
   */
  grantConnect(dbUser: string): PolicyStatement[] {
    if (!this.settings.iamDatabaseAuthentication) {
      throw new Error(`${this.instanceIdentifier} has IAM database authentication off: set iamDatabaseAuthentication: true before granting rds-db:connect`);
    }
    assertValid([nameRule('postgres.grantConnect.dbUser', dbUser, POSTGRES_ROLE_NAME)]);
    this.identity ??= {
      partition: new DataAwsPartition(this, 'Partition', { provider: this.provider }).partition,
      accountId: new DataAwsCallerIdentity(this, 'Account', { provider: this.provider }).accountId,
    };
    const { partition, accountId } = this.identity;
    const sid = dbUser.split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
    return [
      {
        sid: `Connect${sid}`,
        actions: ['rds-db:connect'],
        resources: [this.instance, ...this.replicas].map((each) => `arn:${partition}:rds-db:${this.region}:${accountId}:dbuser:${each.resourceId}/${dbUser}`),
      },
    ];
  }

  /** One instance's alarms under `<id>/<Name>`, notifying the Region's topics. */
  private alarms(context: RegionContext, id: string, alarmNamePrefix: string, specs: readonly MetricAlarmSpec[]): void {
    const scope = new Construct(this, id);
    for (const spec of specs) {
      const constructId = spec.name.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase());
      createMetricAlarm(scope, constructId, { provider: context.provider, alarmNamePrefix, topics: context.alarmTopics, spec });
    }
  }

  private warn(resolved: ResolvedPostgresInstanceSettings, production: boolean, deletionProtection: boolean): void {
    if (!production) return;
    const warn = (message: string) => Annotations.of(this).addWarning(message);
    if (resolved.backupRetentionDays === 0) {
      warn('postgres.backups.retentionDays is 0 in production: no automated backups, no point-in-time restore, no read replicas; only the final snapshot is kept');
    }
    if (!resolved.multiAz) warn('postgres.multiAz is off in production: an Availability Zone failure stops the database until it is replaced');
    if (isBurstablePostgresInstanceClass(resolved.instanceClass)) {
      warn(`postgres.instanceClass ${resolved.instanceClass} is burstable: CPU credits run out under sustained load; use db.m* or db.r* in production`);
    }
    if (!deletionProtection) warn('postgres deletion protection is off in production: one API call deletes the instance');
  }
}
