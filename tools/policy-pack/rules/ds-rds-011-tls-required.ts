import { eachResource, PolicyRule } from '../rule';
import { resolve } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';
import { asLiteralString } from '../terraform/values';

// The parameter that makes the engine refuse unencrypted connections, and its accepted value.
const TLS_PARAMETER: Readonly<Record<string, { name: string; value: string }>> = {
  postgres: { name: 'rds.force_ssl', value: '1' },
  'aurora-postgresql': { name: 'rds.force_ssl', value: '1' },
  mysql: { name: 'require_secure_transport', value: 'ON' },
  'aurora-mysql': { name: 'require_secure_transport', value: 'ON' },
  mariadb: { name: 'require_secure_transport', value: 'ON' },
};

function problem(stack: StackDocument, block: TerraformBlock): string | undefined {
  const engine = asLiteralString(block.body.engine) ?? (block.type === 'aws_rds_cluster' ? 'aurora-postgresql' : 'postgres');
  const required = TLS_PARAMETER[engine];
  if (required === undefined) return undefined;
  const [argument, groupType] =
    block.type === 'aws_rds_cluster'
      ? ['db_cluster_parameter_group_name', 'aws_rds_cluster_parameter_group']
      : ['parameter_group_name', 'aws_db_parameter_group'];
  const group = resolve(stack, block.body[argument]);
  if (group.kind !== 'block' || group.block.type !== groupType) {
    return `${argument} must name an ${groupType} of this stack that sets ${required.name} = ${required.value}; ${group.kind === 'absent' ? 'it uses the default group' : `${JSON.stringify(block.body[argument])} cannot be read`}`;
  }
  const parameter = asBlocks(group.block.body.parameter).find((candidate) => candidate.name === required.name);
  const value = parameter === undefined ? undefined : String(parameter.value);
  return value?.toUpperCase() === required.value.toUpperCase()
    ? undefined
    : `${group.block.address} must set ${required.name} = ${required.value} so clients cannot connect without TLS, got ${JSON.stringify(value ?? null)}`;
}

export const rule: PolicyRule = {
  id: 'DS-RDS-011',
  title: 'Database connections require TLS',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'Only the parameter group can make PostgreSQL (rds.force_ssl) or MySQL (require_secure_transport) refuse a client that does not use TLS.',
  controls: ['CKV2_AWS_69'],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => problem(stack, block)),
};
