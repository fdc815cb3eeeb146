import { PolicyRule, RuleFinding } from '../rule';
import { identityPolicies } from '../terraform/iam-roles';

export const rule: PolicyRule = {
  id: 'DS-IAM-001',
  title: 'No wildcard actions in identity policies',
  severity: 'error',
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  rationale: 'Action "*" or "service:*" grants every present and future action of a service; NotAction with Allow grants everything else.',
  controls: ['IAM.1', 'IAM.21', 'AwsSolutions-IAM5', 'CKV_AWS_1', 'CKV_AWS_49', 'CKV_AWS_62', 'CKV_AWS_63'],
  check: (stack) =>
    identityPolicies(stack).flatMap(({ declaredBy, policy }): RuleFinding[] => {
      if (policy.kind === 'unknown') return [{ address: declaredBy.address, message: `the policy cannot be read, so its actions cannot be checked: ${policy.reason}` }];
      if (policy.kind === 'absent') return [];
      return policy.statements
        .filter((statement) => statement.effect === 'Allow')
        .flatMap((statement) => {
          const wildcards = statement.actions.filter((action) => action === '*' || action.endsWith(':*'));
          const label = `statement ${statement.sid ?? '(no sid)'}`;
          return [
            ...(wildcards.length > 0 ? [{ address: declaredBy.address, message: `${label} allows ${wildcards.join(', ')}; list the actions` }] : []),
            ...(statement.notActions.length > 0 ? [{ address: declaredBy.address, message: `${label} allows everything but ${statement.notActions.join(', ')} (NotAction)` }] : []),
          ];
        });
    }),
};
