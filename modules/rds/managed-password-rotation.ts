import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { Construct } from 'constructs';

export interface ManagedPasswordRotationProps {
  readonly provider: AwsProvider;
  /** The ARN of the secret RDS manages for the cluster (`master_user_secret[0].secret_arn`). */
  readonly secretArn: string;
  /** Days between rotations (1-365). */
  readonly rotationDays: number;
}

/**
 * The rotation schedule of an RDS-managed master secret. RDS rotates managed secrets itself (every 7 days
 * unless told otherwise); this sets the schedule explicitly through Secrets Manager, without a rotation
 * Lambda (`rotation_lambda_arn` is optional for managed secrets since aws provider 5.31).
 */
export class ManagedPasswordRotation extends Construct {
  constructor(scope: Construct, id: string, props: ManagedPasswordRotationProps) {
    super(scope, id);
    new SecretsmanagerSecretRotation(this, 'Rotation', {
      provider: props.provider,
      secretId: props.secretArn,
      rotationRules: { automaticallyAfterDays: props.rotationDays },
    });
  }
}
