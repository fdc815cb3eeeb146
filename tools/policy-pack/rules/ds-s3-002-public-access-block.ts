import { eachResource, PolicyRule } from '../rule';
import { bucketConfigurations } from '../terraform/buckets';
import { isTrue } from '../terraform/values';

const SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const rule: PolicyRule = {
  id: 'DS-S3-002',
  title: 'Bucket public access blocked',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  rationale: 'The four public access block settings stop an ACL or bucket policy, however written, from making the bucket public.',
  controls: ['S3.8', 'AwsSolutions-S2', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV2_AWS_6'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (bucket) => {
      const blocks = bucketConfigurations(stack, bucket, 'aws_s3_bucket_public_access_block');
      if (blocks.length === 0) return 'no aws_s3_bucket_public_access_block blocks public access';
      const missing = SETTINGS.filter((setting) => !blocks.some((block) => isTrue(block.body[setting])));
      return missing.length > 0 ? `the public access block must set ${missing.join(', ')} to true` : undefined;
    }),
};
