import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';

export interface EnhancedMonitoringRoleProps {
  /** The aws provider of the instances' Region (IAM is global; the role is per Region so its address follows the Region). */
  readonly provider: AwsProvider;
  /** The role's name (`gaming-platform-prod-aurora-monitoring-eu-west-2`). */
  readonly roleName: string;
}

/**
 * The role RDS Enhanced Monitoring assumes to publish OS metrics to CloudWatch Logs: trusted only by
 * monitoring.rds.amazonaws.com on behalf of this account, with AWS's managed policy for exactly that.
 */
export class EnhancedMonitoringRole extends Construct {
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: EnhancedMonitoringRoleProps) {
    super(scope, id);
    const { provider } = props;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      provider,
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['monitoring.rds.amazonaws.com'] }],
          // Confused-deputy guard: only on behalf of this account.
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: props.roleName,
      description: 'RDS Enhanced Monitoring publishes OS metrics to CloudWatch Logs',
      assumeRolePolicy: trust.json,
    });
    new IamRolePolicyAttachment(this, 'Policy', {
      provider,
      role: role.name,
      policyArn: `arn:${partition.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
    });
    this.roleArn = role.arn;
  }
}
