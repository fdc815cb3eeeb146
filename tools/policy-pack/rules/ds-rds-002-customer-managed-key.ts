import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';

export const rule: PolicyRule = {
  id: 'DS-RDS-002',
  title: 'Aurora and RDS storage under a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'A customer-managed key puts who may decrypt the data, its snapshots and cross-Region copies in a key policy you own and audit.',
  controls: ['CKV_AWS_327', 'RDS.4'],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => customerManagedKeyProblem(stack, 'kms_key_id', block.body.kms_key_id)),
};
