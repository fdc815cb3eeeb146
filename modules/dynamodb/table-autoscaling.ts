import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { CapacityRange } from './table-billing';

export interface TableAutoscalingProps {
  /** The aws provider of the Region whose table (or replica) scales. */
  readonly provider: AwsProvider;
  /** The table's name (a reference to the table resource, so scaling waits for the table). */
  readonly tableName: string;
  /** The table's GSIs; each scales on its own. */
  readonly globalSecondaryIndexNames: readonly string[];
  /** Read capacity bounds. */
  readonly readCapacity: CapacityRange;
  /** Write capacity bounds. */
  readonly writeCapacity: CapacityRange;
  /** The consumed/provisioned percentage to keep. */
  readonly targetUtilizationPercent: number;
}

type Dimension = 'Read' | 'Write';

/**
 * Target-tracking autoscaling of a provisioned table's reads and writes, for the table and each
 * GSI, in one Region. Application Auto Scaling uses its service-linked role (created on first use).
 */
export class TableAutoscaling extends Construct {
  constructor(scope: Construct, id: string, props: TableAutoscalingProps) {
    super(scope, id);
    const targets = [
      { idPrefix: 'Table', resourceId: `table/${props.tableName}`, kind: 'table' },
      ...props.globalSecondaryIndexNames.map((name) => ({
        idPrefix: `Index-${name}`,
        resourceId: `table/${props.tableName}/index/${name}`,
        kind: 'index',
      })),
    ];
    for (const target of targets) {
      for (const dimension of ['Read', 'Write'] as Dimension[]) {
        const range = dimension === 'Read' ? props.readCapacity : props.writeCapacity;
        const scalable = new AppautoscalingTarget(this, `${target.idPrefix}-${dimension}Target`, {
          provider: props.provider,
          serviceNamespace: 'dynamodb',
          resourceId: target.resourceId,
          scalableDimension: `dynamodb:${target.kind}:${dimension}CapacityUnits`,
          minCapacity: range.min,
          maxCapacity: range.max,
        });
        new AppautoscalingPolicy(this, `${target.idPrefix}-${dimension}Policy`, {
          provider: props.provider,
          name: `${dimension}CapacityUtilization:${scalable.resourceId}`,
          policyType: 'TargetTrackingScaling',
          serviceNamespace: scalable.serviceNamespace,
          resourceId: scalable.resourceId,
          scalableDimension: scalable.scalableDimension,
          targetTrackingScalingPolicyConfiguration: {
            targetValue: props.targetUtilizationPercent,
            predefinedMetricSpecification: { predefinedMetricType: `DynamoDB${dimension}CapacityUtilization` },
          },
        });
      }
    }
  }
}
