import { eachResource, PolicyRule } from '../rule';
import { isUnset } from '../terraform/values';

// Arguments that store a secret in Terraform state, and their write-only counterpart (Terraform >= 1.11).
const STATE_STORED: Readonly<Record<string, readonly { argument: string; writeOnly: string }[]>> = {
  aws_rds_cluster: [{ argument: 'master_password', writeOnly: 'master_password_wo (or manage_master_user_password)' }],
  aws_db_instance: [{ argument: 'password', writeOnly: 'password_wo (or manage_master_user_password)' }],
  aws_docdb_cluster: [{ argument: 'master_password', writeOnly: 'master_password_wo' }],
  aws_redshift_cluster: [{ argument: 'master_password', writeOnly: 'master_password_wo' }],
  aws_secretsmanager_secret_version: [
    { argument: 'secret_string', writeOnly: 'secret_string_wo' },
    { argument: 'secret_binary', writeOnly: 'secret_string_wo (base64 text)' },
  ],
  aws_ssm_parameter: [{ argument: 'value', writeOnly: 'value_wo' }],
};

export const rule: PolicyRule = {
  id: 'DS-SECRET-003',
  title: 'Secrets written write-only, never into state',
  severity: 'error',
  resourceTypes: Object.keys(STATE_STORED),
  rationale: 'Terraform stores ordinary arguments in state in plain text; write-only arguments reach the API and are never stored.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (block.type === 'aws_ssm_parameter' && block.body.type !== 'SecureString') return undefined;
      return STATE_STORED[block.type]
        .filter(({ argument }) => !isUnset(block.body[argument]))
        .map(({ argument, writeOnly }) => `${argument} is stored in Terraform state in plain text; write it with ${writeOnly}`);
    }),
};
