import { eachResource, PolicyRule } from '../rule';
import { bucketConfigurations } from '../terraform/buckets';
import { asBlocks } from '../terraform/stack-document';

export const rule: PolicyRule = {
  id: 'DS-S3-004',
  title: 'Bucket versioning enabled',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  rationale: 'Versioning keeps every earlier state file, so a corrupted or deleted state can be recovered.',
  controls: ['S3.14', 'CKV_AWS_21'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (bucket) => {
      const statuses = bucketConfigurations(stack, bucket, 'aws_s3_bucket_versioning').flatMap((versioning) =>
        asBlocks(versioning.body.versioning_configuration).map((configuration) => configuration.status),
      );
      return statuses.includes('Enabled') ? undefined : 'no aws_s3_bucket_versioning enables versioning';
    }),
};
