import { DynamodbContributorInsights } from '@cdktf/provider-aws/lib/dynamodb-contributor-insights';
import { DynamodbResourcePolicy } from '@cdktf/provider-aws/lib/dynamodb-resource-policy';
import { DynamodbTable, DynamodbTableGlobalSecondaryIndex, DynamodbTableLocalSecondaryIndex } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Annotations, Fn, ITerraformDependable, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { createMetricAlarm } from '../alarms';
import { RegionContext } from '../context';
import { awsRegionRule, regionConstructId } from '../regions';
import { assertValid, derivedNameRule, describeValue, integerInRange, nameRule, ValidationRule } from '../validation';
import { DYNAMODB_TABLE_NAME_LIMIT } from './table-name-limit';
import { OnDemandThroughput, tableFeatureRules, TableFeatureSettings, WarmThroughput } from './table-features';
import { DEFAULT_SYSTEM_ERROR_OPERATIONS, tableAlarmSpecs } from './table-alarms';
import { TableAutoscaling } from './table-autoscaling';
import { DEFAULT_TARGET_UTILIZATION_PERCENT, DynamoDbBilling, dynamoDbBillingRules } from './table-billing';
import { IndexProjection, indexNames, TableDefinition, tableDefinitionRules } from './table-definition';

/** A global table's defaults, in one place (docs/dynamodb.md quotes them; a test compares). */
export const GLOBAL_TABLE_DEFAULTS = {
  billing: { mode: 'PAY_PER_REQUEST' } as DynamoDbBilling,
  replicationLatencyThresholdMs: 60000,
  requestLatencyThresholdMs: 200,
  systemErrorOperations: DEFAULT_SYSTEM_ERROR_OPERATIONS,
} as const;

/** A Region the global table is replicated to. */
export interface GlobalTableReplica {
  /** The replica Region's context (its provider for autoscaling, its alarm topics). */
  readonly context: RegionContext;
  /** The customer-managed KMS key of that Region that encrypts the replica. */
  readonly kmsKeyArn: string;
}

/** A point-in-time restore that seeds a new table (`restore_source_name` with a time or the latest time). */
export interface TableRestore {
  /** The table to restore from, in this table's Region (its point-in-time recovery window must cover the time). */
  readonly sourceTableName: string;
  /**
   * The time to restore to, RFC 3339 in UTC (`2026-01-01T10:00:00Z`).
   * @default - the latest restorable time (about five minutes ago)
   */
  readonly pointInTime?: string;
}

export interface GlobalTableProps extends TableFeatureSettings {
  /** The table's own (primary) Region: provider, alarm topics, names, the environment's policy. */
  readonly context: RegionContext;
  /**
   * The physical table name (the same in every Region of a global table).
   * @default context.naming.name(definition.name): `<system>-<environment>-<table>`
   */
  readonly tableName?: string;
  /** Keys, indexes and TTL. */
  readonly definition: TableDefinition;
  /** The customer-managed KMS key of the table's Region. */
  readonly kmsKeyArn: string;
  /**
   * Replicas in other Regions (global tables version 2019.11.21).
   * @default - none: a single-Region table
   */
  readonly replicas?: readonly GlobalTableReplica[];
  /**
   * Capacity mode of the table and its GSIs.
   * @default { mode: 'PAY_PER_REQUEST' }
   */
  readonly billing?: DynamoDbBilling;
  /**
   * `deletion_protection_enabled` on the table and every replica: DeleteTable fails while it is on.
   * @default context.policy.deletionProtection
   */
  readonly deletionProtection?: boolean;
  /**
   * `prevent_destroy` on the table.
   * @default context.policy.preventDestroy
   */
  readonly preventDestroy?: boolean;
  /**
   * Seeds the new table from a point-in-time restore of another table; read only when the table is created
   * and ignored afterwards (docs/dynamodb.md, Point-in-time restore).
   * @default - an empty table
   */
  readonly restore?: TableRestore;
  /**
   * Resources the table waits for (a restored table waits for its source).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Operations whose SystemErrors are alarmed on (one alarm per operation and Region).
   * @default DEFAULT_SYSTEM_ERROR_OPERATIONS (GetItem, Query, PutItem, UpdateItem)
   */
  readonly systemErrorOperations?: readonly string[];
  /**
   * Average ReplicationLatency (ms) over three 5-minute periods above which the replication alarm fires.
   * @default 60000
   */
  readonly replicationLatencyThresholdMs?: number;
  /**
   * Average SuccessfulRequestLatency (ms) of an alarmed operation over three 5-minute periods above which its
   * latency alarm fires.
   * @default 200
   */
  readonly requestLatencyThresholdMs?: number;
  /**
   * The setting path that names this table in validation messages.
   * @default `dynamodb.tables.<definition.name>`
   */
  readonly setting?: string;
}

/** The subset of props the checks read; the environment validator passes the same shape. */
export interface GlobalTableRuleInput {
  readonly definition: TableDefinition;
  readonly region: string;
  readonly replicaRegions: readonly string[];
  readonly billing: DynamoDbBilling;
}

/** The checks of a table's replica Regions: known Regions, none the table's own, none twice. */
export function replicaRegionRules(setting: string, region: string, replicaRegions: readonly string[]): ValidationRule[] {
  return replicaRegions.flatMap((replicaRegion, i) => [
    awsRegionRule(`${setting}.replicas[${i}].region`, replicaRegion),
    {
      condition: replicaRegion !== region,
      message: `${setting}.replicas[${i}].region must differ from the table's own Region (${region}), got ${describeValue(replicaRegion)}`,
    },
    {
      condition: replicaRegions.indexOf(replicaRegion) === i,
      message: `${setting}.replicas[${i}].region must name each Region once, got ${describeValue(replicaRegion)} again`,
    },
  ]);
}

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The checks of a point-in-time restore: a source table name and, when given, a UTC time. */
export function tableRestoreRules(setting: string, restore: TableRestore | undefined): ValidationRule[] {
  if (restore === undefined) return [];
  const rules = [nameRule(`${setting}.sourceTableName`, restore.sourceTableName, DYNAMODB_TABLE_NAME_LIMIT)];
  if (restore.pointInTime !== undefined) {
    rules.push({
      condition: RFC3339_UTC.test(restore.pointInTime) && !Number.isNaN(Date.parse(restore.pointInTime)),
      message: `${setting}.pointInTime must be an RFC 3339 time in UTC such as "2026-01-01T10:00:00Z", got ${describeValue(restore.pointInTime)}`,
    });
  }
  return rules;
}

/** Every check of a global table, before any resource exists. */
export function globalTableRules(setting: string, input: GlobalTableRuleInput): ValidationRule[] {
  return [
    ...tableDefinitionRules(setting, input.definition),
    ...dynamoDbBillingRules(`${setting}.billing`, input.billing),
    ...replicaRegionRules(setting, input.region, input.replicaRegions),
  ];
}

function projection(value: IndexProjection): { projectionType: string; nonKeyAttributes?: string[] } {
  if (value === 'ALL' || value === 'KEYS_ONLY') return { projectionType: value };
  return { projectionType: 'INCLUDE', nonKeyAttributes: [...value.include] };
}

/** The arguments that seed a new table from a restore, ForceNew in the provider. */
const RESTORE_ARGUMENTS = ['restore_source_name', 'restore_source_table_arn', 'restore_date_time', 'restore_to_latest_time'];

function tableLifecycle(preventDestroy: boolean, provisioned: boolean): TerraformResourceLifecycle {
  return {
    preventDestroy: preventDestroy || undefined,
    // Autoscaling owns provisioned capacity. Terraform cannot ignore the capacity inside one GSI
    // block, so it ignores the GSI blocks: index changes need this lifted for one apply (docs/dynamodb.md).
    // A restore is read at creation only: ignoring it lets it stay in (or leave) the configuration.
    ignoreChanges: [...(provisioned ? ['read_capacity', 'write_capacity', 'global_secondary_index'] : []), ...RESTORE_ARGUMENTS],
  };
}

function onDemand(value: OnDemandThroughput | undefined) {
  return value === undefined ? undefined : { maxReadRequestUnits: value.maxReadRequestUnits, maxWriteRequestUnits: value.maxWriteRequestUnits };
}

function warm(value: WarmThroughput | undefined) {
  return value === undefined ? undefined : { readUnitsPerSecond: value.readUnitsPerSecond, writeUnitsPerSecond: value.writeUnitsPerSecond };
}

/** A resource policy that denies deleting the table to everyone: lifting it is a change of its own. */
function deletionGuardPolicy(tableArn: string): string {
  return Fn.jsonencode({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyTableDeletion', Effect: 'Deny', Principal: '*', Action: 'dynamodb:DeleteTable', Resource: tableArn }],
  });
}

function restoreArguments(restore: TableRestore | undefined) {
  if (restore === undefined) return {};
  return restore.pointInTime === undefined
    ? { restoreSourceName: restore.sourceTableName, restoreToLatestTime: true }
    : { restoreSourceName: restore.sourceTableName, restoreDateTime: restore.pointInTime };
}

/**
 * A DynamoDB table, global when it has replicas: SSE with a customer-managed key per Region,
 * point-in-time recovery, deletion protection and a deny-delete resource policy on the table and every replica,
 * optional on-demand caps, warm throughput, table class and Contributor Insights, streams
 * (NEW_AND_OLD_IMAGES, which global tables need), TTL when the definition has one, target-tracking
 * autoscaling in every Region when provisioned, and alarms per Region.
 */
export class GlobalTable extends Construct {
  public readonly table: DynamodbTable;
  /** The physical name. */
  public readonly tableName: string;
  /** The table's ARN in its own Region. */
  public readonly arn: string;
  /** The ARN of the table's stream in its own Region. */
  public readonly streamArn: string;
  /** The ARNs of the table's indexes (`<table arn>/index/<name>`), for IAM policies. */
  public readonly indexArns: string[];
  /** The customer-managed keys of the table and of each replica, in that order (backup and restore roles need them). */
  public readonly kmsKeyArns: readonly string[];

  constructor(scope: Construct, id: string, props: GlobalTableProps) {
    super(scope, id);
    const { definition, context } = props;
    const { provider, policy } = context;
    const replicas = props.replicas ?? [];
    this.kmsKeyArns = [props.kmsKeyArn, ...replicas.map((replica) => replica.kmsKeyArn)];
    const tableName = props.tableName ?? context.naming.name(definition.name);
    const billing: DynamoDbBilling = props.billing ?? GLOBAL_TABLE_DEFAULTS.billing;
    const deletionProtection = props.deletionProtection ?? policy.deletionProtection;
    const preventDestroy = props.preventDestroy ?? policy.preventDestroy;
    const systemErrorOperations = props.systemErrorOperations ?? GLOBAL_TABLE_DEFAULTS.systemErrorOperations;
    const replicationLatencyThresholdMs = props.replicationLatencyThresholdMs ?? GLOBAL_TABLE_DEFAULTS.replicationLatencyThresholdMs;
    const requestLatencyThresholdMs = props.requestLatencyThresholdMs ?? GLOBAL_TABLE_DEFAULTS.requestLatencyThresholdMs;
    const setting = props.setting ?? `dynamodb.tables.${definition?.name}`;

    assertValid([
      ...globalTableRules(setting, { definition, region: context.region, replicaRegions: replicas.map((replica) => replica.context.region), billing }),
      integerInRange(`${setting}.replicationLatencyThresholdMs`, replicationLatencyThresholdMs, 1000, 3600000),
      integerInRange(`${setting}.requestLatencyThresholdMs`, requestLatencyThresholdMs, 1, 60000),
      ...tableRestoreRules(`${setting}.restore`, props.restore),
      ...tableFeatureRules(setting, props, (definition.globalSecondaryIndexes ?? []).map((index) => index.name), billing),
      derivedNameRule(tableName, DYNAMODB_TABLE_NAME_LIMIT, `${setting}.name or the system name`),
    ]);
    if (!deletionProtection && policy.production) {
      Annotations.of(this).addWarning(`${setting}.deletionProtection is off: ${tableName} and its replicas can be deleted by one API call`);
    }

    const provisioned = billing.mode === 'PROVISIONED' ? billing : undefined;
    if (provisioned && replicas.length > 0) {
      // The replica blocks are part of the table resource, so they are created before the autoscaling
      // that depends on the table (terraform-provider-aws#13097, terraform-aws-dynamodb-table#109).
      Annotations.of(this).addWarning(
        `${setting}.billing is PROVISIONED with replicas: DynamoDB adds a replica only to a table whose write capacity is already autoscaled ("Table write capacity should either be Pay-Per-Request or AutoScaled"), so a new table needs a first apply without replicas (docs/dynamodb.md)`,
      );
    }
    const capacity = provisioned
      ? { readCapacity: provisioned.readCapacity.min, writeCapacity: provisioned.writeCapacity.min }
      : {};
    const gsis: DynamodbTableGlobalSecondaryIndex[] = (definition.globalSecondaryIndexes ?? []).map((index) => ({
      name: index.name,
      hashKey: index.hashKey,
      rangeKey: index.rangeKey,
      ...projection(index.projection),
      ...capacity,
      onDemandThroughput: onDemand(props.indexes?.[index.name]?.onDemandThroughput ?? props.onDemandThroughput),
      warmThroughput: warm(props.indexes?.[index.name]?.warmThroughput),
    }));
    const lsis: DynamodbTableLocalSecondaryIndex[] = (definition.localSecondaryIndexes ?? []).map((index) => ({
      name: index.name,
      rangeKey: index.rangeKey,
      ...projection(index.projection),
    }));

    this.table = new DynamodbTable(this, 'Table', {
      provider,
      name: tableName,
      billingMode: billing.mode,
      ...capacity,
      hashKey: definition.hashKey,
      rangeKey: definition.rangeKey,
      attribute: definition.attributes.map((attribute) => ({ name: attribute.name, type: attribute.type })),
      globalSecondaryIndex: gsis.length > 0 ? gsis : undefined,
      localSecondaryIndex: lsis.length > 0 ? lsis : undefined,
      ttl: definition.ttlAttribute === undefined ? undefined : { enabled: true, attributeName: definition.ttlAttribute },
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: props.pointInTimeRecoveryDays },
      onDemandThroughput: onDemand(props.onDemandThroughput),
      warmThroughput: warm(props.warmThroughput),
      tableClass: props.tableClass,
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: deletionProtection,
      ...restoreArguments(props.restore),
      replica:
        replicas.length > 0
          ? replicas.map((replica) => ({
              regionName: replica.context.region,
              kmsKeyArn: replica.kmsKeyArn,
              pointInTimeRecovery: true,
              propagateTags: true,
              deletionProtectionEnabled: deletionProtection,
            }))
          : undefined,
      lifecycle: tableLifecycle(preventDestroy, provisioned !== undefined),
      dependsOn: props.dependsOn,
    });
    this.tableName = this.table.name;
    this.arn = this.table.arn;
    this.streamArn = this.table.streamArn;
    this.indexArns = indexNames(definition).map((name) => `${this.table.arn}/index/${name}`);

    const regions = [
      { region: context.region, provider, alarmTopics: context.alarmTopics },
      ...replicas.map((replica) => ({ region: replica.context.region, provider: replica.context.provider, alarmTopics: replica.context.alarmTopics })),
    ];
    const deletionGuard = props.deletionGuard ?? deletionProtection;
    const insights = [
      ...(props.contributorInsights === true ? [undefined] : []),
      ...Object.entries(props.indexes ?? {}).filter(([, index]) => index.contributorInsights === true).map(([name]) => name),
    ];
    for (const { region, provider: regionProvider, alarmTopics } of regions) {
      const regionId = regionConstructId(region);
      // A replica's ARN is the table's with its Region.
      const regionArn = region === context.region ? this.table.arn : Fn.replace(this.table.arn, `:${context.region}:`, `:${region}:`);
      if (deletionGuard) {
        new DynamodbResourcePolicy(this, `DeletionGuard${regionId}`, { provider: regionProvider, resourceArn: regionArn, policy: deletionGuardPolicy(regionArn) });
      }
      for (const indexName of insights) {
        new DynamodbContributorInsights(this, `ContributorInsights${regionId}${indexName === undefined ? '' : `-${indexName}`}`, {
          provider: regionProvider,
          tableName: this.table.name,
          indexName,
        });
      }
      if (provisioned) {
        new TableAutoscaling(this, `Autoscaling${regionId}`, {
          provider: regionProvider,
          tableName: this.table.name,
          globalSecondaryIndexNames: gsis.map((index) => index.name),
          readCapacity: provisioned.readCapacity,
          writeCapacity: provisioned.writeCapacity,
          targetUtilizationPercent: provisioned.targetUtilizationPercent ?? DEFAULT_TARGET_UTILIZATION_PERCENT,
        });
      }
      const specs = tableAlarmSpecs({
        tableName,
        region,
        receivingRegions: regions.map((other) => other.region).filter((other) => other !== region),
        systemErrorOperations,
        replicationLatencyThresholdMs,
        requestLatencyThresholdMs,
      });
      for (const spec of specs) {
        createMetricAlarm(this, `Alarm-${spec.name}`, { provider: regionProvider, alarmNamePrefix: tableName, topics: alarmTopics, spec });
      }
    }
  }
}
