import { Construct } from 'constructs';
import { SubnetTier } from '../../modules/network';
import { ResourceNaming } from '../../modules/naming';
import {
  PostgresInstance,
  postgresInstanceIdentifierRules,
  postgresInstancePolicyRules,
  PostgresInstanceSettings,
  postgresInstanceSettingsRules,
} from '../../modules/postgres-instance';
import type { PostgresEndpoint } from '../../modules/rds';
import { regionConstructId } from '../../modules/regions';
import { Built, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputDeclaration, OutputNames } from '../composition/outputs';
import { outputNamesRules } from './output-names';
import { PostgresDatabaseComponent } from './postgres-database';

/** An environment's RDS for PostgreSQL instance (and read replicas) in its primaryRegion. */
export interface PostgresInstanceConfig extends PostgresInstanceSettings {
  /**
   * The subnet tier of the instance.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

export interface PostgresInstanceOptions {
  /** @default 'postgres' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'Postgres' */
  readonly id?: string;
  /**
   * The component in physical names (`<system>-<env>-<component>-<region>`).
   * @default 'postgres'
   */
  readonly component?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
}

const OUTPUTS = [
  'postgres_endpoint', 'postgres_reader_endpoint', 'postgres_port', 'postgres_database_name', 'postgres_credentials_secret_arn',
  'postgres_replica_endpoints', 'postgres_security_group_id', 'postgres_instance_identifier',
];

function outputs(instance: PostgresInstance): OutputDeclaration[] {
  const credentials =
    instance.settings.credentials.kind === 'managed'
      ? 'the RDS-managed secret with the master credentials (JSON: username, password)'
      : 'the secret with the master credentials and connection details (JSON: engine, username, password, host, port, dbname, dbInstanceIdentifier)';
  return [
    { name: 'postgres_endpoint', description: `PostgreSQL primary endpoint (${instance.region}): writes and migrations`, value: instance.writerEndpoint },
    {
      name: 'postgres_reader_endpoint',
      description: `PostgreSQL endpoint for reads (${instance.region}): the first read replica, or the primary without one`,
      value: instance.readerEndpoint,
    },
    { name: 'postgres_port', description: 'PostgreSQL port number', value: instance.port },
    { name: 'postgres_database_name', description: 'PostgreSQL database name', value: instance.databaseName },
    {
      name: 'postgres_credentials_secret_arn',
      description: `ARN of ${credentials}`,
      value: instance.credentialsSecretArn,
      // The ARN is no secret, but it names where the master password is: keep it out of plan logs.
      sensitive: true,
    },
    { name: 'postgres_replica_endpoints', description: 'PostgreSQL read replica endpoints, in order (empty without replicas)', value: instance.replicaAddresses },
    { name: 'postgres_security_group_id', description: 'Security group of the instance and its replicas (admit clients with an ingress rule)', value: instance.securityGroupId },
    { name: 'postgres_instance_identifier', description: 'RDS instance identifier of the primary', value: instance.instanceIdentifier },
  ];
}

/**
 * An RDS for PostgreSQL instance in the environment's primaryRegion with its read replicas, and its outputs.
 * It sits at `<id>/Instance<Region>`, keyed by Region like every database.
 */
export function postgresInstance(config: PostgresInstanceConfig, options: PostgresInstanceOptions = {}): PostgresDatabaseComponent & {
  readonly instance: Built<PostgresInstance>;
} {
  const built = new Built<PostgresInstance>('the PostgreSQL instance');
  const { subnetTier, ...settings } = config;
  return {
    setting: options.setting ?? 'postgres',
    instance: built,
    rules({ setting, system, environment, policy }: ComponentCheck) {
      const identifier = new ResourceNaming(system, environment.name).name(options.component ?? 'postgres', environment.primaryRegion);
      return [
        ...postgresInstanceSettingsRules(setting, settings),
        ...postgresInstancePolicyRules(setting, settings, policy),
        ...postgresInstanceIdentifierRules(setting, identifier, settings.readReplicas?.count ?? 0, settings.engineVersion),
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
    },
    build(stack: StackContext) {
      const scope = new Construct(stack.scope, options.id ?? 'Postgres');
      const instance = built.set(
        new PostgresInstance(scope, `Instance${regionConstructId(stack.primaryRegion)}`, {
          ...settings,
          subnetTier,
          component: options.component,
          context: stack.region(stack.primaryRegion),
        }),
      );
      declareOutputs(stack.scope, outputs(instance), options.outputs);
    },
    endpoint(): PostgresEndpoint {
      return built.get();
    },
  };
}
