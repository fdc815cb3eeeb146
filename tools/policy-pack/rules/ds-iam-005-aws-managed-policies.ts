import { PolicyRule, RuleFinding } from '../rule';
import { awsManagedPolicyName, rolePermissions } from '../terraform/iam-roles';

/** AWS managed policies written for one service's role and scoped by AWS to what it needs. */
export const ACCEPTED_MANAGED_POLICIES = [
  'service-role/AmazonRDSEnhancedMonitoringRole',
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'service-role/AWSBackupServiceRolePolicyForRestores',
];

export const rule: PolicyRule = {
  id: 'DS-IAM-005',
  title: 'AWS managed policies only where AWS scopes them to one service',
  severity: 'warning',
  resourceTypes: ['aws_iam_role_policy_attachment', 'aws_iam_role'],
  rationale: 'AWS managed policies change without notice and are usually broader than one role needs; only the service-role policies AWS writes for RDS monitoring and AWS Backup are accepted.',
  controls: ['AwsSolutions-IAM4', 'CKV_AWS_274', 'CKV2_AWS_56'],
  check: (stack) =>
    stack.resources('aws_iam_role').flatMap((role) =>
      rolePermissions(stack, role)
        .managedPolicyArns.filter(({ arn }) => {
          const name = awsManagedPolicyName(arn.replace(/^arn:\$\{[^}]+\}:/, 'arn:aws:'));
          return name === undefined ? false : !ACCEPTED_MANAGED_POLICIES.includes(name);
        })
        .map(({ declaredBy, arn }): RuleFinding => ({ address: declaredBy.address, message: `attaches the AWS managed policy ${arn} to ${role.address}; write a policy with the actions the role needs` })),
    ),
};
