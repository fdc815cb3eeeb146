import { PolicyRule, RuleFinding } from '../rule';
import { identityPolicies } from '../terraform/iam-roles';

/**
 * Actions that AWS documents as taking no resource ARN (or needing "*"): the network-interface
 * actions Lambda uses to attach a function to a VPC (AWSLambdaVPCAccessExecutionRole), X-Ray
 * segments, custom metrics and the caller's identity.
 */
export const ACTIONS_THAT_NEED_ALL_RESOURCES = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeVpcs',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'cloudwatch:PutMetricData',
  'sts:GetCallerIdentity',
];

export const rule: PolicyRule = {
  id: 'DS-IAM-002',
  title: 'Resource "*" only for actions that take no resource',
  severity: 'error',
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  rationale: 'Resource "*" on an action that accepts ARNs (kms:Decrypt, secretsmanager:GetSecretValue, dynamodb:*Item) reaches every key, secret or table in the account.',
  controls: ['AwsSolutions-IAM5', 'KMS.1', 'KMS.2', 'CKV_AWS_355', 'CKV_AWS_356'],
  check: (stack) =>
    identityPolicies(stack).flatMap(({ declaredBy, policy }): RuleFinding[] => {
      if (policy.kind !== 'resolved') return []; // DS-IAM-001 reports a policy it cannot read
      return policy.statements
        .filter((statement) => statement.effect === 'Allow' && (statement.resources.includes('*') || statement.notResources.length > 0))
        .flatMap((statement) => {
          const restrictable = statement.actions.filter((action) => !ACTIONS_THAT_NEED_ALL_RESOURCES.includes(action));
          return restrictable.length > 0
            ? [{ address: declaredBy.address, message: `statement ${statement.sid ?? '(no sid)'} allows ${restrictable.join(', ')} on every resource; name the resources` }]
            : [];
        });
    }),
};
