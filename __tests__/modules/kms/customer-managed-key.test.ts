import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { CustomerManagedKey, CustomerManagedKeyProps } from '../../../modules/kms/customer-managed-key';

function synthKey(overrides: Partial<Omit<CustomerManagedKeyProps, 'provider'>> = {}): { text: string; json: any } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  new CustomerManagedKey(stack, 'Key', { provider, description: 'test key', aliasName: 'gaming-platform-prod-test', ...overrides });
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text) };
}

describe('customer-managed KMS key', () => {
  test('GIVEN defaults WHEN synthesized THEN rotation is on with a 30-day deletion window and an explicit policy', () => {
    const { text } = synthKey();
    expect(text).toHaveResourceWithProperties(KmsKey, {
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      policy: expect.stringMatching(/^\$\{data\.aws_iam_policy_document\.Key_Policy_[0-9A-F]+\.json\}$/),
    });
    expect(text).toHaveResourceWithProperties(KmsAlias, { name: 'alias/gaming-platform-prod-test' });
  });

  test('GIVEN defaults WHEN synthesized THEN the policy only delegates to the account and the key is not destroy-protected', () => {
    const { json } = synthKey();
    const [policy] = Object.values(json.data.aws_iam_policy_document) as any[];
    expect(policy.statement).toHaveLength(1);
    expect(policy.statement[0].principals).toEqual([
      { type: 'AWS', identifiers: [expect.stringMatching(/^arn:\$\{data\.aws_partition\.Key_Partition_\w+\.partition\}:iam::\$\{data\.aws_caller_identity\.Key_Account_\w+\.account_id\}:root$/)] },
    ]);
    expect((Object.values(json.resource.aws_kms_key)[0] as any).lifecycle).toBeUndefined();
  });

  test('GIVEN a service grant WHEN synthesized THEN the policy lets exactly that service use the key under its conditions', () => {
    const { json } = synthKey({
      serviceGrants: [
        {
          servicePrincipal: 'logs.eu-west-2.amazonaws.com',
          actions: ['kms:Encrypt*', 'kms:Decrypt*'],
          conditions: [{ test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn', values: ['arn:aws:logs:eu-west-2:*:log-group:/x'] }],
        },
      ],
    });
    const [policy] = Object.values(json.data.aws_iam_policy_document) as any[];
    expect(policy.statement[1]).toEqual({
      sid: 'ServiceGrant0',
      principals: [{ type: 'Service', identifiers: ['logs.eu-west-2.amazonaws.com'] }],
      actions: ['kms:Encrypt*', 'kms:Decrypt*'],
      resources: ['*'],
      condition: [{ test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn', values: ['arn:aws:logs:eu-west-2:*:log-group:/x'] }],
    });
  });

  test('GIVEN preventDestroy WHEN synthesized THEN the key has lifecycle prevent_destroy', () => {
    expect(synthKey({ preventDestroy: true }).text).toHaveResourceWithProperties(KmsKey, { lifecycle: { prevent_destroy: true } });
  });

  test.each([[6], [31]])('GIVEN a deletion window of %d days WHEN built THEN it fails naming the prop', (days) => {
    expect(() => synthKey({ deletionWindowInDays: days })).toThrow(`kms.deletionWindowInDays must be an integer 7-30, got ${days}`);
  });
});
