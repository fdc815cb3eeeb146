import { TerraformOutput } from 'cdktf';
import { AuroraGlobalDatabase, AuroraGlobalDatabaseRegion } from '../../modules/aurora/aurora-global-database';
import { AuroraCapacity } from '../../modules/aurora/aurora-settings';
import type { GamingPlatformStack } from './gaming-platform-stack';

/**
 * The gaming platform's Aurora PostgreSQL Global Database (seed 002): the primary cluster in the
 * environment's primaryRegion, a secondary in its secondaryRegion when it has one, and the outputs
 * seed 002 lists under "Aurora Database".
 */
export function addAuroraTier(stack: GamingPlatformStack): AuroraGlobalDatabase {
  const { config } = stack;
  const { primary, secondary, ...settings } = config.aurora;
  const placement = (region: string, capacity: AuroraCapacity): AuroraGlobalDatabaseRegion => {
    const network = stack.networkFor(region);
    return {
      ...capacity,
      region,
      provider: stack.providers.forRegion(region),
      network: { vpcId: network.vpcId, subnetIds: network.privateSubnetIds, applicationSecurityGroupIds: network.applicationSecurityGroupIds },
      alarmTopics: stack.alarmTopicsFor(region),
    };
  };
  if (config.secondaryRegion !== undefined && secondary === undefined) {
    throw new Error(`gaming-platform.environments.${config.name}.aurora.secondary must be set when secondaryRegion is set`);
  }
  const database = new AuroraGlobalDatabase(stack, 'Aurora', {
    ...settings,
    naming: stack.naming,
    environment: config.name,
    primary: placement(config.primaryRegion, primary),
    secondary: config.secondaryRegion !== undefined && secondary !== undefined ? placement(config.secondaryRegion, secondary) : undefined,
  });

  new TerraformOutput(stack, 'primary_cluster_endpoint', {
    description: `Aurora writer endpoint of the primary cluster (${config.primaryRegion})`,
    value: database.primary.clusterEndpoint,
  });
  new TerraformOutput(stack, 'primary_cluster_reader_endpoint', {
    description: `Aurora reader endpoint of the primary cluster (${config.primaryRegion})`,
    value: database.primary.readerEndpoint,
  });
  new TerraformOutput(stack, 'primary_cluster_port', { description: 'Aurora port number', value: database.primary.port });
  new TerraformOutput(stack, 'primary_cluster_database_name', { description: 'Aurora database name', value: database.primary.databaseName });
  new TerraformOutput(stack, 'global_cluster_writer_endpoint', {
    description: 'Aurora Global Database writer endpoint: follows the primary through switchovers and failovers',
    value: database.globalWriterEndpoint,
  });
  new TerraformOutput(stack, 'master_credentials_secret_arn', {
    description: `ARN of the Secrets Manager secret with the master credentials (JSON: username, password, host, port, dbname) in ${config.primaryRegion}`,
    value: database.secretArn,
    // The ARN is no secret, but it names where the master password is: keep it out of plan logs.
    sensitive: true,
  });
  if (database.secondary) {
    new TerraformOutput(stack, 'secondary_cluster_endpoint', {
      description: `Aurora writer endpoint of the secondary cluster (${database.secondary.region}); it accepts writes only after a switchover or failover`,
      value: database.secondary.clusterEndpoint,
    });
    new TerraformOutput(stack, 'secondary_cluster_reader_endpoint', {
      description: `Aurora reader endpoint of the secondary cluster (${database.secondary.region})`,
      value: database.secondary.readerEndpoint,
    });
    new TerraformOutput(stack, 'secondary_master_credentials_secret_arn', {
      description: `ARN of the copy of the master credentials secret in ${database.secondary.region}`,
      value: database.secretArnIn(database.secondary.region),
      sensitive: true,
    });
  }
  return database;
}
