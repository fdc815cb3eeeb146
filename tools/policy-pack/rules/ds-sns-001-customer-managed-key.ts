import { eachResource, PolicyRule } from '../rule';
import { customerManagedKeyProblem } from '../terraform/kms-keys';
import { blocksReferencing } from '../terraform/references';

// Resources that refer to a topic without publishing to it.
const NOT_PUBLISHERS = ['aws_sns_topic_subscription', 'aws_sns_topic_policy', 'aws_sns_topic_data_protection_policy'];

export const rule: PolicyRule = {
  id: 'DS-SNS-001',
  title: 'SNS topics encrypted with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_sns_topic'],
  rationale:
    'Alarm and event messages name hosts, tables and failures; a customer-managed key also lets the publishing services in, which the AWS managed aws/sns key cannot (a topic only ElastiCache publishes to is exempt: ElastiCache cannot publish to encrypted topics).',
  controls: ['SNS.1', 'CKV_AWS_26'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const publishers = blocksReferencing(stack, block).filter((candidate) => !NOT_PUBLISHERS.includes(candidate.type));
      if (publishers.length > 0 && publishers.every((publisher) => publisher.type.startsWith('aws_elasticache_'))) return undefined;
      return customerManagedKeyProblem(stack, 'kms_master_key_id', block.body.kms_master_key_id);
    }),
};
