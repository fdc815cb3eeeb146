// Identity policies and the roles they belong to: inline role/user/group policies, customer managed
// policies, a role's inline_policy blocks and attachments (managed policies by ARN).
import { PolicyResolution, resolvePolicy } from './iam-policies';
import { refersTo, resolve } from './references';
import { asBlocks, StackDocument, TerraformBlock } from './stack-document';
import { asStringList } from './values';

/** An identity policy document of the stack and the block that declares it. */
export interface IdentityPolicy {
  readonly declaredBy: TerraformBlock;
  readonly policy: PolicyResolution;
}

const POLICY_TYPES = ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

/** Every identity (permissions) policy the stack declares. */
export function identityPolicies(stack: StackDocument): IdentityPolicy[] {
  const standalone = stack.resources(...POLICY_TYPES).map((block) => ({ declaredBy: block, policy: resolvePolicy(stack, block.body.policy) }));
  const inline = stack
    .resources('aws_iam_role')
    .flatMap((role) => asBlocks(role.body.inline_policy).map((policy) => ({ declaredBy: role, policy: resolvePolicy(stack, policy.policy) })));
  return [...standalone, ...inline];
}

/** An AWS managed policy ARN (`arn:<partition>:iam::aws:policy/...`), or undefined for another value. */
export function awsManagedPolicyName(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(value) : null;
  return match?.[1];
}

/** The policies that give `role` its permissions, with what attaches a managed policy the stack does not define. */
export function rolePermissions(stack: StackDocument, role: TerraformBlock): { policies: IdentityPolicy[]; managedPolicyArns: { declaredBy: TerraformBlock; arn: string }[] } {
  const policies: IdentityPolicy[] = [
    ...asBlocks(role.body.inline_policy).map((policy) => ({ declaredBy: role, policy: resolvePolicy(stack, policy.policy) })),
    ...stack
      .resources('aws_iam_role_policy')
      .filter((block) => refersTo(block.body.role, role.address))
      .map((block) => ({ declaredBy: block, policy: resolvePolicy(stack, block.body.policy) })),
  ];
  const managedPolicyArns = asStringList(role.body.managed_policy_arns).map((arn) => ({ declaredBy: role, arn }));
  for (const attachment of stack.resources('aws_iam_role_policy_attachment').filter((block) => refersTo(block.body.role, role.address))) {
    const target = resolve(stack, attachment.body.policy_arn);
    if (target.kind === 'block' && target.block.type === 'aws_iam_policy') {
      policies.push({ declaredBy: attachment, policy: resolvePolicy(stack, target.block.body.policy) });
    } else {
      managedPolicyArns.push({ declaredBy: attachment, arn: String(attachment.body.policy_arn) });
    }
  }
  return { policies, managedPolicyArns };
}
