import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { RegionalProviders } from '../../modules/providers';
import { StateBucket } from '../../modules/state-bucket';
import { defaultTags, REQUIRED_TERRAFORM_VERSION } from '../composition/system-stack';

export const STATE_BACKEND_STACK = 'state-backend';

/**
 * Where the bootstrap stack keeps its own state: a local file outside cdktf.out (so re-synthesizing never
 * deletes it), relative to the stack's directory so the JSON holds no path of the build machine.
 */
export const STATE_BACKEND_LOCAL_STATE = '../../../terraform-state/state-backend.tfstate';

export interface StateBackendStackProps {
  /** The state bucket's name. */
  readonly bucketName: string;
  /** The state bucket's Region. */
  readonly region: string;
}

/**
 * Bootstraps the S3 bucket every environment keeps its state in. It cannot keep its own state in
 * that bucket before the bucket exists, so its state is local (docs/state.md).
 */
export class StateBackendStack extends TerraformStack {
  public readonly stateBucket: StateBucket;

  constructor(scope: Construct, props: StateBackendStackProps) {
    super(scope, STATE_BACKEND_STACK);
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    new LocalBackend(this, { path: STATE_BACKEND_LOCAL_STATE });
    const providers = new RegionalProviders(this, 'Providers', {
      primaryRegion: props.region,
      regions: [props.region],
      defaultTags: { ...defaultTags('datastack', 'shared'), Component: 'terraform-state' },
    });
    this.stateBucket = new StateBucket(this, 'StateBucket', {
      provider: providers.forRegion(props.region),
      bucketName: props.bucketName,
    });
    new TerraformOutput(this, 'state_bucket_name', {
      description: 'The S3 bucket that keeps every environment\'s Terraform state',
      value: this.stateBucket.bucket.bucket,
    });
    new TerraformOutput(this, 'state_bucket_kms_key_arn', {
      description: 'The KMS key that encrypts the state bucket',
      value: this.stateBucket.key.arn,
    });
  }
}
