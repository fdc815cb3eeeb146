import {
  AURORA_DEFAULTS,
  auroraClusterNameRules,
  AuroraGlobalDatabase,
  AuroraGlobalDatabaseRegion,
  AuroraGlobalDatabaseSettings,
  auroraGlobalClusterNameRules,
  auroraGlobalDatabaseRules,
} from '../../modules/aurora';
import { ResourceNaming } from '../../modules/naming';
import { SubnetTier } from '../../modules/network';
import type { PostgresEndpoint } from '../../modules/rds';
import { describeValue } from '../../modules/validation';
import { Built, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputDeclaration, OutputNames } from '../composition/outputs';
import { outputNamesRules } from './output-names';
import { PostgresDatabaseComponent } from './postgres-database';

/** An environment's Aurora Global Database: a cluster in primaryRegion, and one in secondaryRegion when it has one. */
export interface AuroraGlobalDatabaseConfig extends AuroraGlobalDatabaseSettings {
  /**
   * The subnet tier of the clusters.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

export interface AuroraGlobalDatabaseOptions {
  /** @default 'aurora' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'Aurora' */
  readonly id?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
}

const OUTPUTS = [
  'primary_cluster_endpoint', 'primary_cluster_reader_endpoint', 'primary_cluster_port', 'primary_cluster_database_name',
  'global_cluster_writer_endpoint', 'master_credentials_secret_arn',
  'secondary_cluster_endpoint', 'secondary_cluster_reader_endpoint', 'secondary_master_credentials_secret_arn',
];

function outputs(database: AuroraGlobalDatabase, primaryRegion: string): OutputDeclaration[] {
  const secondary = database.secondary;
  return [
    { name: 'primary_cluster_endpoint', description: `Aurora writer endpoint of the primary cluster (${primaryRegion})`, value: database.primary.clusterEndpoint },
    { name: 'primary_cluster_reader_endpoint', description: `Aurora reader endpoint of the primary cluster (${primaryRegion})`, value: database.primary.readerEndpoint },
    { name: 'primary_cluster_port', description: 'Aurora port number', value: database.primary.port },
    { name: 'primary_cluster_database_name', description: 'Aurora database name', value: database.primary.databaseName },
    {
      name: 'global_cluster_writer_endpoint',
      description: 'Aurora Global Database writer endpoint: follows the primary through switchovers and failovers',
      value: database.globalWriterEndpoint,
    },
    {
      name: 'master_credentials_secret_arn',
      description: `ARN of the Secrets Manager secret with the master credentials (JSON: username, password, host, port, dbname) in ${primaryRegion}`,
      value: database.secretArn,
      // The ARN is no secret, but it names where the master password is: keep it out of plan logs.
      sensitive: true,
    },
    ...(secondary === undefined
      ? []
      : [
          {
            name: 'secondary_cluster_endpoint',
            description: `Aurora writer endpoint of the secondary cluster (${secondary.region}); it accepts writes only after a switchover or failover`,
            value: secondary.clusterEndpoint,
          },
          {
            name: 'secondary_cluster_reader_endpoint',
            description: `Aurora reader endpoint of the secondary cluster (${secondary.region})`,
            value: secondary.readerEndpoint,
          },
          {
            name: 'secondary_master_credentials_secret_arn',
            description: `ARN of the copy of the master credentials secret in ${secondary.region}`,
            value: database.secretArnIn(secondary.region),
            sensitive: true,
          },
        ]),
  ];
}

/**
 * An Aurora PostgreSQL Global Database: the primary cluster in the environment's primaryRegion, a secondary in
 * its secondaryRegion when it has one (the `secondary` setting is ignored without one), and its outputs.
 */
export function auroraGlobalDatabase(config: AuroraGlobalDatabaseConfig, options: AuroraGlobalDatabaseOptions = {}): PostgresDatabaseComponent & {
  readonly database: Built<AuroraGlobalDatabase>;
} {
  const built = new Built<AuroraGlobalDatabase>('the Aurora Global Database');
  const { subnetTier, primary, secondary, ...settings } = config;
  return {
    setting: options.setting ?? 'aurora',
    database: built,
    rules({ setting, system, environment }: ComponentCheck) {
      const hasSecondaryRegion = environment.secondaryRegion !== undefined;
      const naming = new ResourceNaming(system, environment.name);
      const engineVersion = settings.engineVersion ?? AURORA_DEFAULTS.engineVersion;
      const members = [
        { setting: `${setting}.primary`, region: environment.primaryRegion, capacity: primary },
        ...(hasSecondaryRegion && secondary !== undefined ? [{ setting: `${setting}.secondary`, region: environment.secondaryRegion!, capacity: secondary }] : []),
      ];
      return [
        ...auroraGlobalClusterNameRules(setting, naming),
        ...members.flatMap((member) =>
          auroraClusterNameRules(member.setting, { naming, region: member.region, engineVersion, instanceCount: member.capacity.instanceCount }),
        ),
        ...auroraGlobalDatabaseRules(setting, { ...settings, primary, secondary: hasSecondaryRegion ? secondary : undefined }, { primary: environment.primaryRegion, secondary: environment.secondaryRegion }),
        {
          condition: !hasSecondaryRegion || secondary !== undefined,
          message: `${setting}.secondary must be set ({ instanceCount, instanceClass }) when secondaryRegion is set (${environment.secondaryRegion}), got ${describeValue(secondary)}`,
        },
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
    },
    build(stack: StackContext) {
      const member = (region: string, capacity: typeof primary): AuroraGlobalDatabaseRegion => ({ ...capacity, context: stack.region(region) });
      const database = built.set(
        new AuroraGlobalDatabase(stack.scope, options.id ?? 'Aurora', {
          ...settings,
          subnetTier,
          primary: member(stack.primaryRegion, primary),
          secondary: stack.secondaryRegion !== undefined && secondary !== undefined ? member(stack.secondaryRegion, secondary) : undefined,
        }),
      );
      declareOutputs(stack.scope, outputs(database, stack.primaryRegion), options.outputs);
    },
    endpoint(): PostgresEndpoint {
      return built.get();
    },
  };
}
