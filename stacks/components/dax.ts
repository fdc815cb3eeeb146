import { DaxCluster, daxNotificationTopicRule, DaxSettings, daxSettingsRules } from '../../modules/dax';
import { SubnetTier } from '../../modules/network';
import { ValidationRule } from '../../modules/validation';
import { Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputNames } from '../composition/outputs';
import { DynamoDbTablesComponent } from './dynamodb-tables';
import { outputNamesRules } from './output-names';

/** An environment's DAX cluster. */
export interface DaxConfig extends DaxSettings {
  /**
   * The subnet tier of the cluster.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

export interface DaxOptions {
  /** The tables DAX serves (listed before this component). */
  readonly tables: DynamoDbTablesComponent;
  readonly config: DaxConfig;
  /** @default 'dax' */
  readonly setting?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
}

const OUTPUTS = ['dax_cluster_address', 'dax_port', 'dax_configuration_endpoint'];

/**
 * A DAX cluster in front of the system's DynamoDB tables, in the primary Region: it serves the writer
 * Region's applications. Its construct id names no Region, so a Global Database switchover changes no
 * address (the cluster, a cache, is recreated in the new Region).
 */
export function daxCluster(options: DaxOptions): Component {
  const { subnetTier, ...settings } = options.config;
  return {
    setting: options.setting ?? 'dax',
    rules({ setting, environment }: ComponentCheck): ValidationRule[] {
      return [
        ...daxSettingsRules(setting, settings),
        ...daxNotificationTopicRule(setting, settings.notificationTopicArn, environment.primaryRegion),
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
    },
    build(stack: StackContext) {
      const dax = new DaxCluster(stack.scope, 'Dax', {
        ...settings,
        subnetTier,
        context: stack.region(stack.primaryRegion),
        tables: options.tables.tables.get().map((table) => ({ tableArn: table.arn, indexArns: table.indexArns })),
      });
      declareOutputs(
        stack.scope,
        [
          { name: 'dax_cluster_address', description: `DNS name of the DAX cluster in ${stack.primaryRegion} (TLS only)`, value: dax.clusterAddress },
          { name: 'dax_port', description: 'Port of the DAX cluster endpoint (9111: TLS)', value: dax.port },
          {
            name: 'dax_configuration_endpoint',
            description: 'DAX configuration endpoint (host:port) for DAX clients, used as daxs://<endpoint>',
            value: dax.configurationEndpoint,
          },
        ],
        options.outputs,
      );
    },
  };
}
