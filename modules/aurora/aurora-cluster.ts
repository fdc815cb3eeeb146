import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { Annotations, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { MetricAlarmSpec } from '../alarms';
import { RegionContext } from '../context';
import { CustomerManagedKey } from '../kms';
import { EncryptedLogGroup } from '../logs';
import { DataTierSecurityGroup, SubnetTier, subnetIdsOf } from '../network';
import { CredentialsSecret, EnhancedMonitoringRole, ManagedPasswordRotation, PostgresEndpoint, ProxyTarget } from '../rds';
import { PolicyStatement, readSecretStatements } from '../secrets';
import { assertValid, describeValue, ValidationRule } from '../validation';
import { AuroraAlarms, auroraAcuUtilizationAlarmSpec, auroraInstanceAlarmSpecs, auroraReplicationLagAlarmSpec, auroraVolumeBytesUsedAlarmSpec } from './aurora-alarms';
import { auroraClusterIdentifier, auroraClusterNameRules, auroraFinalSnapshotIdentifier, auroraInstanceIdentifier, DEFAULT_AURORA_COMPONENT } from './aurora-names';
import { AuroraCapacity, AuroraClusterSettings } from './aurora-settings';
import { AURORA_DEFAULTS, resolveAuroraClusterSettings, ResolvedAuroraClusterSettings } from './defaults';
import { auroraInstanceClasses, defaultMaxConnections, instanceMemoryGib, isBurstableInstanceClass } from './instance-classes';
import { AuroraParameterGroups } from './parameter-groups';
import { AuroraReaderAutoscaling } from './reader-autoscaling';
import { AuroraRestore, auroraRestoreRules, RESTORE_ARGUMENTS, restoreArguments } from './restore';
import { auroraCapacityRules, auroraClusterSettingsRules } from './validate-aurora';

/** A cluster's place in a Global Database; set by AuroraGlobalDatabase. */
export type AuroraGlobalMembership =
  | {
      readonly role: 'primary';
      readonly globalClusterIdentifier: string;
      /** Write-only master password expression and its version. */
      readonly masterPassword: { readonly writeOnly: string; readonly version: number };
    }
  | {
      readonly role: 'secondary';
      readonly globalClusterIdentifier: string;
      /** What must exist before the secondary is created: the primary's instances. */
      readonly dependsOn: readonly ITerraformDependable[];
      /** Whether the secondary forwards writes to the primary. */
      readonly writeForwarding: boolean;
    };

export interface AuroraClusterProps extends AuroraClusterSettings, AuroraCapacity {
  /** The Region the cluster is built in: provider, network, alarm topics, names, the environment's policy. */
  readonly context: RegionContext;
  /**
   * The subnet tier of the cluster's subnet group.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
  /**
   * Membership in a Global Database (set by AuroraGlobalDatabase).
   * @default - a single-Region cluster with an RDS-managed master password
   */
  readonly globalMembership?: AuroraGlobalMembership;
  /**
   * The component in physical names (`<system>-<env>-<component>-<region>`): a restored cluster beside the
   * original needs one of its own.
   * @default 'aurora'
   */
  readonly component?: string;
  /**
   * Create the cluster from a snapshot or from a point in time of another cluster (a clone with
   * `restoreType: 'copy-on-write'`); single-Region clusters only. Read at creation only.
   * @default - a new, empty cluster
   */
  readonly restore?: AuroraRestore;
}

/** The module's own checks of its props, under the setting name `aurora`. */
export function auroraClusterRules(setting: string, props: AuroraClusterProps): ValidationRule[] {
  return [
    ...auroraCapacityRules(setting, props, { allowHeadless: props.globalMembership?.role === 'secondary', region: props.context.region }),
    ...auroraClusterSettingsRules(setting, props, [props]),
    ...(props.restore === undefined ? [] : auroraRestoreRules(`${setting}.restore`, props.restore)),
    ...(props.restore !== undefined && props.globalMembership !== undefined
      ? [{ condition: false, message: `${setting}.restore must be left out of a Global Database member (restore a single-Region cluster; see docs/aurora.md), got ${describeValue(props.restore.kind)}` }]
      : []),
    ...auroraClusterNameRules(setting, {
      naming: props.context.naming,
      region: props.context.region,
      component: props.component,
      engineVersion: props.engineVersion ?? AURORA_DEFAULTS.engineVersion,
      instanceCount: props.instanceCount,
    }),
  ];
}

/**
 * One Aurora PostgreSQL cluster in one Region with its instances: single-Region (provisioned or
 * Serverless v2, RDS-managed master password), or a member of a Global Database.
 *
 * Around it, all in the cluster's Region: a customer-managed key (storage, Performance Insights, the
 * master secret), a DB subnet group, a security group admitting only the application security groups
 * on the port (others through `allowFrom`), parameter groups, the Enhanced Monitoring role and the alarms.
 */
export class AuroraCluster extends Construct implements PostgresEndpoint {
  public readonly engine = 'aurora-postgresql';
  public readonly cluster: RdsCluster;
  public readonly instances: RdsClusterInstance[] = [];
  /** The cluster's identifier (`gaming-platform-prod-aurora-eu-west-2`). */
  public readonly clusterIdentifier: string;
  public readonly clusterArn: string;
  /** The writer endpoint (on a Global Database secondary, it resolves only after a switchover). */
  public readonly clusterEndpoint: string;
  /** The reader endpoint, balancing over the cluster's readers. */
  public readonly readerEndpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly securityGroupId: string;
  /** The key encrypting the cluster's storage, Performance Insights and secrets in this Region. */
  public readonly kmsKeyArn: string;
  /** The RDS-managed master secret's ARN; undefined for Global Database members (see AuroraGlobalDatabase). */
  public readonly managedSecretArn?: string;
  public readonly region: string;
  /** Whether the RDS Data API (the cluster's HTTP endpoint) is on. */
  public readonly dataApiEnabled: boolean;
  private readonly securityGroup: DataTierSecurityGroup;

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    assertValid(auroraClusterRules('aurora', props));
    const { context } = props;
    const { provider, region, naming, policy } = context;
    const resolved = resolveAuroraClusterSettings(props, { system: naming.system, logRetentionDays: policy.logRetentionDays });
    const clusterIdentifier = auroraClusterIdentifier(naming, region, props.component);
    const membership = props.globalMembership;
    const instanceClasses = auroraInstanceClasses(props);
    for (const instanceClass of new Set([props.instanceClass, ...instanceClasses])) {
      if (isBurstableInstanceClass(instanceClass) && policy.production) {
        Annotations.of(this).addWarning(`aurora.instanceClass ${instanceClass} is burstable: CPU credits run out under sustained load; use db.r* in production`);
      }
    }
    if (!policy.deletionProtection && policy.production) {
      Annotations.of(this).addWarning('aurora deletion protection is off in production: one destroy deletes the cluster');
    }

    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts Aurora cluster ${clusterIdentifier}: storage, Performance Insights, credentials`,
      aliasName: clusterIdentifier,
      preventDestroy: policy.preventDestroy,
    });
    const subnetGroup = new DbSubnetGroup(this, 'SubnetGroup', {
      provider,
      name: clusterIdentifier,
      description: `Private subnets of ${clusterIdentifier}`,
      subnetIds: subnetIdsOf(context.network, props.subnetTier ?? 'data'),
    });
    this.securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: clusterIdentifier,
      description: `Aurora PostgreSQL ${clusterIdentifier}`,
      vpcId: context.network.vpcId,
      ports: [resolved.port],
      sourceSecurityGroupIds: context.network.applicationSecurityGroupIds,
    });
    const parameterGroups = new AuroraParameterGroups(this, 'ParameterGroups', {
      provider,
      clusterIdentifier,
      engineVersion: resolved.engineVersion,
      clusterParameters: props.clusterParameters,
      instanceParameters: props.instanceParameters,
    });
    const monitoringRole =
      resolved.monitoringIntervalSeconds > 0
        ? new EnhancedMonitoringRole(this, 'MonitoringRole', { provider, roleName: naming.name(props.component ?? DEFAULT_AURORA_COMPONENT, 'monitoring', region) })
        : undefined;

    // Before the cluster: RDS would otherwise create the log group itself, unencrypted and kept forever.
    const postgresqlLog = new EncryptedLogGroup(this, 'PostgresqlLog', {
      provider,
      region,
      name: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
      writer: `Aurora cluster ${clusterIdentifier}`,
      keyAliasName: `${clusterIdentifier}-logs`,
      retentionInDays: resolved.logRetentionDays,
      preventDestroy: policy.preventDestroy,
    });

    this.cluster = new RdsCluster(this, 'Cluster', {
      provider,
      clusterIdentifier,
      engine: resolved.engineVersion.engine,
      engineVersion: resolved.engineVersion.fullVersion,
      ...credentialArguments(membership, resolved, key.arn, props.restore !== undefined),
      ...restoreArguments(props.restore),
      globalClusterIdentifier: membership?.globalClusterIdentifier,
      enableGlobalWriteForwarding: membership?.role === 'secondary' ? membership.writeForwarding : undefined,
      port: resolved.port,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      dbClusterParameterGroupName: parameterGroups.clusterParameterGroupName,
      // A single-Region cluster upgrades its own major version (engine_version is explicit and typed);
      // a Global Database member is upgraded through the global cluster.
      allowMajorVersionUpgrade: membership === undefined ? true : undefined,
      dbInstanceParameterGroupName: membership === undefined ? parameterGroups.instanceParameterGroupName : undefined,
      storageEncrypted: true,
      kmsKeyId: key.arn,
      backupRetentionPeriod: resolved.backupRetentionDays,
      preferredBackupWindow: resolved.preferredBackupWindow,
      preferredMaintenanceWindow: resolved.preferredMaintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: policy.deletionProtection,
      skipFinalSnapshot: !policy.finalSnapshot,
      finalSnapshotIdentifier: policy.finalSnapshot ? auroraFinalSnapshotIdentifier(clusterIdentifier) : undefined,
      deleteAutomatedBackups: false,
      enabledCloudwatchLogsExports: ['postgresql'],
      // Standard storage is the provider's empty value, so it is left unset.
      storageType: resolved.storageType === 'aurora-iopt1' ? resolved.storageType : undefined,
      databaseInsightsMode: resolved.databaseInsightsMode,
      engineLifecycleSupport: resolved.engineLifecycleSupport,
      ...clusterMonitoringArguments(resolved, key.arn, monitoringRole?.roleArn),
      iamDatabaseAuthenticationEnabled: resolved.iamDatabaseAuthentication,
      enableHttpEndpoint: resolved.enableDataApi,
      serverlessv2ScalingConfiguration: props.serverlessV2
        ? {
            minCapacity: props.serverlessV2.minCapacity,
            maxCapacity: props.serverlessV2.maxCapacity,
            secondsUntilAutoPause: props.serverlessV2.secondsUntilAutoPause,
          }
        : undefined,
      applyImmediately: policy.applyImmediately,
      dependsOn: [postgresqlLog.logGroup, ...(membership?.role === 'secondary' ? membership.dependsOn : [])],
      lifecycle: {
        preventDestroy: policy.preventDestroy || undefined,
        ignoreChanges: membership === undefined ? [...CREATION_ONLY_ARGUMENTS, ...RESTORE_ARGUMENTS] : globalMemberIgnoredChanges(membership.role),
      },
    });

    const alarmSpecs: { prefix: string; specs: MetricAlarmSpec[] }[] = [];
    for (let index = 1; index <= props.instanceCount; index++) {
      const identifier = auroraInstanceIdentifier(clusterIdentifier, index);
      const instanceClass = instanceClasses[index - 1];
      const instance = props.instances?.[index - 1] ?? {};
      const memoryGib = instanceMemoryGib(instanceClass, props.serverlessV2?.maxCapacity);
      const maxConnections = defaultMaxConnections(instanceClass, props.serverlessV2?.maxCapacity);
      const performanceInsights = resolved.performanceInsights;
      this.instances.push(
        new RdsClusterInstance(this, `Instance${index}`, {
          provider,
          identifier,
          clusterIdentifier: this.cluster.id,
          engine: this.cluster.engine,
          instanceClass,
          promotionTier: instance.promotionTier,
          availabilityZone: instance.availabilityZone,
          dbSubnetGroupName: subnetGroup.name,
          dbParameterGroupName: parameterGroups.instanceParameterGroupName,
          publiclyAccessible: false,
          // The version in configuration is the version running: upgrades go through engineVersion (docs/aurora.md).
          autoMinorVersionUpgrade: false,
          caCertIdentifier: resolved.caCertificateIdentifier,
          copyTagsToSnapshot: true,
          performanceInsightsEnabled: performanceInsights.enabled,
          performanceInsightsKmsKeyId: performanceInsights.enabled ? key.arn : undefined,
          performanceInsightsRetentionPeriod: performanceInsights.enabled ? performanceInsights.retentionDays : undefined,
          monitoringInterval: resolved.monitoringIntervalSeconds,
          monitoringRoleArn: monitoringRole?.roleArn,
          applyImmediately: policy.applyImmediately,
        }),
      );
      alarmSpecs.push({ prefix: identifier, specs: auroraInstanceAlarmSpecs(identifier, { maxConnections, memoryGib }, resolved.alarmThresholds) });
    }
    if (props.readerAutoscaling !== undefined) {
      new AuroraReaderAutoscaling(this, 'ReaderAutoscaling', { ...props.readerAutoscaling, provider, clusterIdentifier, dependsOn: this.instances });
    }
    for (const [index, { prefix, specs }] of alarmSpecs.entries()) {
      new AuroraAlarms(this, `Instance${index + 1}Alarms`, { provider, topics: context.alarmTopics, alarmNamePrefix: prefix, specs });
    }
    // On every member, not only the secondary: the metric exists only on secondaries (a primary's alarm
    // sits in INSUFFICIENT_DATA, which notifies nobody), and after a switchover the alarm is already
    // where the new secondary is, with no address tied to a role.
    // A Serverless v2 cluster also warns when it runs near its maximum capacity.
    const volumeBytesUsedGib = resolved.alarmThresholds.volumeBytesUsedGib;
    const clusterSpecs = [
      ...(membership === undefined ? [] : [auroraReplicationLagAlarmSpec(clusterIdentifier, resolved.alarmThresholds)]),
      ...(props.serverlessV2 === undefined ? [] : [auroraAcuUtilizationAlarmSpec(clusterIdentifier, resolved.alarmThresholds)]),
      ...(volumeBytesUsedGib === undefined ? [] : [auroraVolumeBytesUsedAlarmSpec(clusterIdentifier, volumeBytesUsedGib)]),
    ];
    if (clusterSpecs.length > 0) {
      new AuroraAlarms(this, 'ClusterAlarms', { provider, topics: context.alarmTopics, alarmNamePrefix: clusterIdentifier, specs: clusterSpecs });
    }

    if (membership === undefined) {
      this.managedSecretArn = this.cluster.masterUserSecret.get(0).secretArn;
      new ManagedPasswordRotation(this, 'MasterSecretRotation', {
        provider,
        secretArn: this.managedSecretArn,
        rotationDays: resolved.managedPasswordRotationDays,
      });
    }

    this.region = region;
    this.clusterIdentifier = clusterIdentifier;
    this.clusterArn = this.cluster.arn;
    this.clusterEndpoint = this.cluster.endpoint;
    this.readerEndpoint = this.cluster.readerEndpoint;
    this.port = resolved.port;
    this.databaseName = resolved.databaseName;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.kmsKeyArn = key.arn;
    this.dataApiEnabled = resolved.enableDataApi;
  }

  /** The writer endpoint (`PostgresEndpoint`). */
  get writerEndpoint(): string {
    return this.clusterEndpoint;
  }

  /** The RDS-managed master secret; a Global Database member's credentials are the Global Database's. */
  get masterCredentials(): CredentialsSecret {
    if (this.managedSecretArn === undefined) {
      throw new Error(`${this.clusterIdentifier} is a Global Database member: its credentials are the Global Database's`);
    }
    return { secretArn: this.managedSecretArn, kmsKeyArn: this.kmsKeyArn, region: this.region };
  }

  /** The first instance is the writer; the managed secret exists with the cluster. */
  get readyForClients(): readonly ITerraformDependable[] {
    return this.instances.slice(0, 1);
  }

  get proxyTarget(): ProxyTarget {
    return { dbClusterIdentifier: this.clusterIdentifier };
  }

  /** Admits a security group on the cluster's port (a proxy, a migrations function). */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    this.securityGroup.allowFrom(id, sourceSecurityGroupId, this.port, description);
  }

  /**
   * IAM statements to read the RDS-managed master secret (single-Region clusters), e.g. for a migrations Lambda.
   * Global Database members: use AuroraGlobalDatabase.grantReadCredentials.
   */
  grantReadCredentials(): PolicyStatement[] {
    const { secretArn, kmsKeyArn, region } = this.masterCredentials;
    return readSecretStatements({ name: 'AuroraMasterCredentials', secretArn, kmsKeyArn, region });
  }

  /**
   * IAM statements to query the cluster through the RDS Data API with its master secret: the Data API
   * actions on this cluster, and reading the secret (the Data API reads it with the caller's credentials).
   * Only for a cluster with `enableDataApi`.
   */
  grantDataApi(): PolicyStatement[] {
    if (!this.dataApiEnabled) {
      throw new Error(`${this.clusterIdentifier} has the RDS Data API off: set enableDataApi before granting its use`);
    }
    return [{ sid: 'AuroraDataApi', actions: [...DATA_API_ACTIONS], resources: [this.clusterArn] }, ...this.grantReadCredentials()];
  }
}

/** What a Data API client calls: statements, batches and the transactions around them (not the Serverless v1-only ExecuteSql). */
export const DATA_API_ACTIONS = [
  'rds-data:ExecuteStatement',
  'rds-data:BatchExecuteStatement',
  'rds-data:BeginTransaction',
  'rds-data:CommitTransaction',
  'rds-data:RollbackTransaction',
] as const;

/**
 * Arguments AWS takes only when a cluster is created or restored: RDS Extended Support enrolment cannot be
 * changed on an existing cluster, and the provider would otherwise plan an update that never takes effect.
 */
export const CREATION_ONLY_ARGUMENTS = ['engine_lifecycle_support'] as const;

/** Performance Insights and Enhanced Monitoring on the cluster, when it owns them (the same values as its instances). */
function clusterMonitoringArguments(resolved: ResolvedAuroraClusterSettings, keyArn: string, monitoringRoleArn: string | undefined) {
  if (!resolved.clusterLevelMonitoring) return {};
  const performanceInsights = resolved.performanceInsights;
  return {
    performanceInsightsEnabled: performanceInsights.enabled,
    performanceInsightsKmsKeyId: performanceInsights.enabled ? keyArn : undefined,
    performanceInsightsRetentionPeriod: performanceInsights.enabled ? performanceInsights.retentionDays : undefined,
    monitoringInterval: resolved.monitoringIntervalSeconds,
    monitoringRoleArn,
  };
}

/** Master credentials by role: managed (single-Region; from the source when restored), write-only (primary), none (secondary). */
function credentialArguments(membership: AuroraGlobalMembership | undefined, resolved: ResolvedAuroraClusterSettings, keyArn: string, restored: boolean) {
  if (membership === undefined) {
    return {
      // A restored cluster has the source's databases and master user; RDS gives that user a new managed password.
      databaseName: restored ? undefined : resolved.databaseName,
      masterUsername: restored ? undefined : resolved.masterUsername,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: keyArn,
    };
  }
  if (membership.role === 'primary') {
    return {
      databaseName: resolved.databaseName,
      masterUsername: resolved.masterUsername,
      masterPasswordWo: membership.masterPassword.writeOnly,
      masterPasswordWoVersion: membership.masterPassword.version,
    };
  }
  // A secondary takes its users and databases from the primary: giving it credentials is an error.
  return {};
}

/**
 * What a Global Database member ignores: engine_version (the global cluster's engine_version drives
 * upgrades), global_cluster_identifier and replication_source_identifier (drift the provider reports
 * on members), and master_username / database_name, which AWS may report differently on a member
 * whose role changed in a switchover and which would otherwise force a replacement.
 * Like every cluster, a member also ignores the creation-only engine_lifecycle_support.
 * A primary ignores enable_global_write_forwarding, which only a secondary sets: after a switchover the
 * former secondary keeps what it had, and no update is sent to a writer.
 * A secondary also ignores master_password_wo_version: after a switchover the former primary is
 * configured as secondary, and its version going away must not send it a password.
 */
export function globalMemberIgnoredChanges(role: 'primary' | 'secondary'): string[] {
  const shared = ['engine_version', 'global_cluster_identifier', 'replication_source_identifier', 'master_username', 'database_name', ...CREATION_ONLY_ARGUMENTS];
  return role === 'secondary' ? [...shared, 'master_password_wo_version'] : [...shared, 'enable_global_write_forwarding'];
}
