import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { assertValid, integerInRange } from '../validation';

/** An AWS service allowed to use the key, e.g. CloudWatch Logs encrypting a log group. */
export interface KeyServiceGrant {
  /** The service principal, e.g. `logs.eu-west-2.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** The KMS actions the service may call, e.g. `['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*']`. */
  readonly actions: readonly string[];
  /**
   * Conditions narrowing the grant, e.g. the encryption context of one log group.
   * @default - no condition
   */
  readonly conditions?: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

export interface CustomerManagedKeyProps {
  /** The aws provider of the key's Region. */
  readonly provider: AwsProvider;
  /** What the key protects; shown in the KMS console. */
  readonly description: string;
  /** The alias name without the `alias/` prefix, from the naming helper (`gaming-platform-prod-aurora-eu-west-2`). */
  readonly aliasName: string;
  /**
   * Days KMS waits before deleting the key after it is scheduled for deletion.
   * @default 30
   * @see https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html (7-30)
   */
  readonly deletionWindowInDays?: number;
  /**
   * AWS services allowed to use the key beyond the account's IAM principals.
   * @default - none
   */
  readonly serviceGrants?: readonly KeyServiceGrant[];
  /**
   * Adds `lifecycle { prevent_destroy = true }`, so Terraform refuses to schedule the key's deletion.
   * @default false
   */
  readonly preventDestroy?: boolean;
}

/**
 * A customer-managed KMS key with yearly rotation, an explicit key policy and an alias.
 *
 * The key policy delegates administration to the account's IAM policies (the statement AWS
 * itself creates for new keys) and adds only the service grants asked for, so no principal
 * gets the key through the key policy by accident.
 */
export class CustomerManagedKey extends Construct {
  public readonly key: KmsKey;
  /** The key's ARN, for `kms_key_id` arguments and IAM policies. */
  public readonly arn: string;
  /** The key's ID. */
  public readonly keyId: string;
  /** The alias's ARN. */
  public readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const deletionWindowInDays = props.deletionWindowInDays ?? 30;
    assertValid([integerInRange('kms.deletionWindowInDays', deletionWindowInDays, 7, 30)]);

    const { provider } = props;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const partition = new DataAwsPartition(this, 'Partition', { provider });

    const statements: DataAwsIamPolicyDocumentStatement[] = [
      {
        sid: 'AccountAdministersKeyThroughIam',
        principals: [{ type: 'AWS', identifiers: [`arn:${partition.partition}:iam::${account.accountId}:root`] }],
        actions: ['kms:*'],
        // In a key policy "*" means this key and nothing else.
        resources: ['*'],
      },
      ...(props.serviceGrants ?? []).map((grant, index) => ({
        sid: `ServiceGrant${index}`,
        principals: [{ type: 'Service', identifiers: [grant.servicePrincipal] }],
        actions: [...grant.actions],
        resources: ['*'],
        condition: grant.conditions?.map((condition) => ({ ...condition, values: [...condition.values] })),
      })),
    ];
    const policy = new DataAwsIamPolicyDocument(this, 'Policy', { provider, statement: statements });

    this.key = new KmsKey(this, 'Key', {
      provider,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays,
      policy: policy.json,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    const alias = new KmsAlias(this, 'Alias', { provider, name: `alias/${props.aliasName}`, targetKeyId: this.key.keyId });
    this.arn = this.key.arn;
    this.keyId = this.key.keyId;
    this.aliasArn = alias.arn;
  }
}
