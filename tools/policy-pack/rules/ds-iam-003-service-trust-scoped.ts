import { eachResource, PolicyRule } from '../rule';
import { hasConditionOn, resolvePolicy, servicePrincipals } from '../terraform/iam-policies';

export const rule: PolicyRule = {
  id: 'DS-IAM-003',
  title: 'Service roles trust their service for this account only',
  severity: 'warning',
  resourceTypes: ['aws_iam_role'],
  rationale: 'A trust policy naming a service principal without aws:SourceAccount or aws:SourceArn lets that service assume the role on behalf of another account: the confused deputy.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (role) => {
      const trust = resolvePolicy(stack, role.body.assume_role_policy);
      if (trust.kind !== 'resolved') return `the trust policy cannot be read: ${trust.kind === 'unknown' ? trust.reason : 'it is empty'}`;
      return trust.statements
        .filter((statement) => statement.effect === 'Allow' && servicePrincipals(statement).length > 0 && !hasConditionOn(statement, 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID'))
        .map((statement) => `${servicePrincipals(statement).join(', ')} may assume the role with no aws:SourceAccount or aws:SourceArn condition`);
    }),
};
