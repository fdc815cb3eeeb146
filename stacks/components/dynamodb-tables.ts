import {
  DynamoDbBilling,
  dynamoDbBillingRules,
  GlobalTable,
  OnDemandThroughput,
  TableDefinition,
  tableDefinitionRules,
  tableFeatureRules,
  TableFeatureSettings,
  tableRestoreRules,
} from '../../modules/dynamodb';
import { CustomerManagedKey } from '../../modules/kms';
import { regionConstructId } from '../../modules/regions';
import { describeValue, integerInRange, ValidationRule } from '../../modules/validation';
import { Built, Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputNames } from '../composition/outputs';
import { outputNamesRules } from './output-names';

/** An environment's settings for a system's DynamoDB tables. */
export interface DynamoDbTablesConfig {
  /** Capacity mode of every table and index (PROVISIONED adds target-tracking autoscaling). */
  readonly billing: DynamoDbBilling;
  /**
   * `deletion_protection_enabled` on every table and replica.
   * @default - the environment policy's deletionProtection
   */
  readonly deletionProtection?: boolean;
  /**
   * Average request latency (ms) of an alarmed operation above which its latency alarm fires.
   * @default 200
   */
  readonly requestLatencyThresholdMs?: number;
  /**
   * Caps of every on-demand table and GSI, in request units per second (a table's `tableSettings` may set its own).
   * @default - no cap
   */
  readonly onDemandThroughput?: OnDemandThroughput;
  /**
   * Days of point-in-time recovery of every table, 1-35.
   * @default 35 (DynamoDB's default)
   */
  readonly pointInTimeRecoveryDays?: number;
  /**
   * The deny-delete resource policy on every table and replica.
   * @default - on where deletion protection is on
   */
  readonly deletionGuard?: boolean;
  /**
   * Settings of individual tables by table name (caps, warm throughput, table class, Contributor Insights, index
   * options), over the environment-wide ones above.
   * @default - none
   */
  readonly tableSettings?: Readonly<Record<string, TableFeatureSettings>>;
  /**
   * Point-in-time restores by table name: each builds `<system>-<environment>-<table>-restored` in the primary
   * Region next to the live table, seeded from it (docs/dynamodb.md, Point-in-time restore).
   * @default - none
   */
  readonly restores?: Readonly<Record<string, TableRestoreConfig>>;
}

/** One point-in-time restore of a table into a table of its own. */
export interface TableRestoreConfig {
  /**
   * The time to restore to, RFC 3339 in UTC (`2026-01-01T10:00:00Z`).
   * @default - the latest restorable time
   */
  readonly pointInTime?: string;
  /**
   * The table restored from.
   * @default - the live table of the same name (`<system>-<environment>-<table>`)
   */
  readonly sourceTableName?: string;
  /**
   * Deletion protection of the restored table; turn it off before removing the restore.
   * @default - the environment policy's deletionProtection
   */
  readonly deletionProtection?: boolean;
}

export interface DynamoDbTablesOptions {
  /** The tables' designs (data: keys, indexes, TTL, access patterns). */
  readonly tables: readonly TableDefinition[];
  readonly config: DynamoDbTablesConfig;
  /** @default 'dynamodb' */
  readonly setting?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
}

/** A table's feature settings: its own over the environment-wide ones. */
function featuresOf(config: DynamoDbTablesConfig, table: string): TableFeatureSettings {
  return {
    onDemandThroughput: config.onDemandThroughput,
    pointInTimeRecoveryDays: config.pointInTimeRecoveryDays,
    deletionGuard: config.deletionGuard,
    ...config.tableSettings?.[table],
  };
}

/** `game-moves` -> `GameMoves`, for construct ids. */
function pascalCase(name: string): string {
  return name
    .split(/[-_.]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `game-moves` -> `game_moves`, for output map keys. */
function snakeCase(name: string): string {
  return name.replace(/[-.]/g, '_');
}

const OUTPUTS = ['dynamodb_table_names', 'dynamodb_table_arns', 'dynamodb_stream_arns', 'dynamodb_restored_table_names'];

/** The DynamoDB component: what DAX and others read of it once built. */
export interface DynamoDbTablesComponent extends Component {
  /** The tables, in the order of their definitions. */
  readonly tables: Built<readonly GlobalTable[]>;
}

/**
 * A system's DynamoDB tables: global tables replicated to the environment's secondaryRegion when it has one,
 * a customer-managed key per Region, alarms in every Region, and outputs mapping each table to its name,
 * ARN and stream ARN.
 */
export function dynamoDbTables(options: DynamoDbTablesOptions): DynamoDbTablesComponent {
  const built = new Built<readonly GlobalTable[]>('the DynamoDB tables');
  const { config, tables: definitions } = options;
  return {
    setting: options.setting ?? 'dynamodb',
    tables: built,
    rules({ setting }: ComponentCheck): ValidationRule[] {
      return [
        ...dynamoDbBillingRules(`${setting}.billing`, config.billing),
        ...(config.requestLatencyThresholdMs === undefined ? [] : [integerInRange(`${setting}.requestLatencyThresholdMs`, config.requestLatencyThresholdMs, 1, 60000)]),
        ...definitions.flatMap((definition) => tableDefinitionRules(`${setting}.tables.${definition.name}`, definition)),
        ...Object.keys(config.tableSettings ?? {}).map((table) => ({
          condition: definitions.some((definition) => definition.name === table),
          message: `${setting}.tableSettings names table ${describeValue(table)}, which the system does not define (its tables: ${definitions.map((definition) => definition.name).join(', ')})`,
        })),
        ...tableFeatureRules(setting, { onDemandThroughput: config.onDemandThroughput, pointInTimeRecoveryDays: config.pointInTimeRecoveryDays }, [], config.billing),
        ...Object.entries(config.tableSettings ?? {}).flatMap(([table, settings]) =>
          tableFeatureRules(`${setting}.tableSettings.${table}`, settings, (definitions.find((definition) => definition.name === table)?.globalSecondaryIndexes ?? []).map((index) => index.name), config.billing),
        ),
        ...Object.entries(config.restores ?? {}).flatMap(([table, restore]) => [
          {
            condition: definitions.some((definition) => definition.name === table),
            message: `${setting}.restores names table ${describeValue(table)}, which the system does not define (its tables: ${definitions.map((definition) => definition.name).join(', ')})`,
          },
          ...tableRestoreRules(`${setting}.restores.${table}`, { sourceTableName: restore.sourceTableName ?? 'placeholder', pointInTime: restore.pointInTime }),
        ]),
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
    },
    build(stack: StackContext) {
      const { naming, policy } = stack;
      const [primaryRegion, ...replicaRegions] = stack.regions;
      const keys = new Map(
        stack.regions.map((region) => [
          region,
          new CustomerManagedKey(stack.scope, `DynamoDbKey${regionConstructId(region)}`, {
            provider: stack.region(region).provider,
            description: `Encrypts the ${naming.prefix} DynamoDB tables in ${region}`,
            aliasName: naming.name('dynamodb', region),
            preventDestroy: policy.preventDestroy,
          }),
        ]),
      );
      const tables = built.set(
        definitions.map(
          (definition) =>
            new GlobalTable(stack.scope, `DynamoDbTable${pascalCase(definition.name)}`, {
              context: stack.region(primaryRegion),
              definition,
              kmsKeyArn: keys.get(primaryRegion)!.arn,
              replicas: replicaRegions.map((region) => ({ context: stack.region(region), kmsKeyArn: keys.get(region)!.arn })),
              billing: config.billing,
              deletionProtection: config.deletionProtection,
              requestLatencyThresholdMs: config.requestLatencyThresholdMs,
              ...featuresOf(config, definition.name),
              setting: `dynamodb.tables.${definition.name}`,
            }),
        ),
      );
      // Side by side with the live table, single-Region and never prevent_destroy: a restore is temporary.
      const restored = Object.entries(config.restores ?? {}).map(([name, restore]) => {
        const definition = definitions.find((candidate) => candidate.name === name)!;
        return new GlobalTable(stack.scope, `DynamoDbTable${pascalCase(name)}Restored`, {
          context: stack.region(primaryRegion),
          definition,
          tableName: naming.name(name, 'restored'),
          kmsKeyArn: keys.get(primaryRegion)!.arn,
          billing: config.billing,
          deletionProtection: restore.deletionProtection ?? config.deletionProtection,
          preventDestroy: false,
          restore: { sourceTableName: restore.sourceTableName ?? naming.name(name), pointInTime: restore.pointInTime },
          // Restored only once the live table's state is known, never in the same apply that creates it.
          dependsOn: [tables[definitions.indexOf(definition)].table],
          requestLatencyThresholdMs: config.requestLatencyThresholdMs,
          setting: `dynamodb.restores.${name}`,
        });
      });
      const byTable = (value: (table: GlobalTable) => string) =>
        Object.fromEntries(definitions.map((definition, i) => [snakeCase(definition.name), value(tables[i])]));
      declareOutputs(
        stack.scope,
        [
          { name: 'dynamodb_table_names', description: 'DynamoDB table names by table (the same in every Region of a global table)', value: byTable((table) => table.tableName) },
          { name: 'dynamodb_table_arns', description: `DynamoDB table ARNs by table, in the primary Region (${primaryRegion})`, value: byTable((table) => table.arn) },
          {
            name: 'dynamodb_stream_arns',
            description: `DynamoDB stream ARNs (NEW_AND_OLD_IMAGES) by table, in the primary Region (${primaryRegion})`,
            value: byTable((table) => table.streamArn),
          },
          ...(restored.length === 0
            ? []
            : [
                {
                  name: 'dynamodb_restored_table_names',
                  description: `Restored DynamoDB tables by table, in the primary Region (${primaryRegion})`,
                  value: Object.fromEntries(restored.map((table, i) => [snakeCase(Object.keys(config.restores!)[i]), table.tableName])),
                },
              ]),
        ],
        options.outputs,
      );
    },
  };
}
