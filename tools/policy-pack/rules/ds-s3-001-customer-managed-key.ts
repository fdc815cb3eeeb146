import { eachResource, PolicyRule } from '../rule';
import { bucketConfigurations } from '../terraform/buckets';
import { customerManagedKeyProblem } from '../terraform/kms-keys';
import { asBlocks } from '../terraform/stack-document';

export const rule: PolicyRule = {
  id: 'DS-S3-001',
  title: 'Buckets encrypted with a customer-managed key',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  rationale: 'Terraform state holds every resource attribute, secrets included; SSE-KMS with a customer-managed key adds a key policy to the bucket policy.',
  controls: ['S3.17', 'CKV_AWS_145'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (bucket) => {
      const defaults = bucketConfigurations(stack, bucket, 'aws_s3_bucket_server_side_encryption_configuration').flatMap((configuration) =>
        asBlocks(configuration.body.rule).flatMap((rule_) => asBlocks(rule_.apply_server_side_encryption_by_default)),
      );
      if (defaults.length === 0) return 'no aws_s3_bucket_server_side_encryption_configuration sets default encryption (S3 falls back to SSE-S3)';
      return defaults.flatMap((encryption) => {
        if (encryption.sse_algorithm !== 'aws:kms' && encryption.sse_algorithm !== 'aws:kms:dsse') return [`sse_algorithm must be aws:kms, got ${JSON.stringify(encryption.sse_algorithm)}`];
        const problem = customerManagedKeyProblem(stack, 'kms_master_key_id', encryption.kms_master_key_id);
        return problem ? [problem] : [];
      });
    }),
};
