import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RdsGlobalCluster } from '@cdktf/provider-aws/lib/rds-global-cluster';
import { Construct } from 'constructs';
import { AlarmTopics } from '../alarms/alarm-topics';
import { ResourceNaming } from '../naming/resource-naming';
import { regionConstructId } from '../regions/aws-regions';
import { assertValid, describeValue } from '../validation';
import { AuroraCluster, AuroraNetwork, defaultDatabaseName } from './aurora-cluster';
import { AuroraCapacity, AuroraClusterSettings, AuroraGlobalDatabaseSettings } from './aurora-settings';
import { AURORA_DEFAULTS, defaultDeletionProtection } from './defaults';
import { defaultPreventDestroy } from '../lifecycle/environment-defaults';
import { PolicyStatement, readSecretStatements } from '../secrets/read-secret-statements';
import { GlobalDatabaseCredentials } from './global-credentials';
import { auroraGlobalDatabaseRules } from './validate-aurora';

/** One Region of a Global Database. */
export interface AuroraGlobalDatabaseRegion extends AuroraCapacity {
  /** The Region. */
  readonly region: string;
  /** The aws provider of the Region. */
  readonly provider: AwsProvider;
  /** Subnets and the security groups allowed in, in this Region. */
  readonly network: AuroraNetwork;
  /**
   * The Region's alarm topics.
   * @default - no alarms in this Region
   */
  readonly alarmTopics?: AlarmTopics;
}

export interface AuroraGlobalDatabaseProps extends AuroraGlobalDatabaseSettings {
  /** Physical names: the global cluster `<prefix>-aurora`, members `<prefix>-aurora-<region>`. */
  readonly naming: ResourceNaming;
  /** The environment, for the environment-dependent defaults. */
  readonly environment: string;
  /** The primary (writer) Region's cluster. */
  readonly primary: AuroraGlobalDatabaseRegion;
  /**
   * The secondary Region's cluster (0 instances keeps it headless).
   * @default - no secondary: a Global Database of one Region, ready to take one
   */
  readonly secondary?: AuroraGlobalDatabaseRegion;
  /**
   * Deletion protection on the global cluster and its members.
   * @default defaultDeletionProtection(environment): on everywhere but dev
   */
  readonly deletionProtection?: boolean;
  /**
   * `lifecycle { prevent_destroy }` on the global cluster, the members and their keys.
   * @default defaultPreventDestroy(environment): in prod
   */
  readonly preventDestroy?: boolean;
}

/**
 * An Aurora PostgreSQL Global Database: the global cluster, a primary cluster in one Region and
 * optionally a secondary in another, with master credentials that never reach JSON or state.
 *
 * Terraform addresses and AWS identifiers are keyed by Region (`ClusterEuWest2`,
 * `gaming-platform-prod-aurora-eu-west-2`), never by role: after a switchover, swapping `primary` and
 * `secondary` changes arguments, not addresses. The secondary is created only after the primary's
 * instances exist and has no master credentials (terraform-aws-rds-aurora 403/468, terraform-provider-aws 26030).
 */
export class AuroraGlobalDatabase extends Construct {
  public readonly globalCluster: RdsGlobalCluster;
  public readonly globalClusterIdentifier: string;
  /** The global writer endpoint: follows the primary through switchovers and failovers. */
  public readonly globalWriterEndpoint: string;
  public readonly primary: AuroraCluster;
  public readonly secondary?: AuroraCluster;
  public readonly credentials: GlobalDatabaseCredentials;

  constructor(scope: Construct, id: string, props: AuroraGlobalDatabaseProps) {
    super(scope, id);
    assertValid([
      ...auroraGlobalDatabaseRules('aurora', props),
      {
        condition: props.secondary === undefined || props.secondary.region !== props.primary.region,
        message: `aurora.secondary.region must differ from primary.region (${props.primary.region}), got ${describeValue(props.secondary?.region)}`,
      },
    ]);
    const engineVersion = props.engineVersion ?? AURORA_DEFAULTS.engineVersion;
    const deletionProtection = props.deletionProtection ?? defaultDeletionProtection(props.environment);
    const preventDestroy = props.preventDestroy ?? defaultPreventDestroy(props.environment);
    const databaseName = props.databaseName ?? defaultDatabaseName(props.naming.system);
    const masterUsername = props.masterUsername ?? AURORA_DEFAULTS.masterUsername;
    const port = props.port ?? AURORA_DEFAULTS.port;
    const passwordVersion = props.masterPasswordVersion ?? 1;
    const { naming } = props;

    this.globalClusterIdentifier = naming.name('aurora');
    this.globalCluster = new RdsGlobalCluster(this, 'GlobalCluster', {
      // Created through the primary Region, as AWS documents it. The global cluster is account-wide
      // (its ARN has no Region) and visible from every member Region, so after a switchover the provider
      // follows the new primary without touching the resource; the address does not depend on it.
      provider: props.primary.provider,
      globalClusterIdentifier: this.globalClusterIdentifier,
      engine: engineVersion.engine,
      engineVersion: engineVersion.fullVersion,
      databaseName,
      storageEncrypted: true,
      deletionProtection,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.globalWriterEndpoint = this.globalCluster.endpoint;

    const regions = [props.primary, ...(props.secondary ? [props.secondary] : [])];
    const settings: AuroraClusterSettings = {
      engineVersion,
      backupRetentionDays: props.backupRetentionDays,
      preferredBackupWindow: props.preferredBackupWindow,
      preferredMaintenanceWindow: props.preferredMaintenanceWindow,
      performanceInsights: props.performanceInsights,
      monitoringIntervalSeconds: props.monitoringIntervalSeconds,
      logRetentionDays: props.logRetentionDays,
      iamDatabaseAuthentication: props.iamDatabaseAuthentication,
      clusterParameters: props.clusterParameters,
      instanceParameters: props.instanceParameters,
      alarmThresholds: props.alarmThresholds,
    };
    const member = (placement: AuroraGlobalDatabaseRegion) => ({
      ...settings,
      provider: placement.provider,
      region: placement.region,
      naming,
      environment: props.environment,
      network: placement.network,
      instanceCount: placement.instanceCount,
      instanceClass: placement.instanceClass,
      serverlessV2: placement.serverlessV2,
      alarmTopics: placement.alarmTopics,
      databaseName,
      masterUsername,
      port,
      deletionProtection,
      preventDestroy,
    });

    // Keys live in the member clusters; the credentials need each Region's key, and the primary needs the
    // password expression. The password expression is a fixed reference, so it can be built first.
    const ephemeralPasswordName = `${naming.prefix}-${id}`.toLowerCase().replace(/[^a-z0-9]/g, '_') + '_master_password';
    const passwordExpression = `\${ephemeral.random_password.${ephemeralPasswordName}.result}`;

    this.primary = new AuroraCluster(this, `Cluster${regionConstructId(props.primary.region)}`, {
      ...member(props.primary),
      globalMembership: {
        role: 'primary',
        globalClusterIdentifier: this.globalCluster.id,
        masterPassword: { writeOnly: passwordExpression, version: passwordVersion },
      },
    });
    if (props.secondary) {
      this.secondary = new AuroraCluster(this, `Cluster${regionConstructId(props.secondary.region)}`, {
        ...member(props.secondary),
        globalMembership: {
          role: 'secondary',
          globalClusterIdentifier: this.globalCluster.id,
          dependsOn: this.primary.instances,
        },
      });
    }
    const clusters = [this.primary, ...(this.secondary ? [this.secondary] : [])];

    this.credentials = new GlobalDatabaseCredentials(this, 'Credentials', {
      ephemeralPasswordName,
      passwordVersion,
      primaryRegion: props.primary.region,
      username: masterUsername,
      databaseName,
      port,
      host: this.globalWriterEndpoint,
      secrets: clusters.map((cluster, index) => ({
        region: cluster.region,
        provider: regions[index].provider,
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

  /** IAM statements to read the master credentials secret in a member Region (the primary's by default). */
  grantReadCredentials(region: string = this.primary.region): PolicyStatement[] {
    return readSecretStatements({ name: 'AuroraMasterCredentials', secretArn: this.secretArnIn(region), kmsKeyArn: this.clusterIn(region).kmsKeyArn, region });
  }

  /** The credentials secret in a member Region. */
  secretArnIn(region: string): string {
    return this.credentials.secretArnIn(region);
  }
}
