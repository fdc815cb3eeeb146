import { eachResource, PolicyRule } from '../rule';
import { hasWildcardPrincipal, PolicyStatement, resolvePolicy } from '../terraform/iam-policies';
import { blocksReferencing } from '../terraform/references';

/** A statement that denies every request made without TLS (`aws:SecureTransport` false). */
export function deniesInsecureTransport(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Deny' &&
    hasWildcardPrincipal(statement) &&
    statement.conditions.some(
      (condition) => condition.test === 'Bool' && condition.variable.toLowerCase() === 'aws:securetransport' && condition.values.includes('false'),
    )
  );
}

export const rule: PolicyRule = {
  id: 'DS-SNS-003',
  title: 'SNS topics refuse publishers without TLS',
  severity: 'warning',
  resourceTypes: ['aws_sns_topic'],
  rationale: 'A topic policy denying aws:SecureTransport=false keeps any publisher or subscriber API call off plaintext HTTP.',
  controls: ['AwsSolutions-SNS3'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const policies = [block.body.policy, ...blocksReferencing(stack, block, 'aws_sns_topic_policy').map((policy) => policy.body.policy)];
      const statements = policies.flatMap((value) => {
        const policy = resolvePolicy(stack, value);
        return policy.kind === 'resolved' ? policy.statements : [];
      });
      return statements.some(deniesInsecureTransport) ? undefined : 'no topic policy denies requests with aws:SecureTransport = false';
    }),
};
