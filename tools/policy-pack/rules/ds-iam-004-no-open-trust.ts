import { eachResource, PolicyRule } from '../rule';
import { hasWildcardPrincipal, resolvePolicy } from '../terraform/iam-policies';

export const rule: PolicyRule = {
  id: 'DS-IAM-004',
  title: 'No role assumable by any principal',
  severity: 'error',
  resourceTypes: ['aws_iam_role'],
  rationale: 'A trust policy allowing principal "*" without a condition lets any AWS account assume the role.',
  controls: ['CKV_AWS_60', 'CKV_AWS_61'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (role) => {
      const trust = resolvePolicy(stack, role.body.assume_role_policy);
      if (trust.kind !== 'resolved') return undefined; // DS-IAM-003 reports a trust policy it cannot read
      return trust.statements.some((statement) => statement.effect === 'Allow' && hasWildcardPrincipal(statement) && statement.conditions.length === 0)
        ? 'the trust policy lets any principal ("*") assume the role'
        : undefined;
    }),
};
