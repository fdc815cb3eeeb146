import { DynamodbTable, DynamodbTableGlobalSecondaryIndex, DynamodbTableLocalSecondaryIndex } from '@cdktf/provider-aws/lib/dynamodb-table';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Annotations, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmTopics } from '../alarms/alarm-topics';
import { createMetricAlarm } from '../alarms/metric-alarm';
import { awsRegionRule, regionConstructId } from '../regions/aws-regions';
import { assertValid, describeValue, integerInRange, ValidationRule } from '../validation';
import { DEFAULT_SYSTEM_ERROR_OPERATIONS, tableAlarmSpecs } from './table-alarms';
import { TableAutoscaling } from './table-autoscaling';
import { DEFAULT_TARGET_UTILIZATION_PERCENT, DynamoDbBilling, dynamoDbBillingRules } from './table-billing';
import { IndexProjection, indexNames, TableDefinition, tableDefinitionRules } from './table-definition';

/** A Region the global table is replicated to. */
export interface GlobalTableReplica {
  /** The replica's Region; must differ from the table's own Region. */
  readonly region: string;
  /** The aws provider of that Region (for its autoscaling and alarms). */
  readonly provider: AwsProvider;
  /** The customer-managed KMS key of that Region that encrypts the replica. */
  readonly kmsKeyArn: string;
  /**
   * The alarm topics of that Region; alarms on the replica notify them.
   * @default - no alarms on the replica
   */
  readonly alarmTopics?: AlarmTopics;
}

export interface GlobalTableProps {
  /** The aws provider of the table's own (primary) Region. */
  readonly provider: AwsProvider;
  /** The table's own Region. */
  readonly region: string;
  /** The physical table name (the same in every Region of a global table). */
  readonly tableName: string;
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
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Adds `lifecycle { prevent_destroy = true }`: Terraform refuses any plan that destroys the table.
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * The table's Region's alarm topics; alarms on the table notify them.
   * @default - no alarms in the table's Region
   */
  readonly alarmTopics?: AlarmTopics;
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

function tableLifecycle(preventDestroy: boolean, provisioned: boolean): TerraformResourceLifecycle | undefined {
  if (!preventDestroy && !provisioned) return undefined;
  return {
    preventDestroy: preventDestroy || undefined,
    // Autoscaling owns provisioned capacity. Terraform cannot ignore the capacity inside one GSI
    // block, so it ignores the GSI blocks: index changes need this lifted for one apply (docs/dynamodb.md).
    ignoreChanges: provisioned ? ['read_capacity', 'write_capacity', 'global_secondary_index'] : undefined,
  };
}

/**
 * A DynamoDB table, global when it has replicas: SSE with a customer-managed key per Region,
 * point-in-time recovery and deletion protection on the table and every replica, streams
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

  constructor(scope: Construct, id: string, props: GlobalTableProps) {
    super(scope, id);
    const { definition, provider } = props;
    const replicas = props.replicas ?? [];
    const billing: DynamoDbBilling = props.billing ?? { mode: 'PAY_PER_REQUEST' };
    const deletionProtection = props.deletionProtection ?? true;
    const preventDestroy = props.preventDestroy ?? false;
    const systemErrorOperations = props.systemErrorOperations ?? DEFAULT_SYSTEM_ERROR_OPERATIONS;
    const replicationLatencyThresholdMs = props.replicationLatencyThresholdMs ?? 60000;
    const setting = props.setting ?? `dynamodb.tables.${definition?.name}`;

    assertValid([
      ...globalTableRules(setting, { definition, region: props.region, replicaRegions: replicas.map((replica) => replica.region), billing }),
      integerInRange(`${setting}.replicationLatencyThresholdMs`, replicationLatencyThresholdMs, 1000, 3600000),
    ]);
    if (!deletionProtection) {
      Annotations.of(this).addWarning(`${setting}.deletionProtection is off: ${props.tableName} and its replicas can be deleted by one API call`);
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
    }));
    const lsis: DynamodbTableLocalSecondaryIndex[] = (definition.localSecondaryIndexes ?? []).map((index) => ({
      name: index.name,
      rangeKey: index.rangeKey,
      ...projection(index.projection),
    }));

    this.table = new DynamodbTable(this, 'Table', {
      provider,
      name: props.tableName,
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
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: deletionProtection,
      replica:
        replicas.length > 0
          ? replicas.map((replica) => ({
              regionName: replica.region,
              kmsKeyArn: replica.kmsKeyArn,
              pointInTimeRecovery: true,
              propagateTags: true,
              deletionProtectionEnabled: deletionProtection,
            }))
          : undefined,
      lifecycle: tableLifecycle(preventDestroy, provisioned !== undefined),
    });
    this.tableName = this.table.name;
    this.arn = this.table.arn;
    this.streamArn = this.table.streamArn;
    this.indexArns = indexNames(definition).map((name) => `${this.table.arn}/index/${name}`);

    const regions = [
      { region: props.region, provider, alarmTopics: props.alarmTopics },
      ...replicas.map((replica) => ({ region: replica.region, provider: replica.provider, alarmTopics: replica.alarmTopics })),
    ];
    for (const { region, provider: regionProvider, alarmTopics } of regions) {
      const regionId = regionConstructId(region);
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
      if (alarmTopics) {
        const specs = tableAlarmSpecs({
          tableName: props.tableName,
          region,
          receivingRegions: regions.map((other) => other.region).filter((other) => other !== region),
          systemErrorOperations,
          replicationLatencyThresholdMs,
        });
        for (const spec of specs) {
          createMetricAlarm(this, `Alarm-${spec.name}`, { provider: regionProvider, alarmNamePrefix: props.tableName, topics: alarmTopics, spec });
        }
      }
    }
  }
}
