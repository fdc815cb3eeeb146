import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';

/** The AWS managed policies AWS Backup's own default role carries: take backups, and restore them. */
export const BACKUP_SERVICE_POLICIES = ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'] as const;

/** What the role may do with a customer-managed key: read and write encrypted backups and copies. */
export const BACKUP_KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

export interface BackupRoleProps {
  /** An aws provider (IAM is global; the primary Region's). */
  readonly provider: AwsProvider;
  /** The role's name (`gaming-platform-prod-backup`). */
  readonly roleName: string;
  /**
   * Every customer-managed key backups and restores touch: the vaults' keys and the protected resources' keys.
   * AWS Backup's jobs succeed without them but copy or restore nothing encrypted with a key the role cannot use.
   */
  readonly kmsKeyArns: readonly string[];
}

/**
 * The role AWS Backup assumes for backup, copy and restore jobs: trusted by backup.amazonaws.com (as AWS's
 * own default role, with no source condition: the service does not pass one when it assumes the role), with
 * AWS's two service policies and the use of the keys involved, through grants only for AWS resources.
 */
export class BackupRole extends Construct {
  public readonly roleArn: string;
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: BackupRoleProps) {
    super(scope, id);
    const { provider } = props;
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      provider,
      statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['backup.amazonaws.com'] }] }],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: props.roleName,
      description: 'AWS Backup takes, copies and restores the backups of this environment',
      assumeRolePolicy: trust.json,
    });
    for (const policy of BACKUP_SERVICE_POLICIES) {
      new IamRolePolicyAttachment(this, policy.replace('AWSBackupServiceRolePolicy', ''), {
        provider,
        role: role.name,
        policyArn: `arn:${partition.partition}:iam::aws:policy/service-role/${policy}`,
      });
    }
    const keys = [...new Set(props.kmsKeyArns)];
    if (keys.length > 0) {
      const keyPolicy = new DataAwsIamPolicyDocument(this, 'KeyPolicy', {
        provider,
        statement: [
          { sid: 'UseBackupKeys', actions: BACKUP_KEY_ACTIONS, resources: keys },
          {
            sid: 'GrantBackupKeysToAwsResources',
            actions: ['kms:CreateGrant'],
            resources: keys,
            condition: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
          },
        ],
      });
      new IamRolePolicy(this, 'Keys', { provider, role: role.id, name: 'backup-keys', policy: keyPolicy.json });
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
