import { eachResource, PolicyRule } from '../rule';
import { bucketConfigurations } from '../terraform/buckets';
import { resolvePolicy } from '../terraform/iam-policies';
import { refersTo } from '../terraform/references';
import { deniesInsecureTransport } from './ds-sns-003-tls-only-topic-policy';

export const rule: PolicyRule = {
  id: 'DS-S3-003',
  title: 'Bucket refuses requests without TLS',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  rationale: 'Only a bucket policy denying aws:SecureTransport=false, on the bucket and its objects, stops a client from reading or writing state over plain HTTP.',
  controls: ['S3.5', 'AwsSolutions-S10'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (bucket) => {
      const policies = bucketConfigurations(stack, bucket, 'aws_s3_bucket_policy').map((policy) => resolvePolicy(stack, policy.body.policy));
      if (policies.length === 0) return 'no aws_s3_bucket_policy denies requests without TLS';
      const unreadable = policies.find((policy) => policy.kind !== 'resolved');
      if (unreadable?.kind === 'unknown') return `the bucket policy cannot be read: ${unreadable.reason}`;
      const denials = policies.flatMap((policy) => (policy.kind === 'resolved' ? policy.statements : [])).filter(deniesInsecureTransport);
      const coversBucket = denials.some((statement) => statement.resources.some((resource) => refersTo(resource, bucket.address) && !resource.endsWith('/*')));
      const coversObjects = denials.some((statement) => statement.resources.some((resource) => refersTo(resource, bucket.address) && resource.endsWith('/*')));
      return coversBucket && coversObjects ? undefined : 'the bucket policy must deny aws:SecureTransport = false on the bucket and on its objects (<arn>/*)';
    }),
};
