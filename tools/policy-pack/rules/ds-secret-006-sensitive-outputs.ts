import { PolicyRule } from '../rule';
import { referencesIn } from '../terraform/references';

// Attributes that hold a secret value (not a pointer to one).
const SECRET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  random_password: ['result', 'bcrypt_hash'],
  'ephemeral.random_password': ['result'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  'data.aws_secretsmanager_secret_version': ['secret_string', 'secret_binary'],
  aws_db_instance: ['password'],
  aws_rds_cluster: ['master_password'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_iam_access_key: ['secret', 'ses_smtp_password_v4'],
};

function secretReferences(value: unknown): string[] {
  return referencesIn(value)
    .filter((reference) => {
      const type = reference.address.split('.').slice(0, -1).join('.');
      return reference.attribute !== undefined && (SECRET_ATTRIBUTES[type] ?? []).includes(reference.attribute);
    })
    .map((reference) => `${reference.address}.${reference.attribute}`);
}

export const rule: PolicyRule = {
  id: 'DS-SECRET-006',
  title: 'Outputs that carry a secret are sensitive',
  severity: 'error',
  resourceTypes: ['output'],
  rationale: 'An output not marked sensitive prints its value in every plan, apply and CI log.',
  controls: [],
  check: (stack) =>
    stack.outputs().flatMap(([name, output]) => {
      const secrets = secretReferences(output.value);
      return secrets.length > 0 && output.sensitive !== true
        ? [{ address: `output.${name}`, message: `carries ${secrets.join(', ')} and must be marked sensitive = true` }]
        : [];
    }),
};
