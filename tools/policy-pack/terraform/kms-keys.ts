// Which KMS key an encryption argument names: a customer-managed aws_kms_key of the stack (directly,
// through an aws_kms_alias, or an aws_kms_replica_key), an AWS managed key (alias/aws/...), or
// something the stack does not say (unknown).
import { resolve } from './references';
import { StackDocument, TerraformBlock } from './stack-document';

export type KeyResolution =
  | { readonly kind: 'customer-managed'; readonly key: TerraformBlock }
  | { readonly kind: 'aws-managed'; readonly value: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly value: string };

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;
const KEY_TYPES = ['aws_kms_key', 'aws_kms_replica_key'];

/** Resolves a `kms_key_id` / `kms_key_arn` / `kms_master_key_id` value. */
export function resolveKey(stack: StackDocument, value: unknown): KeyResolution {
  const resolution = resolve(stack, value);
  switch (resolution.kind) {
    case 'absent':
      return { kind: 'absent' };
    case 'literal':
      return AWS_MANAGED_ALIAS.test(resolution.value) ? { kind: 'aws-managed', value: resolution.value } : { kind: 'unknown', value: resolution.value };
    case 'unknown':
      return { kind: 'unknown', value: resolution.expression };
    case 'block': {
      const { block } = resolution;
      if (KEY_TYPES.includes(block.type)) return { kind: 'customer-managed', key: block };
      if (block.type === 'aws_kms_alias') return resolveKey(stack, block.body.target_key_id ?? block.body.target_key_arn);
      return { kind: 'unknown', value: String(value) };
    }
  }
}

/** Why `resolution` is not a customer-managed key, for a finding's message; undefined when it is one. */
export function describeNonCustomerManaged(setting: string, resolution: KeyResolution): string | undefined {
  switch (resolution.kind) {
    case 'customer-managed':
      return undefined;
    case 'absent':
      return `${setting} is not set, so an AWS owned or AWS managed key encrypts it (no key policy of yours, no rotation control, no cross-account or audit control)`;
    case 'aws-managed':
      return `${setting} is the AWS managed key ${resolution.value}; use a customer-managed aws_kms_key`;
    case 'unknown':
      return `${setting} ${resolution.value} does not resolve to an aws_kms_key of this stack, so it cannot be shown to be customer-managed`;
  }
}

/** The finding message for an encryption argument that must name a customer-managed key; undefined when it does. */
export function customerManagedKeyProblem(stack: StackDocument, setting: string, value: unknown): string | undefined {
  return describeNonCustomerManaged(setting, resolveKey(stack, value));
}
