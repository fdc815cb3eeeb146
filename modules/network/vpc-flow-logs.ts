import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { EncryptedLogGroup } from '../logs';
import { FlowLogTrafficType } from './vpc-network-settings';

/** What CloudWatch Logs delivery of flow logs needs on the log group (the group itself is created here). */
export const FLOW_LOG_DELIVERY_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'] as const;

export interface VpcFlowLogsProps {
  readonly provider: AwsProvider;
  readonly region: string;
  readonly vpcId: string;
  /** The VPC's physical name (`content-hub-prod-vpc-us-east-1`): names the log group, its key and the role. */
  readonly vpcName: string;
  readonly trafficType: FlowLogTrafficType;
  readonly maxAggregationIntervalSeconds: number;
  readonly retentionInDays: number;
  /** `lifecycle { prevent_destroy }` on the log group and its key. */
  readonly preventDestroy: boolean;
}

/**
 * VPC flow logs into a CloudWatch Logs group of their own (KMS-encrypted, kept `retentionInDays`), delivered
 * by a role that only vpc-flow-logs.amazonaws.com may assume, on behalf of this account's flow logs in this
 * Region, and that may write to that log group only.
 */
export class VpcFlowLogs extends Construct {
  public readonly flowLog: FlowLog;
  public readonly logGroup: EncryptedLogGroup;
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { provider, region, vpcName } = props;
    this.logGroup = new EncryptedLogGroup(this, 'Logs', {
      provider,
      region,
      name: `/aws/vpc/flow-logs/${vpcName}`,
      writer: `the flow logs of ${vpcName}`,
      keyAliasName: `${vpcName}-flow-logs`,
      retentionInDays: props.retentionInDays,
      preventDestroy: props.preventDestroy,
    });

    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      provider,
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          // Confused-deputy guard, as the VPC guide documents it: this account's flow logs in this Region only.
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partition.partition}:ec2:${region}:${account.accountId}:vpc-flow-log/*`] },
          ],
        },
      ],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: `${vpcName}-flow-logs`.slice(0, 64),
      description: `VPC flow logs of ${vpcName} deliver to ${this.logGroup.name}`,
      assumeRolePolicy: trust.json,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider,
      statement: [
        {
          sid: 'DeliverToOwnLogGroup',
          actions: [...FLOW_LOG_DELIVERY_ACTIONS],
          // The group (DescribeLogStreams) and its streams (CreateLogStream, PutLogEvents).
          resources: [this.logGroup.arn, `${this.logGroup.arn}:*`],
        },
      ],
    });
    const rolePolicy = new IamRolePolicy(this, 'RolePolicy', { provider, name: 'flow-logs-delivery', role: role.id, policy: policy.json });
    this.roleArn = role.arn;

    this.flowLog = new FlowLog(this, 'FlowLog', {
      provider,
      vpcId: props.vpcId,
      trafficType: props.trafficType,
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: props.maxAggregationIntervalSeconds,
      tags: { Name: vpcName },
      // Delivery starts at once: the role must already be allowed to write.
      dependsOn: [rolePolicy],
    });
  }
}
