import { eachResource, PolicyRule } from '../rule';
import { PolicyStatement, resolvePolicy, servicePrincipals } from '../terraform/iam-policies';
import { resolveKey } from '../terraform/kms-keys';
import { refersTo } from '../terraform/references';
import { StackDocument, TerraformBlock } from '../terraform/stack-document';
import { isUnset } from '../terraform/values';
import { keyPolicyValue } from './ds-kms-002-key-policy';

// Who publishes to a topic, found by the argument that names it, and the service principal that
// must be allowed to use the topic's key. ElastiCache cannot use a key at all.
const PUBLISHERS: readonly { type: string; arguments: readonly string[]; service: string | undefined }[] = [
  { type: 'aws_cloudwatch_metric_alarm', arguments: ['alarm_actions', 'ok_actions', 'insufficient_data_actions'], service: 'cloudwatch.amazonaws.com' },
  { type: 'aws_cloudwatch_composite_alarm', arguments: ['alarm_actions', 'ok_actions', 'insufficient_data_actions'], service: 'cloudwatch.amazonaws.com' },
  { type: 'aws_db_event_subscription', arguments: ['sns_topic'], service: 'events.rds.amazonaws.com' },
  { type: 'aws_cloudwatch_event_target', arguments: ['arn'], service: 'events.amazonaws.com' },
  { type: 'aws_backup_vault_notifications', arguments: ['sns_topic_arn'], service: 'backup.amazonaws.com' },
  { type: 'aws_elasticache_replication_group', arguments: ['notification_topic_arn'], service: undefined },
];

const NEEDED_ACTIONS = [['kms:GenerateDataKey*', 'kms:GenerateDataKey'], ['kms:Decrypt']];

function allows(statements: readonly PolicyStatement[], service: string): boolean {
  const granted = statements.filter((statement) => statement.effect === 'Allow' && servicePrincipals(statement).includes(service)).flatMap((statement) => statement.actions);
  return NEEDED_ACTIONS.every((alternatives) => granted.some((action) => action === 'kms:*' || alternatives.includes(action)));
}

function problems(stack: StackDocument, topic: TerraformBlock): string[] {
  const publishers = PUBLISHERS.flatMap((publisher) =>
    stack.resources(publisher.type).filter((block) => publisher.arguments.some((argument) => refersTo(block.body[argument], topic.address))).map((block) => ({ block, service: publisher.service })),
  );
  // An unencrypted topic needs no key grant (DS-SNS-001 reports it when it should be encrypted).
  if (publishers.length === 0 || isUnset(topic.body.kms_master_key_id)) return [];
  const key = resolveKey(stack, topic.body.kms_master_key_id);
  const found: string[] = [];
  for (const { block, service } of publishers) {
    if (service === undefined) {
      found.push(`${block.address} publishes to it, and ElastiCache cannot publish to a KMS-encrypted topic: its notifications are dropped`);
      continue;
    }
    if (key.kind !== 'customer-managed') {
      found.push(`${block.address} publishes as ${service}, which needs kms:GenerateDataKey* and kms:Decrypt on the topic key; ${key.kind === 'aws-managed' ? 'the AWS managed key cannot grant them' : 'the key cannot be resolved in this stack'}`);
      continue;
    }
    const policy = resolvePolicy(stack, keyPolicyValue(stack, key.key));
    if (policy.kind !== 'resolved' || !allows(policy.statements, service)) {
      found.push(`${block.address} publishes as ${service}, but the policy of ${key.key.address} does not allow ${service} kms:GenerateDataKey* and kms:Decrypt: its messages are dropped`);
    }
  }
  return [...new Set(found)];
}

export const rule: PolicyRule = {
  id: 'DS-SNS-002',
  title: 'Topic keys let their publishers in',
  severity: 'error',
  resourceTypes: ['aws_sns_topic'],
  rationale: 'A service publishing to a KMS-encrypted topic whose key policy does not grant it kms:GenerateDataKey* and kms:Decrypt fails silently: the alarm fires and nobody is told.',
  controls: [],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => problems(stack, block)),
};
