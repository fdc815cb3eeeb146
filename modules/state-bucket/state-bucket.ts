import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { CustomerManagedKey } from '../kms';
import { assertValid, integerInRange, matches, ValidationRule } from '../validation';

/** Validation rule: S3 bucket naming (3-63 lowercase letters, digits, dots and hyphens, alphanumeric at both ends). */
export function bucketNameRule(setting: string, value: string | undefined): ValidationRule {
  return matches(setting, value, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)');
}

export interface StateBucketProps {
  /** The aws provider of the bucket's Region. */
  readonly provider: AwsProvider;
  /** The bucket's globally unique name; every S3 backend setting names it. */
  readonly bucketName: string;
  /**
   * Days a replaced or deleted state version is kept before it expires.
   * @default 90
   */
  readonly noncurrentVersionRetentionDays?: number;
}

/**
 * The S3 bucket that holds every environment's Terraform state.
 *
 * Versioned (a bad apply can be rolled back to an earlier state version), encrypted with a key of its
 * own, closed to the public, reachable only over TLS, and protected from `terraform destroy`.
 */
export class StateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly key: CustomerManagedKey;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    const noncurrentVersionRetentionDays = props.noncurrentVersionRetentionDays ?? 90;
    assertValid([
      bucketNameRule('stateBucket.bucketName', props.bucketName),
      integerInRange('stateBucket.noncurrentVersionRetentionDays', noncurrentVersionRetentionDays, 1, 3650),
    ]);
    const { provider } = props;

    this.key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts the Terraform state in ${props.bucketName}`,
      aliasName: props.bucketName,
      preventDestroy: true,
    });
    this.bucket = new S3Bucket(this, 'Bucket', {
      provider,
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;

    new S3BucketOwnershipControls(this, 'Ownership', { provider, bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketVersioningA(this, 'Versioning', { provider, bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      provider,
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.arn }, bucketKeyEnabled: true }],
    });
    new S3BucketLifecycleConfiguration(this, 'Lifecycle', {
      provider,
      bucket,
      rule: [
        {
          id: 'expire-noncurrent-state-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: noncurrentVersionRetentionDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });

    const denyInsecureTransport = new DataAwsIamPolicyDocument(this, 'TlsOnlyPolicy', {
      provider,
      statement: [
        {
          sid: 'DenyRequestsWithoutTls',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['s3:*'],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new S3BucketPolicy(this, 'Policy', { provider, bucket, policy: denyInsecureTransport.json });
  }
}
