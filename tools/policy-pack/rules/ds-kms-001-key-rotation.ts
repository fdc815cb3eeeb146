import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-KMS-001',
  title: 'KMS key rotation on',
  severity: 'error',
  resourceTypes: ['aws_kms_key'],
  rationale: 'Yearly rotation limits how much data one key version protects; asymmetric and HMAC keys cannot rotate and are not checked.',
  controls: ['KMS.4', 'AwsSolutions-KMS5', 'CKV_AWS_7'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const spec = block.body.customer_master_key_spec ?? block.body.key_spec ?? 'SYMMETRIC_DEFAULT';
      if (spec !== 'SYMMETRIC_DEFAULT') return undefined;
      return isTrue(block.body.enable_key_rotation) ? undefined : 'enable_key_rotation must be true';
    }),
};
