import { eachResource, PolicyRule } from '../rule';
import { hasWildcardPrincipal, resolvePolicy } from '../terraform/iam-policies';
import { blocksReferencing } from '../terraform/references';
import { StackDocument, TerraformBlock } from '../terraform/stack-document';

/** The key's policy: its own `policy` argument, or an aws_kms_key_policy that targets it. */
export function keyPolicyValue(stack: StackDocument, key: TerraformBlock): unknown {
  return key.body.policy ?? blocksReferencing(stack, key, 'aws_kms_key_policy')[0]?.body.policy;
}

export const rule: PolicyRule = {
  id: 'DS-KMS-002',
  title: 'KMS key policy stated, no open principal',
  severity: 'error',
  resourceTypes: ['aws_kms_key'],
  rationale: 'Without an explicit key policy AWS applies its default; an Allow to principal "*" without a condition opens the key to every account.',
  controls: ['KMS.5', 'CKV_AWS_33', 'CKV2_AWS_64'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const policy = resolvePolicy(stack, keyPolicyValue(stack, block));
      if (policy.kind === 'absent') return 'the key has no policy of its own (policy or aws_kms_key_policy)';
      if (policy.kind === 'unknown') return `the key policy cannot be read: ${policy.reason}`;
      return policy.statements
        .filter((statement) => statement.effect === 'Allow' && hasWildcardPrincipal(statement) && statement.conditions.length === 0)
        .map((statement) => `statement ${statement.sid ?? '(no sid)'} allows ${statement.actions.join(', ')} to any principal without a condition`);
    }),
};
