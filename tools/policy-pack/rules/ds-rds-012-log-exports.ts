import { eachResource, PolicyRule } from '../rule';
import { asLiteralString, asStringList } from '../terraform/values';

const REQUIRED_EXPORTS: Readonly<Record<string, string>> = {
  postgres: 'postgresql',
  'aurora-postgresql': 'postgresql',
  mysql: 'error',
  'aurora-mysql': 'error',
};

export const rule: PolicyRule = {
  id: 'DS-RDS-012',
  title: 'Database log exported to CloudWatch Logs',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'Without the engine log in CloudWatch Logs, failed logins, errors and slow statements are gone when the instance rotates its files.',
  controls: ['RDS.9', 'RDS.36', 'RDS.37', 'CKV_AWS_129', 'CKV_AWS_324'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const engine = asLiteralString(block.body.engine) ?? (block.type === 'aws_rds_cluster' ? 'aurora-postgresql' : 'postgres');
      const required = REQUIRED_EXPORTS[engine];
      const exports = asStringList(block.body.enabled_cloudwatch_logs_exports);
      return required === undefined || exports.includes(required)
        ? undefined
        : `enabled_cloudwatch_logs_exports must include "${required}", got ${JSON.stringify(exports)}`;
    }),
};
