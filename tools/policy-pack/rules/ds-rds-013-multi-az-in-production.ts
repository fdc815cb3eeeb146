import { eachResource, PolicyRule } from '../rule';
import { blocksReferencing } from '../terraform/references';
import { isTrue, isUnset } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-RDS-013',
  title: 'Multi-AZ in production',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'A production database with one instance is down for the whole of an instance or Availability Zone failure; a second one fails over in about a minute.',
  controls: ['RDS.5', 'RDS.15', 'AwsSolutions-RDS3', 'CKV_AWS_157'],
  check: (stack) =>
    stack.isProduction
      ? eachResource(stack, rule.resourceTypes, (block) => {
          if (block.type === 'aws_db_instance') {
            if (!isUnset(block.body.replicate_source_db)) return undefined;
            return isTrue(block.body.multi_az) ? undefined : 'multi_az must be true in production';
          }
          const instances = blocksReferencing(stack, block, 'aws_rds_cluster_instance').length;
          return instances >= 2 ? undefined : `a production cluster needs at least 2 aws_rds_cluster_instance (writer and a failover reader), got ${instances}`;
        })
      : [],
};
