import { Testing } from 'cdktf';
import type { EnvironmentConfig } from '../../../stacks/common/environment';
import { serverlessCache, ServerlessCacheConfig } from '../../../stacks/components/serverless-cache';
import { defineSystem } from '../../../stacks/composition/define-system';

// A system that exists only in this test: one Valkey serverless cache, as a content platform would declare it.
interface CacheOnlyEnvironment extends EnvironmentConfig {
  readonly cache: ServerlessCacheConfig;
}

const ENVIRONMENT: CacheOnlyEnvironment = {
  name: 'prod',
  primaryRegion: 'eu-west-2',
  stateBackend: { type: 's3', bucket: 'example-terraform-state', region: 'eu-west-2' },
  network: {
    'eu-west-2': { vpc: { id: 'vpc-0a1b2c3d' }, privateSubnets: { ids: ['subnet-0aaa', 'subnet-0bbb'] }, applicationSecurityGroups: { ids: ['sg-0app'] } },
  },
  cache: { usageLimits: { maxDataStorageGb: 10, maxEcpuPerSecond: 5000 } },
};

function synth(cache: ServerlessCacheConfig) {
  const system = defineSystem<CacheOnlyEnvironment>({ name: 'cachetest', environments: { prod: { ...ENVIRONMENT, cache } }, components: (env) => [serverlessCache(env.cache)] });
  return JSON.parse(Testing.synth(system.addStack(Testing.app(), { ...ENVIRONMENT, cache })));
}

describe('the serverlessCache component', () => {
  test('GIVEN no authentication setting WHEN synthesized THEN the outputs name the app user and its secret, the secret ARNs marked sensitive', () => {
    const json = synth(ENVIRONMENT.cache);
    expect(json.output.valkey_user_names.value).toEqual({ app: 'app' });
    expect(json.output.valkey_user_secret_arns).toMatchObject({ sensitive: true, value: { app: expect.stringMatching(/^\$\{aws_secretsmanager_secret\.ServerlessCache_Users_User-app_Secret_\w+\.arn\}$/) } });
  });

  test('GIVEN only IAM users WHEN synthesized THEN the user names are output and no secret output exists', () => {
    const json = synth({ ...ENVIRONMENT.cache, users: [{ name: 'worker', authentication: 'iam' }] });
    expect(json.output.valkey_user_names.value).toEqual({ worker: 'cachetest-prod-valkey-eu-west-2-worker' });
    expect(json.output.valkey_user_secret_arns).toBeUndefined();
  });

  test('GIVEN the opt-out WHEN synthesized THEN no user output exists', () => {
    const json = synth({ ...ENVIRONMENT.cache, unauthenticatedAccess: true });
    expect(json.output.valkey_user_names).toBeUndefined();
  });

  test('GIVEN users and the opt-out WHEN the configuration is checked THEN the setting path names the conflict', () => {
    const system = defineSystem<CacheOnlyEnvironment>({
      name: 'cachetest',
      environments: { prod: { ...ENVIRONMENT, cache: { ...ENVIRONMENT.cache, users: [{ name: 'app' }], unauthenticatedAccess: true } } },
      components: (env) => [serverlessCache(env.cache)],
    });
    expect(system.validationRules().filter((rule) => !rule.condition).map((rule) => rule.message)).toEqual([
      'cachetest.environments.prod.cache must choose one of users, userGroupId and unauthenticatedAccess, got users and unauthenticatedAccess',
    ]);
  });
});
