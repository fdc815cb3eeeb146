import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Testing } from 'cdktf';
import { StateBackendStack } from '../../../stacks/state-backend/state-backend-stack';

function synthStateBackend(): { text: string; json: any } {
  const stack = new StateBackendStack(Testing.app(), { bucketName: 'example-terraform-state', region: 'eu-west-2' });
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text) };
}

describe('state-backend stack', () => {
  const { text, json } = synthStateBackend();

  test('GIVEN the bootstrap stack WHEN synthesized THEN its own state is local, outside cdktf.out, by a relative path', () => {
    expect(json.terraform.backend).toEqual({ local: { path: '../../../terraform-state/state-backend.tfstate' } });
  });

  test('WHEN synthesized THEN the bucket is protected from destroy and never force-destroyed', () => {
    expect(text).toHaveResourceWithProperties(S3Bucket, {
      bucket: 'example-terraform-state',
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('WHEN synthesized THEN versioning is enabled', () => {
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
  });

  test('WHEN synthesized THEN objects are encrypted with SSE-KMS under the stack\'s own rotating key', () => {
    expect(text).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.StateBucket_Key_[0-9A-F]+\.arn\}$/) },
          bucket_key_enabled: true,
        },
      ],
    });
  });

  test('WHEN synthesized THEN all public access is blocked and ACLs are disabled', () => {
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(text).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: 'BucketOwnerEnforced' } });
  });

  test('WHEN synthesized THEN the bucket policy denies every request made without TLS', () => {
    const policies = Object.values(json.data.aws_iam_policy_document) as any[];
    const tlsOnly = policies.find((policy) => policy.statement[0].sid === 'DenyRequestsWithoutTls');
    expect(tlsOnly.statement[0]).toMatchObject({
      effect: 'Deny',
      actions: ['s3:*'],
      principals: [{ type: '*', identifiers: ['*'] }],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    });
    const bucketArn = `\${aws_s3_bucket.${Object.keys(json.resource.aws_s3_bucket)[0]}.arn}`;
    expect(tlsOnly.statement[0].resources).toEqual([bucketArn, `${bucketArn}/*`]);
    expect(json.resource.aws_s3_bucket_policy).toBeDefined();
  });

  test('WHEN synthesized THEN noncurrent state versions expire after 90 days', () => {
    expect(text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [expect.objectContaining({ status: 'Enabled', noncurrent_version_expiration: [{ noncurrent_days: 90 }] })],
    });
  });

  test('WHEN synthesized THEN it outputs the bucket name and key ARN', () => {
    expect(Object.keys(json.output).sort()).toEqual(['state_bucket_kms_key_arn', 'state_bucket_name']);
    expect(json.output.state_bucket_name.description).toMatch(/state/);
  });

  test('GIVEN a bucket name S3 rejects WHEN the stack is built THEN it fails naming the setting', () => {
    expect(() => new StateBackendStack(Testing.app(), { bucketName: 'Bad_Name', region: 'eu-west-2' })).toThrow(
      'stateBucket.bucketName must be an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens), got "Bad_Name"',
    );
  });
});
