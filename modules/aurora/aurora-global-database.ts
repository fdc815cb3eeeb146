import { RdsGlobalCluster } from '@cdktf/provider-aws/lib/rds-global-cluster';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { RegionContext } from '../context';
import { SubnetTier } from '../network';
import { credentialsWriteVersion, CredentialsSecret, PostgresEndpoint, ProxyTarget, WriteOnlyCredentials } from '../rds';
import { regionConstructId } from '../regions';
import { PolicyStatement, readSecretStatements } from '../secrets';
import { assertValid, describeValue, ValidationRule } from '../validation';
import { AuroraCluster, CREATION_ONLY_ARGUMENTS } from './aurora-cluster';
import { auroraGlobalClusterIdentifier, auroraGlobalClusterNameRules } from './aurora-names';
import { AuroraCapacity, AuroraClusterSettings, AuroraGlobalDatabaseSettings } from './aurora-settings';
import { AURORA_DEFAULTS, resolveAuroraClusterSettings } from './defaults';
import { auroraGlobalDatabaseRules } from './validate-aurora';

/** One Region of a Global Database: where it is built, and its instances. */
export interface AuroraGlobalDatabaseRegion extends AuroraCapacity {
  /** The Region's context: provider, network, alarm topics, names, policy. */
  readonly context: RegionContext;
}

export interface AuroraGlobalDatabaseProps extends AuroraGlobalDatabaseSettings {
  /** The primary (writer) Region's cluster. */
  readonly primary: AuroraGlobalDatabaseRegion;
  /**
   * The secondary Region's cluster (0 instances keeps it headless).
   * @default - no secondary: a Global Database of one Region, ready to take one
   */
  readonly secondary?: AuroraGlobalDatabaseRegion;
  /**
   * The subnet tier of the member clusters' subnet groups.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

/** The module's own checks of its props, under the setting name `aurora`. */
export function auroraGlobalDatabasePropsRules(setting: string, props: AuroraGlobalDatabaseProps): ValidationRule[] {
  const secondaryRegion = props.secondary?.context.region;
  return [
    ...auroraGlobalDatabaseRules(setting, props, { primary: props.primary.context.region, secondary: secondaryRegion }),
    ...auroraGlobalClusterNameRules(setting, props.primary.context.naming),
    {
      condition: secondaryRegion === undefined || secondaryRegion !== props.primary.context.region,
      message: `${setting}.secondary.region must differ from primary.region (${props.primary.context.region}), got ${describeValue(secondaryRegion)}`,
    },
  ];
}

/**
 * An Aurora PostgreSQL Global Database: the global cluster, a primary cluster in one Region and
 * optionally a secondary in another, with master credentials that never reach JSON or state. As a
 * `PostgresEndpoint` it is its primary cluster with the credentials in the primary Region.
 *
 * Terraform addresses and AWS identifiers are keyed by Region (`ClusterEuWest2`,
 * `gaming-platform-prod-aurora-eu-west-2`), never by role: after a switchover, swapping `primary` and
 * `secondary` changes arguments, not addresses. The secondary is created only after the primary's
 * instances exist and has no master credentials (terraform-aws-rds-aurora 403/468, terraform-provider-aws 26030).
 */
export class AuroraGlobalDatabase extends Construct implements PostgresEndpoint {
  public readonly engine = 'aurora-postgresql';
  public readonly globalCluster: RdsGlobalCluster;
  public readonly globalClusterIdentifier: string;
  /** The global writer endpoint: follows the primary through switchovers and failovers. */
  public readonly globalWriterEndpoint: string;
  public readonly primary: AuroraCluster;
  public readonly secondary?: AuroraCluster;
  public readonly credentials: WriteOnlyCredentials;

  constructor(scope: Construct, id: string, props: AuroraGlobalDatabaseProps) {
    super(scope, id);
    assertValid(auroraGlobalDatabasePropsRules('aurora', props));
    const primaryContext = props.primary.context;
    const { naming, policy } = primaryContext;
    const resolved = resolveAuroraClusterSettings(props, { system: naming.system, logRetentionDays: policy.logRetentionDays });
    const passwordVersion = props.masterPasswordVersion ?? AURORA_DEFAULTS.masterPasswordVersion;
    const writeVersion = credentialsWriteVersion(passwordVersion, primaryContext.region);

    this.globalClusterIdentifier = auroraGlobalClusterIdentifier(naming);
    this.globalCluster = new RdsGlobalCluster(this, 'GlobalCluster', {
      // Created through the primary Region, as AWS documents it. The global cluster is account-wide
      // (its ARN has no Region) and visible from every member Region, so after a switchover the provider
      // follows the new primary without touching the resource; the address does not depend on it.
      provider: primaryContext.provider,
      globalClusterIdentifier: this.globalClusterIdentifier,
      engine: resolved.engineVersion.engine,
      engineVersion: resolved.engineVersion.fullVersion,
      databaseName: resolved.databaseName,
      storageEncrypted: true,
      engineLifecycleSupport: resolved.engineLifecycleSupport,
      deletionProtection: policy.deletionProtection,
      lifecycle: { preventDestroy: policy.preventDestroy || undefined, ignoreChanges: [...CREATION_ONLY_ARGUMENTS] },
    });
    this.globalWriterEndpoint = this.globalCluster.endpoint;

    // The members share the resolved settings, so no member resolves a default on its own.
    const settings: AuroraClusterSettings = {
      engineVersion: resolved.engineVersion,
      databaseName: resolved.databaseName,
      masterUsername: resolved.masterUsername,
      port: resolved.port,
      backupRetentionDays: resolved.backupRetentionDays,
      preferredBackupWindow: resolved.preferredBackupWindow,
      preferredMaintenanceWindow: resolved.preferredMaintenanceWindow,
      performanceInsights: resolved.performanceInsights,
      monitoringIntervalSeconds: resolved.monitoringIntervalSeconds,
      clusterLevelMonitoring: resolved.clusterLevelMonitoring,
      databaseInsightsMode: resolved.databaseInsightsMode,
      storageType: resolved.storageType,
      caCertificateIdentifier: resolved.caCertificateIdentifier,
      engineLifecycleSupport: resolved.engineLifecycleSupport,
      logRetentionDays: resolved.logRetentionDays,
      iamDatabaseAuthentication: resolved.iamDatabaseAuthentication,
      enableDataApi: resolved.enableDataApi,
      clusterParameters: props.clusterParameters,
      instanceParameters: props.instanceParameters,
      alarmThresholds: resolved.alarmThresholds,
    };
    // Each Region's capacity (instances, Serverless v2 range, reader autoscaling) goes to its cluster as given.
    const member = ({ context, ...capacity }: AuroraGlobalDatabaseRegion) => ({ ...settings, ...capacity, context, subnetTier: props.subnetTier });

    // Keys live in the member clusters; the credentials need each Region's key, and the primary needs the
    // password expression. The password expression is a fixed reference, so it can be built first.
    const ephemeralPasswordName = `${naming.prefix}-${id}`.toLowerCase().replace(/[^a-z0-9]/g, '_') + '_master_password';
    const passwordExpression = `\${ephemeral.random_password.${ephemeralPasswordName}.result}`;

    this.primary = new AuroraCluster(this, `Cluster${regionConstructId(primaryContext.region)}`, {
      ...member(props.primary),
      globalMembership: {
        role: 'primary',
        globalClusterIdentifier: this.globalCluster.id,
        masterPassword: { writeOnly: passwordExpression, version: writeVersion },
      },
    });
    if (props.secondary) {
      this.secondary = new AuroraCluster(this, `Cluster${regionConstructId(props.secondary.context.region)}`, {
        ...member(props.secondary),
        globalMembership: {
          role: 'secondary',
          globalClusterIdentifier: this.globalCluster.id,
          dependsOn: this.primary.instances,
          writeForwarding: props.globalWriteForwarding ?? AURORA_DEFAULTS.globalWriteForwarding,
        },
      });
    }
    const members = [props.primary, ...(props.secondary ? [props.secondary] : [])];
    const clusters = [this.primary, ...(this.secondary ? [this.secondary] : [])];

    this.credentials = new WriteOnlyCredentials(this, 'Credentials', {
      ephemeralPasswordName,
      writeVersion,
      username: resolved.masterUsername,
      databaseName: resolved.databaseName,
      port: resolved.port,
      host: this.globalWriterEndpoint,
      purpose: `the Aurora Global Database (${resolved.databaseName})`,
      secrets: clusters.map((cluster, index) => ({
        region: cluster.region,
        provider: members[index].context.provider,
        kmsKeyArn: cluster.kmsKeyArn,
        secretName: `${cluster.clusterIdentifier}/master`,
      })),
    });
  }

  /** The member cluster in a Region. */
  clusterIn(region: string): AuroraCluster {
    const cluster = [this.primary, this.secondary].find((candidate) => candidate?.region === region);
    if (cluster === undefined) throw new Error(`The Global Database has no cluster in Region ${region}`);
    return cluster;
  }

  /** The credentials secret in the primary Region (a copy sits in every member Region: `secretArnIn`). */
  get secretArn(): string {
    return this.credentials.secretArnIn(this.primary.region);
  }

  /** The credentials secret in a member Region. */
  secretArnIn(region: string): string {
    return this.credentials.secretArnIn(region);
  }

  /** IAM statements to read the master credentials secret in a member Region (the primary's by default). */
  grantReadCredentials(region: string = this.primary.region): PolicyStatement[] {
    return readSecretStatements({ name: 'AuroraMasterCredentials', secretArn: this.secretArnIn(region), kmsKeyArn: this.clusterIn(region).kmsKeyArn, region });
  }

  // PostgresEndpoint: the primary cluster, with the credentials kept in the primary Region.

  get region(): string {
    return this.primary.region;
  }

  get writerEndpoint(): string {
    return this.primary.clusterEndpoint;
  }

  get readerEndpoint(): string {
    return this.primary.readerEndpoint;
  }

  get port(): number {
    return this.primary.port;
  }

  get databaseName(): string {
    return this.primary.databaseName;
  }

  get securityGroupId(): string {
    return this.primary.securityGroupId;
  }

  get masterCredentials(): CredentialsSecret {
    return { secretArn: this.secretArn, kmsKeyArn: this.primary.kmsKeyArn, region: this.primary.region };
  }

  /** The writer instance up, and the secret written. */
  get readyForClients(): readonly ITerraformDependable[] {
    return [this.primary.instances[0], this.credentials.secretValueIn(this.primary.region)];
  }

  get proxyTarget(): ProxyTarget {
    return { dbClusterIdentifier: this.primary.clusterIdentifier };
  }

  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    this.primary.allowFrom(id, sourceSecurityGroupId, description);
  }
}
