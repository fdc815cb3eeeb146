import { DynamoDbBilling, dynamoDbBillingRules, GlobalTable, TableDefinition, tableDefinitionRules } from '../../modules/dynamodb';
import { CustomerManagedKey } from '../../modules/kms';
import { regionConstructId } from '../../modules/regions';
import { integerInRange, ValidationRule } from '../../modules/validation';
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

const OUTPUTS = ['dynamodb_table_names', 'dynamodb_table_arns', 'dynamodb_stream_arns'];

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
              setting: `dynamodb.tables.${definition.name}`,
            }),
        ),
      );
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
        ],
        options.outputs,
      );
    },
  };
}
