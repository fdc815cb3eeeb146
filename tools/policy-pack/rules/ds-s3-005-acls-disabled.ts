import { eachResource, PolicyRule } from '../rule';
import { bucketConfigurations } from '../terraform/buckets';
import { asBlocks } from '../terraform/stack-document';

export const rule: PolicyRule = {
  id: 'DS-S3-005',
  title: 'Bucket ACLs disabled',
  severity: 'warning',
  resourceTypes: ['aws_s3_bucket'],
  rationale: 'With object ownership BucketOwnerEnforced, ACLs are ignored and only the bucket policy and IAM decide access.',
  controls: ['S3.12'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (bucket) => {
      const ownership = bucketConfigurations(stack, bucket, 'aws_s3_bucket_ownership_controls').flatMap((controls) =>
        asBlocks(controls.body.rule).map((rule_) => rule_.object_ownership),
      );
      return ownership.includes('BucketOwnerEnforced') ? undefined : 'aws_s3_bucket_ownership_controls must set object_ownership = BucketOwnerEnforced';
    }),
};
