import { Testing } from 'cdktf';
import { AuroraPostgresEngineVersion } from '../../../modules/aurora';
import { failedMessages } from '../../../modules/validation';
import { EnvironmentConfig } from '../../../stacks/common/environment';
import { ENVIRONMENT_POLICY_DEFAULTS, resolveEnvironmentPolicy, riskyPolicyWarnings } from '../../../stacks/common/environment-policy';
import { auroraCluster, AuroraClusterConfig } from '../../../stacks/components/aurora-cluster';
import { migrationsOnDeploy } from '../../../stacks/components/migrations-on-deploy';
import { Built, Component } from '../../../stacks/composition/component';
import { defineSystem } from '../../../stacks/composition/define-system';
import { OutputNames } from '../../../stacks/composition/outputs';
import { warningsOf } from '../../fixtures/annotations';

interface SmallEnvironment extends EnvironmentConfig {
  readonly aurora: AuroraClusterConfig;
}

const SMALL: SmallEnvironment = {
  name: 'prod',
  primaryRegion: 'eu-west-2',
  stateBackend: { type: 's3', bucket: 'example-terraform-state', region: 'eu-west-2' },
  network: {
    'eu-west-2': {
      vpc: { id: 'vpc-0a1b2c3d' },
      privateSubnets: { ids: ['subnet-0aaa', 'subnet-0bbb'] },
      applicationSecurityGroups: { ids: ['sg-0app'] },
    },
  },
  aurora: { instanceCount: 2, instanceClass: 'db.r6g.large' },
};

/** A one-cluster system with the given environment, component options and extra components. */
function smallSystem(environment: SmallEnvironment, options: { readonly outputs?: OutputNames; readonly extra?: (database: ReturnType<typeof auroraCluster>) => Component[] } = {}) {
  return defineSystem<SmallEnvironment>({
    name: 'ledger',
    environments: { [environment.name]: environment },
    components(env) {
      const database = auroraCluster(env.aurora, { outputs: options.outputs });
      return [database, ...(options.extra?.(database) ?? [])];
    },
  });
}

describe('a declared system', () => {
  test('GIVEN a declaration WHEN its stacks are added THEN there is one <system>-<environment> stack per environment', () => {
    const app = Testing.app();
    smallSystem(SMALL).addStacks(app);
    expect(app.node.children.map((child) => child.node.id)).toEqual(['ledger-prod']);
  });

  test('GIVEN a component setting a path WHEN its configuration is wrong THEN the message carries the full setting path', () => {
    const rules = smallSystem({ ...SMALL, aurora: { ...SMALL.aurora, backupRetentionDays: 0 } }).validationRules();
    expect(failedMessages(rules)).toEqual(['ledger.environments.prod.aurora.backupRetentionDays must be an integer 1-35, got 0']);
  });

  test('GIVEN two components with one setting WHEN validated THEN the declaration is refused', () => {
    const rules = smallSystem(SMALL, { extra: () => [auroraCluster(SMALL.aurora, { id: 'Reporting' })] }).validationRules();
    expect(failedMessages(rules)).toEqual(['ledger: every component needs a setting of its own, got "aurora" twice']);
  });

  test('GIVEN output renames WHEN synthesized THEN the outputs carry the system\'s names, and a dropped one is absent', () => {
    const stack = smallSystem(SMALL, { outputs: { aurora_cluster_endpoint: 'database_endpoint', aurora_cluster_arn: false } }).addStack(Testing.app(), SMALL);
    const outputs = JSON.parse(Testing.synth(stack)).output;
    expect(outputs).toHaveProperty('database_endpoint');
    expect(outputs).not.toHaveProperty('aurora_cluster_endpoint');
    expect(outputs).not.toHaveProperty('aurora_cluster_arn');
    expect(outputs).toHaveProperty('aurora_reader_endpoint');
  });

  test.each<[string, OutputNames, string]>([
    ['an output the component does not have', { aurora_endpoint: 'database_endpoint' }, 'ledger.environments.prod.aurora.outputs renames "aurora_endpoint", which is not an output of this component (its outputs: aurora_cluster_endpoint,'],
    ['a name that is not snake_case', { aurora_cluster_endpoint: 'Database-Endpoint' }, 'ledger.environments.prod.aurora.outputs.aurora_cluster_endpoint must be a snake_case output name or false (left out), got "Database-Endpoint"'],
  ])('GIVEN %s WHEN validated THEN the message names it', (_case, outputs, message) => {
    expect(failedMessages(smallSystem(SMALL, { outputs }).validationRules())).toEqual([expect.stringContaining(message)]);
  });

  test('GIVEN migrations for a system without a migrations folder WHEN validated THEN it says which folder is missing', () => {
    const rules = smallSystem(SMALL, { extra: (database) => [migrationsOnDeploy({ database })] }).validationRules();
    expect(failedMessages(rules)).toEqual([expect.stringContaining('ledger.environments.prod.migrations.onDeploy needs migrations/ledger with SQL files')]);
  });

  test('GIVEN seed data asked for in production WHEN validated THEN it is refused, naming the setting', () => {
    const rules = smallSystem(SMALL, { extra: (database) => [migrationsOnDeploy({ database, config: { onDeploy: false, seedData: true } })] }).validationRules();
    expect(failedMessages(rules)).toEqual(['ledger.environments.prod.migrations.seedData must be false in a production environment (policy.production), got true']);
  });

  test('GIVEN seed data for a system that has none WHEN validated THEN it says where seed data would be', () => {
    const dev: SmallEnvironment = { ...SMALL, name: 'dev' };
    const rules = smallSystem(dev, { extra: (database) => [migrationsOnDeploy({ database, config: { onDeploy: false, seedData: true } })] }).validationRules();
    expect(failedMessages(rules)).toEqual([]);
    const gamingRules = defineSystem<SmallEnvironment>({ name: 'gaming-platform', environments: { dev }, components: (env) => { const database = auroraCluster(env.aurora); return [database, migrationsOnDeploy({ database, config: { seedData: true } })]; } }).validationRules();
    expect(failedMessages(gamingRules)).toEqual(['gaming-platform.environments.dev.migrations.seedData must be false for a system without seed data (no gaming-platform/seed/*.sql), got true']);
  });

  test('GIVEN migrations turned off WHEN validated THEN no folder is needed', () => {
    const rules = smallSystem(SMALL, { extra: (database) => [migrationsOnDeploy({ database, config: { onDeploy: false } })] }).validationRules();
    expect(failedMessages(rules)).toEqual([]);
  });

  test('GIVEN a component using another listed after it WHEN built THEN the error says to list the producer first', () => {
    const database = auroraCluster(SMALL.aurora);
    const system = defineSystem<SmallEnvironment>({ name: 'ledger', environments: { prod: SMALL }, components: () => [migrationsOnDeploy({ database, config: { onDeploy: true } })] });
    expect(() => system.addStack(Testing.app(), SMALL)).toThrow('the Aurora cluster is used before it is built: list it before the components that use it');
  });

  test('GIVEN a value set once WHEN read THEN it is returned', () => {
    const built = new Built<number>('the answer');
    built.set(42);
    expect(built.get()).toBe(42);
  });
});

describe('the environment policy', () => {
  test.each([
    ['dev', { deletionProtection: false, preventDestroy: false, finalSnapshot: true, applyImmediately: true, logRetentionDays: 365, production: false }],
    ['staging', { deletionProtection: true, preventDestroy: false, finalSnapshot: true, applyImmediately: false, logRetentionDays: 365, production: false }],
    ['prod', { deletionProtection: true, preventDestroy: true, finalSnapshot: true, applyImmediately: false, logRetentionDays: 365, production: true }],
  ] as const)('GIVEN %s with no policy WHEN resolved THEN it is %j', (name, expected) => {
    expect(resolveEnvironmentPolicy({ ...SMALL, name })).toEqual(expected);
    expect(ENVIRONMENT_POLICY_DEFAULTS[name]).toEqual(expected);
  });

  test('GIVEN overrides WHEN resolved THEN they win over the defaults of the name, and nothing else changes', () => {
    expect(resolveEnvironmentPolicy({ ...SMALL, name: 'dev', policy: { finalSnapshot: false, logRetentionDays: 30 } })).toEqual({
      ...ENVIRONMENT_POLICY_DEFAULTS.dev,
      finalSnapshot: false,
      logRetentionDays: 30,
    });
  });

  test('GIVEN production with protection turned off WHEN synthesized THEN the stack warns once per protection', () => {
    const environment: SmallEnvironment = { ...SMALL, policy: { deletionProtection: false, preventDestroy: false, finalSnapshot: false } };
    const stack = smallSystem(environment).addStack(Testing.app(), environment);
    expect(warningsOf(stack).filter((warning) => warning.startsWith('policy.'))).toEqual(riskyPolicyWarnings('policy', resolveEnvironmentPolicy(environment)));
    expect(riskyPolicyWarnings('policy', resolveEnvironmentPolicy(environment))).toHaveLength(3);
  });

  test('GIVEN a dev environment with the same overrides WHEN checked THEN nothing warns (dev is not production)', () => {
    expect(riskyPolicyWarnings('policy', resolveEnvironmentPolicy({ ...SMALL, name: 'dev', policy: { finalSnapshot: false } }))).toEqual([]);
  });

  test('GIVEN a policy WHEN a cluster is synthesized THEN the cluster follows it, never its environment\'s name', () => {
    const staging: SmallEnvironment = { ...SMALL, name: 'staging', policy: { preventDestroy: true, applyImmediately: true }, aurora: { ...SMALL.aurora, engineVersion: AuroraPostgresEngineVersion.V16_8 } };
    const json = JSON.parse(Testing.synth(smallSystem(staging).addStack(Testing.app(), staging)));
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    expect(cluster).toMatchObject({ deletion_protection: true, apply_immediately: true, lifecycle: { prevent_destroy: true } });
  });
});
