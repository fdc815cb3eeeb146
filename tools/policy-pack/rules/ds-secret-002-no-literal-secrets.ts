import { PolicyRule, RuleFinding } from '../rule';
import { asBlocks } from '../terraform/stack-document';
import { isExpression, walkArguments } from '../terraform/values';

// Argument names that hold a secret (with or without the write-only `_wo` suffix).
const SECRET_ARGUMENT = /(^|_)(password|passwd|auth_token|token|secret_string|secret_binary|secret_key|access_key|private_key|api_key|client_secret)(_wo)?$/;
// Environment variable names that hold a secret (but not the ARN or name of one).
const SECRET_VARIABLE = /(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|ACCESS_KEY)/i;
const SECRET_POINTER = /_(ARN|NAME|ID|URL|ENDPOINT|HOST|PORT)$/i;

function isSecretPath(path: readonly string[], body: Readonly<Record<string, unknown>>, type: string): boolean {
  const argument = path[path.length - 1] ?? '';
  if (path.length >= 3 && path[path.length - 2] === 'variables') return SECRET_VARIABLE.test(argument) && !SECRET_POINTER.test(argument);
  if (type === 'aws_ssm_parameter' && (argument === 'value' || argument === 'value_wo')) return body.type === 'SecureString';
  return SECRET_ARGUMENT.test(argument);
}

function literalSecrets(address: string, type: string, body: Readonly<Record<string, unknown>>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  walkArguments(body, (path, leaf) => {
    if (typeof leaf === 'string' && leaf !== '' && !isExpression(leaf) && isSecretPath(path, body, type)) {
      findings.push({ address, message: `${path.join('.')} holds a literal secret (${leaf.length} characters) in the synthesized JSON; generate it (ephemeral random_password) or read it from Secrets Manager` });
    }
  });
  return findings;
}

export const rule: PolicyRule = {
  id: 'DS-SECRET-002',
  title: 'No secret written literally in the configuration',
  severity: 'error',
  resourceTypes: ['*'],
  rationale: 'A literal password, token or key in cdk.tf.json is in every checkout, CI log and plan file that ever held it.',
  controls: ['CKV_AWS_41', 'CKV_AWS_45'],
  check: (stack) => [
    ...stack.allBlocks().flatMap((block) => literalSecrets(block.address, block.type, block.body)),
    ...Object.entries(stack.json.provider ?? {}).flatMap(([name, configurations]) =>
      asBlocks(configurations).flatMap((configuration) =>
        literalSecrets(`provider.${name}${typeof configuration.alias === 'string' ? `.${configuration.alias}` : ''}`, name, configuration),
      ),
    ),
  ],
};
