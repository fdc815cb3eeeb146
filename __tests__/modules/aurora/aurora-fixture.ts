import { AuroraCluster, AuroraClusterProps, AuroraGlobalDatabase, AuroraGlobalDatabaseProps } from '../../../modules/aurora';
import { EnvironmentPolicy } from '../../../modules/context';
import { ResourceNaming } from '../../../modules/naming';
import { EnvironmentName } from '../../../stacks/common/environment';
import { synthesized, testStack, TestStack } from '../../fixtures/region-context';

export { constructPath, resourcesByPath } from '../../fixtures/region-context';

/** A single-Region Serverless v2 cluster (0.5-16 ACU), in eu-west-2; tests spread overrides. */
export const SERVERLESS_CLUSTER: Omit<AuroraClusterProps, 'context'> = {
  instanceCount: 2,
  instanceClass: 'db.serverless',
  serverlessV2: { minCapacity: 0.5, maxCapacity: 16 },
  databaseName: 'trivianft',
  backupRetentionDays: 35,
};

/** Overrides of a test cluster's props, and of the environment and policy its context carries. */
export type ClusterOverrides = Partial<Omit<AuroraClusterProps, 'context'>> & {
  readonly environment?: EnvironmentName;
  readonly policy?: Partial<EnvironmentPolicy>;
  readonly naming?: ResourceNaming;
};

export function synthCluster(overrides: ClusterOverrides = {}): { text: string; json: any; cluster: AuroraCluster } {
  const { environment, policy, naming, ...props } = overrides;
  const test = testStack({ environment, policy, naming });
  const cluster = new AuroraCluster(test.stack, 'Aurora', { ...SERVERLESS_CLUSTER, ...props, context: test.context('eu-west-2') });
  return { ...synthesized(test.stack), cluster };
}

/** A two-Region Global Database (eu-west-2 primary, eu-west-1 secondary), staging policy; tests spread overrides. */
export function synthGlobal(
  overrides: (test: TestStack) => Partial<AuroraGlobalDatabaseProps> = () => ({}),
  options: { readonly environment?: EnvironmentName; readonly policy?: Partial<EnvironmentPolicy>; readonly naming?: ResourceNaming } = {},
) {
  const test = testStack({ regions: ['eu-west-2', 'eu-west-1'], ...options });
  const database = new AuroraGlobalDatabase(test.stack, 'Aurora', {
    primary: { context: test.context('eu-west-2'), instanceCount: 2, instanceClass: 'db.r6g.large' },
    secondary: { context: test.context('eu-west-1'), instanceCount: 1, instanceClass: 'db.r6g.large' },
    ...overrides(test),
  });
  return { ...synthesized(test.stack), database };
}
