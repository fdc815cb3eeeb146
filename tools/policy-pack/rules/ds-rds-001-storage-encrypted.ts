import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-001',
  title: 'Aurora and RDS storage encrypted',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance', 'aws_rds_global_cluster'],
  rationale: 'Unencrypted storage exposes the data, its snapshots and backups, and cannot be encrypted after creation.',
  controls: ['RDS.3', 'RDS.27', 'AwsSolutions-RDS2', 'CKV_AWS_16', 'CKV_AWS_96', 'CKV_AWS_140'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      isTrue(block.body.storage_encrypted) ? undefined : `storage_encrypted must be true, got ${JSON.stringify(block.body.storage_encrypted ?? null)}`,
    ),
};
