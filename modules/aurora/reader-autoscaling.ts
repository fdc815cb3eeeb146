import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AuroraReaderAutoscalingSettings, ReaderAutoscalingMetric } from './aurora-settings';

/** The defaults of reader autoscaling (docs/aurora.md quotes this table). */
export const AURORA_READER_AUTOSCALING_DEFAULTS = {
  metric: 'cpu' as ReaderAutoscalingMetric,
  targetCpuPercent: 70,
  targetConnections: 700,
  scaleInCooldownSeconds: 300,
  scaleOutCooldownSeconds: 300,
} as const;

/** The Application Auto Scaling metric of each choice: the average over the cluster's readers. */
export const READER_AUTOSCALING_METRICS: Readonly<Record<ReaderAutoscalingMetric, string>> = {
  cpu: 'RDSReaderAverageCPUUtilization',
  connections: 'RDSReaderAverageDatabaseConnections',
};

/** The target a metric is kept at unless `targetValue` says otherwise: 70 % CPU, or 700 connections per reader. */
export function defaultReaderAutoscalingTarget(metric: ReaderAutoscalingMetric): number {
  return metric === 'connections' ? AURORA_READER_AUTOSCALING_DEFAULTS.targetConnections : AURORA_READER_AUTOSCALING_DEFAULTS.targetCpuPercent;
}

export interface AuroraReaderAutoscalingProps extends AuroraReaderAutoscalingSettings {
  /** The aws provider of the cluster's Region. */
  readonly provider: AwsProvider;
  /** The cluster's identifier. */
  readonly clusterIdentifier: string;
  /** What must exist first: the cluster's instances (AWS scales only a cluster with an available writer). */
  readonly dependsOn: readonly ITerraformDependable[];
}

/**
 * Aurora Auto Scaling of a cluster's readers: a scalable target on `rds:cluster:ReadReplicaCount` and a
 * target-tracking policy on the readers' average CPU or connections. The readers it adds are created by
 * Application Auto Scaling (named `application-autoscaling-...`), not by Terraform: see docs/aurora.md.
 */
export class AuroraReaderAutoscaling extends Construct {
  public readonly target: AppautoscalingTarget;
  public readonly policy: AppautoscalingPolicy;

  constructor(scope: Construct, id: string, props: AuroraReaderAutoscalingProps) {
    super(scope, id);
    const metric = props.metric ?? AURORA_READER_AUTOSCALING_DEFAULTS.metric;
    this.target = new AppautoscalingTarget(this, 'Target', {
      provider: props.provider,
      serviceNamespace: 'rds',
      resourceId: `cluster:${props.clusterIdentifier}`,
      scalableDimension: 'rds:cluster:ReadReplicaCount',
      minCapacity: props.minReaders,
      maxCapacity: props.maxReaders,
      dependsOn: [...props.dependsOn],
    });
    this.policy = new AppautoscalingPolicy(this, 'Policy', {
      provider: props.provider,
      name: `${props.clusterIdentifier}-readers-${metric}`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.target.serviceNamespace,
      resourceId: this.target.resourceId,
      scalableDimension: this.target.scalableDimension,
      targetTrackingScalingPolicyConfiguration: {
        predefinedMetricSpecification: { predefinedMetricType: READER_AUTOSCALING_METRICS[metric] },
        targetValue: props.targetValue ?? defaultReaderAutoscalingTarget(metric),
        scaleInCooldown: props.scaleInCooldownSeconds ?? AURORA_READER_AUTOSCALING_DEFAULTS.scaleInCooldownSeconds,
        scaleOutCooldown: props.scaleOutCooldownSeconds ?? AURORA_READER_AUTOSCALING_DEFAULTS.scaleOutCooldownSeconds,
      },
    });
  }
}
