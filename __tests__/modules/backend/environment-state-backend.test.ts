import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

describe('state kept per environment', () => {
  test.each([
    ['dev', 'gaming-platform/dev/terraform.tfstate'],
    ['staging', 'gaming-platform/staging/terraform.tfstate'],
    ['prod', 'gaming-platform/prod/terraform.tfstate'],
  ])('GIVEN the shipped %s environment WHEN synthesized THEN its state key is %s', (name, expectedKey) => {
    const { json } = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS[name]);
    expect(json.terraform.backend.s3.key).toBe(expectedKey);
  });

  test('GIVEN all shipped environments WHEN synthesized THEN every state key is distinct', () => {
    const keys = Object.values(GAMING_PLATFORM_ENVIRONMENTS).map((environment) => synthGamingPlatform(environment).json.terraform.backend.s3.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('GIVEN the same environment WHEN synthesized twice THEN the key is the same (stable)', () => {
    const first = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.prod).json.terraform.backend.s3;
    const second = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.prod).json.terraform.backend.s3;
    expect(second).toEqual(first);
  });

  test('GIVEN an S3 backend WHEN synthesized THEN state is encrypted, locked by lock file, and no DynamoDB lock table is used', () => {
    const { json } = synthGamingPlatform(GAMING_PLATFORM_ENVIRONMENTS.prod);
    const s3 = json.terraform.backend.s3;
    expect(s3.encrypt).toBe(true);
    expect(s3.use_lockfile).toBe(true);
    expect(s3.bucket).toBe('datastack-terraform-state-eu-west-2');
    expect(s3.region).toBe('eu-west-2');
    expect(s3).not.toHaveProperty('dynamodb_table');
    expect(Object.keys(json.terraform.backend)).toEqual(['s3']);
  });

  test('GIVEN kmsKeyId and roleArn WHEN synthesized THEN the backend uses the key and assumes the role', () => {
    const { json } = synthGamingPlatform(
      environmentWith({
        stateBackend: {
          type: 's3',
          bucket: 'example-terraform-state',
          region: 'eu-west-2',
          kmsKeyId: 'arn:aws:kms:eu-west-2:111122223333:alias/terraform-state',
          roleArn: 'arn:aws:iam::111122223333:role/terraform-state',
        },
      }),
    );
    const s3 = json.terraform.backend.s3;
    expect(s3.kms_key_id).toBe('arn:aws:kms:eu-west-2:111122223333:alias/terraform-state');
    expect(s3.assume_role).toEqual({ role_arn: 'arn:aws:iam::111122223333:role/terraform-state' });
  });

  test('GIVEN a Terraform Cloud workspace by name WHEN synthesized THEN the stack has a cloud block and no s3 backend', () => {
    const { json } = synthGamingPlatform(
      environmentWith({ stateBackend: { type: 'cloud', organization: 'example-org', workspace: { name: 'gaming-platform-prod' } } }),
    );
    expect(json.terraform.backend).toBeUndefined();
    expect(json.terraform.cloud).toEqual({
      organization: 'example-org',
      hostname: 'app.terraform.io',
      workspaces: { name: 'gaming-platform-prod' },
    });
  });

  test('GIVEN a Terraform Cloud workspace by tags on a private host WHEN synthesized THEN the cloud block selects by tags on that host', () => {
    const { json } = synthGamingPlatform(
      environmentWith({
        stateBackend: { type: 'cloud', organization: 'example-org', hostname: 'tfe.example.com', workspace: { tags: ['gaming-platform', 'prod'] } },
      }),
    );
    expect(json.terraform.backend).toBeUndefined();
    expect(json.terraform.cloud).toEqual({
      organization: 'example-org',
      hostname: 'tfe.example.com',
      workspaces: { tags: ['gaming-platform', 'prod'] },
    });
  });
});
