import { TerraformOutput } from 'cdktf';
import { DaxCluster } from '../../modules/dax/dax-cluster';
import { daxClusterName } from '../../modules/dax/dax-cluster-name';
import { GlobalTable } from '../../modules/dynamodb/global-table';
import { dynamoDbBillingRules } from '../../modules/dynamodb/table-billing';
import { tableDefinitionRules } from '../../modules/dynamodb/table-definition';
import { CustomerManagedKey } from '../../modules/kms/customer-managed-key';
import { defaultPreventDestroy } from '../../modules/lifecycle/environment-defaults';
import { regionConstructId } from '../../modules/regions/aws-regions';
import { ValidationRule } from '../../modules/validation';
import { GAMING_PLATFORM_TABLES } from './dynamodb-tables';
import { GamingPlatformEnvironment } from './gaming-platform-environment';
import type { GamingPlatformStack } from './gaming-platform-stack';

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

/**
 * The environment-level checks of the DynamoDB tier, with the modules' own rule functions: billing and
 * every table's definition. The replica Region is the secondary Region, which the common environment
 * rules already require to differ from the primary; GlobalTable checks it again when it is built.
 */
export function dynamoDbTierRules(setting: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  return [
    ...dynamoDbBillingRules(`${setting}.billing`, environment.dynamodb?.billing),
    ...GAMING_PLATFORM_TABLES.flatMap((definition) => tableDefinitionRules(`${setting}.tables.${definition.name}`, definition)),
  ];
}

/**
 * The gaming platform's DynamoDB tables (global tables replicated to the secondary Region when the
 * environment has one) with a customer-managed key per Region, and the DAX cluster in front of them
 * in the primary Region; their alarms notify the stack's topics; outputs for the applications.
 */
export function addDynamoDbTier(stack: GamingPlatformStack): void {
  const { config, naming } = stack;
  const [primaryRegion, ...replicaRegions] = stack.regions;
  const preventDestroy = defaultPreventDestroy(config.name);
  const deletionProtection = config.dynamodb.deletionProtection ?? true;

  const keys = new Map<string, CustomerManagedKey>();
  for (const region of stack.regions) {
    keys.set(
      region,
      new CustomerManagedKey(stack, `DynamoDbKey${regionConstructId(region)}`, {
        provider: stack.providers.forRegion(region),
        description: `Encrypts the ${naming.prefix} DynamoDB tables in ${region}`,
        aliasName: naming.name('dynamodb', region),
        preventDestroy,
      }),
    );
  }
  const keyArn = (region: string) => keys.get(region)!.arn;

  const tables = GAMING_PLATFORM_TABLES.map(
    (definition) =>
      new GlobalTable(stack, `DynamoDbTable${pascalCase(definition.name)}`, {
        provider: stack.providers.forRegion(primaryRegion),
        region: primaryRegion,
        tableName: naming.name(definition.name),
        definition,
        kmsKeyArn: keyArn(primaryRegion),
        replicas: replicaRegions.map((region) => ({
          region,
          provider: stack.providers.forRegion(region),
          kmsKeyArn: keyArn(region),
          alarmTopics: stack.alarmTopicsFor(region),
        })),
        billing: config.dynamodb.billing,
        deletionProtection,
        preventDestroy,
        alarmTopics: stack.alarmTopicsFor(primaryRegion),
        setting: `dynamodb.tables.${definition.name}`,
      }),
  );

  const network = stack.networkFor(primaryRegion);
  // DAX serves the writer Region's applications, so it follows primaryRegion; its id names no Region so a
  // Global Database switchover changes no address (the cluster, a cache, is recreated in the new Region).
  const dax = new DaxCluster(stack, 'Dax', {
    ...config.dax,
    provider: stack.providers.forRegion(primaryRegion),
    clusterName: daxClusterName(naming),
    namePrefix: naming.name('dax', primaryRegion),
    vpcId: network.vpcId,
    subnetIds: network.privateSubnetIds,
    applicationSecurityGroupIds: network.applicationSecurityGroupIds,
    tables: tables.map((table) => ({ tableArn: table.arn, indexArns: table.indexArns })),
    alarmTopics: stack.alarmTopicsFor(primaryRegion),
  });

  const byTable = (value: (table: GlobalTable) => string) =>
    Object.fromEntries(GAMING_PLATFORM_TABLES.map((definition, i) => [snakeCase(definition.name), value(tables[i])]));
  new TerraformOutput(stack, 'dynamodb_table_names', {
    description: 'DynamoDB table names by table (the same in every Region of a global table)',
    value: byTable((table) => table.tableName),
  });
  new TerraformOutput(stack, 'dynamodb_table_arns', {
    description: `DynamoDB table ARNs by table, in the primary Region (${primaryRegion})`,
    value: byTable((table) => table.arn),
  });
  new TerraformOutput(stack, 'dynamodb_stream_arns', {
    description: `DynamoDB stream ARNs (NEW_AND_OLD_IMAGES) by table, in the primary Region (${primaryRegion})`,
    value: byTable((table) => table.streamArn),
  });
  new TerraformOutput(stack, 'dax_cluster_address', {
    description: `DNS name of the DAX cluster in ${primaryRegion} (TLS only)`,
    value: dax.clusterAddress,
  });
  new TerraformOutput(stack, 'dax_port', {
    description: 'Port of the DAX cluster endpoint (9111: TLS)',
    value: dax.port,
  });
  new TerraformOutput(stack, 'dax_configuration_endpoint', {
    description: 'DAX configuration endpoint (host:port) for DAX clients, used as daxs://<endpoint>',
    value: dax.configurationEndpoint,
  });
}
