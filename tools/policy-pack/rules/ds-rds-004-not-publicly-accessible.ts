import { eachResource, PolicyRule } from '../rule';
import { isFalse } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-004',
  title: 'Databases not publicly accessible',
  severity: 'error',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
  rationale: 'A publicly accessible database gets a public DNS answer and, in a routed subnet, an address reachable from the internet.',
  controls: ['RDS.2', 'CKV_AWS_17'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const value = block.body.publicly_accessible;
      // Absent means the provider's default, false; anything but a literal false is a finding.
      return value === undefined || isFalse(value) ? undefined : `publicly_accessible must be false, got ${JSON.stringify(value)}`;
    }),
};
