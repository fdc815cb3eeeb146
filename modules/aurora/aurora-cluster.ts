import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { Annotations, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmTopics } from '../alarms/alarm-topics';
import { MetricAlarmSpec } from '../alarms/metric-alarm';
import { CustomerManagedKey } from '../kms/customer-managed-key';
import { EncryptedLogGroup } from '../logs';
import { ResourceNaming } from '../naming/resource-naming';
import { DataTierSecurityGroup } from '../network/data-tier-security-group';
import { assertValid, integerInRange, ValidationRule } from '../validation';
import { AuroraAlarms, auroraInstanceAlarmSpecs, auroraReplicationLagAlarmSpec } from './aurora-alarms';
import { AuroraAlarmThresholds, AuroraCapacity, AuroraClusterSettings, AuroraPerformanceInsights } from './aurora-settings';
import { AURORA_DEFAULTS, DEFAULT_ALARM_THRESHOLDS, defaultDeletionProtection } from './defaults';
import { defaultPreventDestroy } from '../lifecycle/environment-defaults';
import { AuroraPostgresEngineVersion } from './engine-version';
import { defaultMaxConnections, instanceMemoryGib, isBurstableInstanceClass } from './instance-classes';
import { PolicyStatement, readSecretStatements } from '../secrets/read-secret-statements';
import { ManagedPasswordRotation } from './managed-password-rotation';
import { EnhancedMonitoringRole } from './monitoring-role';
import { AuroraParameterGroups } from './parameter-groups';
import { auroraCapacityRules, auroraClusterSettingsRules } from './validate-aurora';

/** Where a cluster sits in its Region's network. */
export interface AuroraNetwork {
  /** The VPC. */
  readonly vpcId: string;
  /** Private subnets (two or more Availability Zones) for the DB subnet group. */
  readonly subnetIds: string[];
  /** The only security groups allowed to connect, on the cluster's port. */
  readonly applicationSecurityGroupIds: string[];
}

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
    };

export interface AuroraClusterProps extends AuroraClusterSettings, AuroraCapacity {
  /** The aws provider of the cluster's Region. */
  readonly provider: AwsProvider;
  /** The cluster's Region (part of every physical name and construct id). */
  readonly region: string;
  /** Physical names (`gaming-platform-prod-aurora-eu-west-2`). */
  readonly naming: ResourceNaming;
  /** The environment, for the environment-dependent defaults (deletion protection, prevent_destroy). */
  readonly environment: string;
  /** Subnets and the security groups allowed in. */
  readonly network: AuroraNetwork;
  /**
   * Refuses DeleteDBCluster while on.
   * @default defaultDeletionProtection(environment): on everywhere but dev
   */
  readonly deletionProtection?: boolean;
  /**
   * `lifecycle { prevent_destroy }` on the cluster and its key.
   * @default defaultPreventDestroy(environment): in prod
   */
  readonly preventDestroy?: boolean;
  /**
   * Apply modifications now instead of in the maintenance window.
   * @default false
   */
  readonly applyImmediately?: boolean;
  /**
   * Days between rotations of the RDS-managed master password (single-Region clusters).
   * @default 7 (RDS's own schedule, made explicit)
   */
  readonly managedPasswordRotationDays?: number;
  /**
   * The Region's alarm topics; alarms are created only when given.
   * @default - no alarms
   */
  readonly alarmTopics?: AlarmTopics;
  /**
   * Membership in a Global Database (set by AuroraGlobalDatabase).
   * @default - a single-Region cluster with an RDS-managed master password
   */
  readonly globalMembership?: AuroraGlobalMembership;
}

/** Props after defaults, resolved once at the top of the constructor. */
interface ResolvedAuroraClusterProps {
  readonly engineVersion: AuroraPostgresEngineVersion;
  readonly clusterIdentifier: string;
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly port: number;
  readonly backupRetentionDays: number;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly performanceInsights: AuroraPerformanceInsights;
  readonly monitoringIntervalSeconds: number;
  readonly logRetentionDays: number;
  readonly iamDatabaseAuthentication: boolean;
  readonly deletionProtection: boolean;
  readonly preventDestroy: boolean;
  readonly applyImmediately: boolean;
  readonly managedPasswordRotationDays: number;
  readonly alarmThresholds: AuroraAlarmThresholds;
}

/** The database name a system gets by default: `gaming-platform` -> `gaming_platform`. */
export function defaultDatabaseName(system: string): string {
  return system.replace(/[^A-Za-z0-9]/g, '_');
}

function resolve(props: AuroraClusterProps): ResolvedAuroraClusterProps {
  return {
    engineVersion: props.engineVersion ?? AURORA_DEFAULTS.engineVersion,
    clusterIdentifier: props.naming.name('aurora', props.region),
    databaseName: props.databaseName ?? defaultDatabaseName(props.naming.system),
    masterUsername: props.masterUsername ?? AURORA_DEFAULTS.masterUsername,
    port: props.port ?? AURORA_DEFAULTS.port,
    backupRetentionDays: props.backupRetentionDays ?? AURORA_DEFAULTS.backupRetentionDays,
    preferredBackupWindow: props.preferredBackupWindow ?? AURORA_DEFAULTS.preferredBackupWindow,
    preferredMaintenanceWindow: props.preferredMaintenanceWindow ?? AURORA_DEFAULTS.preferredMaintenanceWindow,
    performanceInsights: props.performanceInsights ?? AURORA_DEFAULTS.performanceInsights,
    monitoringIntervalSeconds: props.monitoringIntervalSeconds ?? AURORA_DEFAULTS.monitoringIntervalSeconds,
    logRetentionDays: props.logRetentionDays ?? AURORA_DEFAULTS.logRetentionDays,
    iamDatabaseAuthentication: props.iamDatabaseAuthentication ?? AURORA_DEFAULTS.iamDatabaseAuthentication,
    deletionProtection: props.deletionProtection ?? defaultDeletionProtection(props.environment),
    preventDestroy: props.preventDestroy ?? defaultPreventDestroy(props.environment),
    applyImmediately: props.applyImmediately ?? false,
    managedPasswordRotationDays: props.managedPasswordRotationDays ?? AURORA_DEFAULTS.managedPasswordRotationDays,
    alarmThresholds: { ...DEFAULT_ALARM_THRESHOLDS, ...props.alarmThresholds },
  };
}

/** The module's own checks of its props, under the setting name `aurora`. */
export function auroraClusterRules(setting: string, props: AuroraClusterProps): ValidationRule[] {
  const rules = [
    ...auroraCapacityRules(setting, props, { allowHeadless: props.globalMembership?.role === 'secondary' }),
    ...auroraClusterSettingsRules(setting, props, [props]),
  ];
  if (props.managedPasswordRotationDays !== undefined) {
    rules.push(integerInRange(`${setting}.managedPasswordRotationDays`, props.managedPasswordRotationDays, 1, 365));
  }
  return rules;
}

/**
 * One Aurora PostgreSQL cluster in one Region with its instances: single-Region (provisioned or
 * Serverless v2, RDS-managed master password), or a member of a Global Database.
 *
 * Around it, all in the cluster's Region: a customer-managed key (storage, Performance Insights, the
 * master secret), a DB subnet group, a security group admitting only the application security groups
 * on the port, parameter groups, the Enhanced Monitoring role and the alarms.
 */
export class AuroraCluster extends Construct {
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
  /** The RDS-managed master secret's ARN; undefined for Global Database members (see AuroraGlobalDatabase.secretArn). */
  public readonly managedSecretArn?: string;
  public readonly region: string;

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    assertValid(auroraClusterRules('aurora', props));
    const resolved = resolve(props);
    const { provider, region, naming } = props;
    const membership = props.globalMembership;
    if (isBurstableInstanceClass(props.instanceClass) && props.environment === 'prod') {
      Annotations.of(this).addWarning(`aurora.instanceClass ${props.instanceClass} is burstable: CPU credits run out under sustained load; use db.r* in prod`);
    }
    if (!resolved.deletionProtection && props.environment === 'prod') {
      Annotations.of(this).addWarning('aurora.deletionProtection is off in prod: one destroy deletes the cluster');
    }

    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts Aurora cluster ${resolved.clusterIdentifier}: storage, Performance Insights, credentials`,
      aliasName: resolved.clusterIdentifier,
      preventDestroy: resolved.preventDestroy,
    });
    const subnetGroup = new DbSubnetGroup(this, 'SubnetGroup', {
      provider,
      name: resolved.clusterIdentifier,
      description: `Private subnets of ${resolved.clusterIdentifier}`,
      subnetIds: props.network.subnetIds,
    });
    const securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: resolved.clusterIdentifier,
      description: `Aurora PostgreSQL ${resolved.clusterIdentifier}`,
      vpcId: props.network.vpcId,
      ports: [resolved.port],
      sourceSecurityGroupIds: props.network.applicationSecurityGroupIds,
    });
    const parameterGroups = new AuroraParameterGroups(this, 'ParameterGroups', {
      provider,
      namePrefix: resolved.clusterIdentifier,
      engineVersion: resolved.engineVersion,
      clusterParameters: props.clusterParameters,
      instanceParameters: props.instanceParameters,
    });
    const monitoringRole =
      resolved.monitoringIntervalSeconds > 0
        ? new EnhancedMonitoringRole(this, 'MonitoringRole', { provider, roleName: naming.name('aurora', 'monitoring', region) })
        : undefined;

    // Before the cluster: RDS would otherwise create the log group itself, unencrypted and kept forever.
    const postgresqlLog = new EncryptedLogGroup(this, 'PostgresqlLog', {
      provider,
      region,
      name: `/aws/rds/cluster/${resolved.clusterIdentifier}/postgresql`,
      writer: `Aurora cluster ${resolved.clusterIdentifier}`,
      keyAliasName: `${resolved.clusterIdentifier}-logs`,
      retentionInDays: resolved.logRetentionDays,
      preventDestroy: resolved.preventDestroy,
    });

    this.cluster = new RdsCluster(this, 'Cluster', {
      provider,
      clusterIdentifier: resolved.clusterIdentifier,
      engine: resolved.engineVersion.engine,
      engineVersion: resolved.engineVersion.fullVersion,
      ...this.credentialArguments(membership, resolved, key.arn),
      globalClusterIdentifier: membership?.globalClusterIdentifier,
      port: resolved.port,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [securityGroup.securityGroupId],
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
      deletionProtection: resolved.deletionProtection,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${resolved.clusterIdentifier}-final`,
      deleteAutomatedBackups: false,
      enabledCloudwatchLogsExports: ['postgresql'],
      iamDatabaseAuthenticationEnabled: resolved.iamDatabaseAuthentication,
      serverlessv2ScalingConfiguration: props.serverlessV2
        ? {
            minCapacity: props.serverlessV2.minCapacity,
            maxCapacity: props.serverlessV2.maxCapacity,
            secondsUntilAutoPause: props.serverlessV2.secondsUntilAutoPause,
          }
        : undefined,
      applyImmediately: resolved.applyImmediately,
      dependsOn: [postgresqlLog.logGroup, ...(membership?.role === 'secondary' ? membership.dependsOn : [])],
      lifecycle: {
        preventDestroy: resolved.preventDestroy || undefined,
        ignoreChanges: membership === undefined ? undefined : globalMemberIgnoredChanges(membership.role),
      },
    });

    const memoryGib = instanceMemoryGib(props.instanceClass, props.serverlessV2?.maxCapacity);
    const maxConnections = defaultMaxConnections(props.instanceClass, props.serverlessV2?.maxCapacity);
    const alarmSpecs: { prefix: string; specs: MetricAlarmSpec[] }[] = [];
    for (let index = 1; index <= props.instanceCount; index++) {
      const identifier = `${resolved.clusterIdentifier}-${index}`;
      const performanceInsights = resolved.performanceInsights;
      this.instances.push(
        new RdsClusterInstance(this, `Instance${index}`, {
          provider,
          identifier,
          clusterIdentifier: this.cluster.id,
          engine: this.cluster.engine,
          instanceClass: props.instanceClass,
          dbSubnetGroupName: subnetGroup.name,
          dbParameterGroupName: parameterGroups.instanceParameterGroupName,
          publiclyAccessible: false,
          // The version in configuration is the version running: upgrades go through engineVersion (docs/aurora.md).
          autoMinorVersionUpgrade: false,
          caCertIdentifier: AURORA_DEFAULTS.caCertIdentifier,
          copyTagsToSnapshot: true,
          performanceInsightsEnabled: performanceInsights.enabled,
          performanceInsightsKmsKeyId: performanceInsights.enabled ? key.arn : undefined,
          performanceInsightsRetentionPeriod: performanceInsights.enabled ? performanceInsights.retentionDays : undefined,
          monitoringInterval: resolved.monitoringIntervalSeconds,
          monitoringRoleArn: monitoringRole?.roleArn,
          applyImmediately: resolved.applyImmediately,
        }),
      );
      alarmSpecs.push({ prefix: identifier, specs: auroraInstanceAlarmSpecs(identifier, { maxConnections, memoryGib }, resolved.alarmThresholds) });
    }
    if (props.alarmTopics) {
      for (const [index, { prefix, specs }] of alarmSpecs.entries()) {
        new AuroraAlarms(this, `Instance${index + 1}Alarms`, { provider, topics: props.alarmTopics, alarmNamePrefix: prefix, specs });
      }
      // On every member, not only the secondary: the metric exists only on secondaries (a primary's alarm
      // sits in INSUFFICIENT_DATA, which notifies nobody), and after a switchover the alarm is already
      // where the new secondary is, with no address tied to a role.
      if (membership !== undefined) {
        new AuroraAlarms(this, 'ClusterAlarms', {
          provider,
          topics: props.alarmTopics,
          alarmNamePrefix: resolved.clusterIdentifier,
          specs: [auroraReplicationLagAlarmSpec(resolved.clusterIdentifier, resolved.alarmThresholds)],
        });
      }
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
    this.clusterIdentifier = resolved.clusterIdentifier;
    this.clusterArn = this.cluster.arn;
    this.clusterEndpoint = this.cluster.endpoint;
    this.readerEndpoint = this.cluster.readerEndpoint;
    this.port = resolved.port;
    this.databaseName = resolved.databaseName;
    this.securityGroupId = securityGroup.securityGroupId;
    this.kmsKeyArn = key.arn;
  }

  /**
   * IAM statements to read the RDS-managed master secret (single-Region clusters), e.g. for a migrations Lambda.
   * Global Database members: use AuroraGlobalDatabase.grantReadCredentials.
   */
  grantReadCredentials(): PolicyStatement[] {
    if (this.managedSecretArn === undefined) {
      throw new Error(`${this.clusterIdentifier} is a Global Database member: its credentials are the Global Database's`);
    }
    return readSecretStatements({ name: 'AuroraMasterCredentials', secretArn: this.managedSecretArn, kmsKeyArn: this.kmsKeyArn, region: this.region });
  }

  /** Master credentials by role: managed (single-Region), write-only (primary), none (secondary). */
  private credentialArguments(membership: AuroraGlobalMembership | undefined, resolved: ResolvedAuroraClusterProps, keyArn: string) {
    if (membership === undefined) {
      return {
        databaseName: resolved.databaseName,
        masterUsername: resolved.masterUsername,
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
}

/**
 * What a Global Database member ignores: engine_version (the global cluster's engine_version drives
 * upgrades), global_cluster_identifier and replication_source_identifier (drift the provider reports
 * on members), and master_username / database_name, which AWS may report differently on a member
 * whose role changed in a switchover and which would otherwise force a replacement.
 * A secondary also ignores master_password_wo_version: after a switchover the former primary is
 * configured as secondary, and its version going away must not send it a password.
 */
export function globalMemberIgnoredChanges(role: 'primary' | 'secondary'): string[] {
  const shared = ['engine_version', 'global_cluster_identifier', 'replication_source_identifier', 'master_username', 'database_name'];
  return role === 'secondary' ? [...shared, 'master_password_wo_version'] : shared;
}
