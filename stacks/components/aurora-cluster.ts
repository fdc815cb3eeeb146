import { Construct } from 'constructs';
import {
  AURORA_DEFAULTS,
  AuroraCapacity,
  AuroraCluster,
  auroraClusterNameRules,
  AuroraClusterSettings,
  auroraRegionalClusterRules,
  AuroraRestore,
  auroraRestoreRules,
} from '../../modules/aurora';
import { ResourceNaming } from '../../modules/naming';
import { SubnetTier } from '../../modules/network';
import type { PostgresEndpoint } from '../../modules/rds';
import { regionConstructId } from '../../modules/regions';
import { Built, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputDeclaration, OutputNames } from '../composition/outputs';
import { outputNamesRules } from './output-names';
import { PostgresDatabaseComponent } from './postgres-database';

/** An environment's single-Region Aurora cluster (provisioned or Serverless v2) in its primaryRegion. */
export interface AuroraClusterConfig extends AuroraClusterSettings, AuroraCapacity {
  /**
   * The subnet tier of the cluster.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
  /**
   * Create the cluster from a snapshot or a point in time of another cluster (docs/aurora.md, "Restores as code").
   * @default - a new, empty cluster
   */
  readonly restore?: AuroraRestore;
}

export interface AuroraClusterOptions {
  /** @default 'aurora' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'Aurora' */
  readonly id?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
  /**
   * The component in physical names (`<system>-<env>-<component>-<region>`); a second cluster (a restore beside
   * the original) needs its own.
   * @default 'aurora'
   */
  readonly component?: string;
}

const OUTPUTS = [
  'aurora_cluster_endpoint', 'aurora_reader_endpoint', 'aurora_cluster_port', 'aurora_database_name',
  'aurora_cluster_identifier', 'aurora_cluster_arn', 'aurora_master_secret_arn',
];

function outputs(cluster: AuroraCluster): OutputDeclaration[] {
  return [
    { name: 'aurora_cluster_endpoint', description: `Aurora writer endpoint (${cluster.region})`, value: cluster.clusterEndpoint },
    { name: 'aurora_reader_endpoint', description: `Aurora reader endpoint, balancing over the readers (${cluster.region})`, value: cluster.readerEndpoint },
    { name: 'aurora_cluster_port', description: 'Aurora port number', value: cluster.port },
    { name: 'aurora_database_name', description: 'Aurora database name', value: cluster.databaseName },
    { name: 'aurora_cluster_identifier', description: 'Aurora cluster identifier', value: cluster.clusterIdentifier },
    { name: 'aurora_cluster_arn', description: 'Aurora cluster ARN (for the RDS Data API and IAM policies)', value: cluster.clusterArn },
    {
      name: 'aurora_master_secret_arn',
      description: 'ARN of the RDS-managed Secrets Manager secret with the master credentials (JSON: username, password)',
      value: cluster.masterCredentials.secretArn,
      // The ARN is no secret, but it names where the master password is: keep it out of plan logs.
      sensitive: true,
    },
  ];
}

/**
 * A single-Region Aurora PostgreSQL cluster in the environment's primaryRegion, with an RDS-managed master
 * password, and its outputs. It sits at `<id>/Cluster<Region>`, where a Global Database keeps its members.
 */
export function auroraCluster(config: AuroraClusterConfig, options: AuroraClusterOptions = {}): PostgresDatabaseComponent & {
  readonly cluster: Built<AuroraCluster>;
} {
  const built = new Built<AuroraCluster>('the Aurora cluster');
  const { subnetTier, restore, ...settings } = config;
  return {
    setting: options.setting ?? 'aurora',
    cluster: built,
    rules({ setting, system, environment }: ComponentCheck) {
      return [
        ...auroraRegionalClusterRules(setting, settings, environment.primaryRegion),
        ...(restore === undefined ? [] : auroraRestoreRules(`${setting}.restore`, restore)),
        ...auroraClusterNameRules(setting, {
          naming: new ResourceNaming(system, environment.name),
          region: environment.primaryRegion,
          component: options.component,
          engineVersion: settings.engineVersion ?? AURORA_DEFAULTS.engineVersion,
          instanceCount: settings.instanceCount,
        }),
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
    },
    build(stack: StackContext) {
      const scope = new Construct(stack.scope, options.id ?? 'Aurora');
      const cluster = built.set(
        new AuroraCluster(scope, `Cluster${regionConstructId(stack.primaryRegion)}`, {
          ...settings,
          subnetTier,
          restore,
          component: options.component,
          context: stack.region(stack.primaryRegion),
        }),
      );
      declareOutputs(stack.scope, outputs(cluster), options.outputs);
    },
    endpoint(): PostgresEndpoint {
      return built.get();
    },
  };
}
