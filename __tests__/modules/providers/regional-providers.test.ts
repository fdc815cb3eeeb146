import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';

const TAGS = { Project: 'gaming-platform', Environment: 'prod', ManagedBy: 'DataStack', Component: 'database' };

describe('providers of a gaming-platform stack', () => {
  test('GIVEN a two-Region environment WHEN synthesized THEN there is a default aws provider in the primary Region and one aliased per Region', () => {
    const { text, json } = synthGamingPlatform(environmentWith({}));
    expect(text).toHaveProviderWithProperties(AwsProvider, { region: 'eu-west-2', default_tags: [{ tags: TAGS }] });
    const aliases = json.provider.aws.map((provider: any) => [provider.alias ?? null, provider.region]);
    expect(aliases).toEqual([
      [null, 'eu-west-2'],
      ['eu_west_2', 'eu-west-2'],
      ['eu_west_1', 'eu-west-1'],
    ]);
  });

  test('GIVEN every provider WHEN synthesized THEN each carries the default tags', () => {
    const { json } = synthGamingPlatform(environmentWith({}));
    for (const provider of json.provider.aws) {
      expect(provider.default_tags).toEqual([{ tags: TAGS }]);
    }
  });

  test('GIVEN a single-Region environment WHEN synthesized THEN there is no provider for another Region', () => {
    const single = environmentWith({ secondaryRegion: undefined, network: { 'eu-west-2': environmentWith({}).network['eu-west-2'] } });
    const { json } = synthGamingPlatform(single);
    expect(json.provider.aws.map((provider: any) => provider.region)).toEqual(['eu-west-2', 'eu-west-2']);
  });

  test('GIVEN no account guard or role WHEN synthesized THEN the providers set neither', () => {
    const { json } = synthGamingPlatform(environmentWith({}));
    expect(json.provider.aws[0]).not.toHaveProperty('allowed_account_ids');
    expect(json.provider.aws[0]).not.toHaveProperty('assume_role');
  });

  test('GIVEN allowedAccountIds and assumeRoleArn WHEN synthesized THEN every aws provider is guarded and assumes the role', () => {
    const { json } = synthGamingPlatform(
      environmentWith({ allowedAccountIds: ['111122223333'], assumeRoleArn: 'arn:aws:iam::111122223333:role/datastack-deployer' }),
    );
    for (const provider of json.provider.aws) {
      expect(provider.allowed_account_ids).toEqual(['111122223333']);
      expect(provider.assume_role).toEqual([{ role_arn: 'arn:aws:iam::111122223333:role/datastack-deployer', session_name: 'datastack' }]);
    }
  });

  test('GIVEN any stack WHEN synthesized THEN the random provider is configured and Terraform >= 1.11 is required', () => {
    const { json } = synthGamingPlatform(environmentWith({}));
    expect(json.provider.random).toEqual([{}]);
    expect(json.terraform.required_version).toBe('>= 1.11');
    expect(json.terraform.required_providers.aws).toEqual({ source: 'aws', version: '6.25.0' });
  });
});
