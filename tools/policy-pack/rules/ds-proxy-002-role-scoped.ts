import { eachResource, PolicyRule } from '../rule';
import { hasConditionOn, resolvePolicy, servicePrincipals } from '../terraform/iam-policies';
import { rolePermissions } from '../terraform/iam-roles';
import { referencesIn, resolve } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';

const SECRET_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];

function problems(stack: StackDocument, proxy: TerraformBlock): string[] {
  const role = resolve(stack, proxy.body.role_arn);
  if (role.kind !== 'block' || role.block.type !== 'aws_iam_role') return [`role_arn ${JSON.stringify(proxy.body.role_arn ?? null)} is not an aws_iam_role of this stack, so its permissions cannot be checked`];
  const found: string[] = [];
  const trust = resolvePolicy(stack, role.block.body.assume_role_policy);
  if (trust.kind !== 'resolved') found.push(`${role.block.address} trust policy cannot be read`);
  else {
    const others = trust.statements.flatMap(servicePrincipals).filter((principal) => principal !== 'rds.amazonaws.com');
    if (others.length > 0 || trust.statements.some((statement) => statement.principals.some((principal) => principal.type !== 'Service'))) {
      found.push(`${role.block.address} must be assumable by rds.amazonaws.com only`);
    }
  }
  const secrets = new Set(asBlocks(proxy.body.auth).flatMap((auth) => referencesIn(auth.secret_arn).map((reference) => reference.address)));
  const { policies, managedPolicyArns } = rolePermissions(stack, role.block);
  for (const attached of managedPolicyArns) found.push(`${attached.declaredBy.address} attaches ${attached.arn}; the proxy role needs only its own secrets`);
  for (const { declaredBy, policy } of policies) {
    if (policy.kind !== 'resolved') {
      found.push(`${declaredBy.address}: the policy cannot be read`);
      continue;
    }
    for (const statement of policy.statements.filter((candidate) => candidate.effect === 'Allow')) {
      const label = `${declaredBy.address} statement ${statement.sid ?? '(no sid)'}`;
      const isSecretRead = statement.actions.every((action) => SECRET_ACTIONS.includes(action));
      const isDecrypt = statement.actions.every((action) => action === 'kms:Decrypt');
      if (isSecretRead) {
        const outside = statement.resources.filter((resource) => !referencesIn(resource).some((reference) => secrets.has(reference.address)));
        if (outside.length > 0) found.push(`${label} reads secrets other than the proxy's auth secrets: ${outside.join(', ')}`);
      } else if (isDecrypt) {
        if (!hasConditionOn(statement, 'kms:ViaService')) found.push(`${label} allows kms:Decrypt without a kms:ViaService condition (Secrets Manager only)`);
      } else {
        found.push(`${label} allows ${statement.actions.join(', ')}; the proxy role may only read its secrets and decrypt them through Secrets Manager`);
      }
    }
  }
  return found;
}

export const rule: PolicyRule = {
  id: 'DS-PROXY-002',
  title: 'RDS Proxy role reads only its own secrets',
  severity: 'error',
  resourceTypes: ['aws_db_proxy'],
  rationale: 'The proxy role holds database credentials: it must be assumable by RDS alone and read only the secrets in the proxy auth, decrypting through Secrets Manager.',
  controls: ['AwsSolutions-IAM5', 'CKV_AWS_355'],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => problems(stack, block)),
};
