import { eachResource, PolicyRule } from '../rule';

export const rule: PolicyRule = {
  id: 'DS-DAX-002',
  title: 'DAX endpoint encrypted in transit',
  severity: 'error',
  resourceTypes: ['aws_dax_cluster'],
  rationale: 'Without TLS, DAX serves items on 8111 in clear; encryption in transit can only be chosen when the cluster is created.',
  controls: ['DynamoDB.7', 'CKV_AWS_239'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      block.body.cluster_endpoint_encryption_type === 'TLS'
        ? undefined
        : `cluster_endpoint_encryption_type must be "TLS", got ${JSON.stringify(block.body.cluster_endpoint_encryption_type ?? null)}`,
    ),
};
