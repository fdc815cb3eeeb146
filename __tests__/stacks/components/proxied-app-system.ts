// A system that exists only in tests: a created VPC with interface endpoints and flow logs, a Serverless v2
// Aurora cluster in its data subnets, and RDS Proxy in front of it. It checks that the pieces a real system
// (trivia-nft, content-hub, shop-pulse) will combine fit together, down to Terraform itself.
import { Testing } from 'cdktf';
import { auroraCluster } from '../../../stacks/components/aurora-cluster';
import { rdsProxy, RdsProxyOptions } from '../../../stacks/components/rds-proxy';
import { EnvironmentConfig } from '../../../stacks/common/environment';
import { DeclaredSystem, defineSystem } from '../../../stacks/composition/define-system';
import { SystemStack } from '../../../stacks/composition/system-stack';
import { synthesized } from '../../modules/rds-proxy/region-context-fixture';

export const PROXIED_APP_DEV: EnvironmentConfig = {
  name: 'dev',
  primaryRegion: 'eu-west-2',
  stateBackend: { type: 's3', bucket: 'datastack-state-test', region: 'eu-west-2' },
  network: {
    'eu-west-2': {
      create: {
        cidr: '10.20.0.0/16',
        interfaceEndpoints: { services: ['secretsmanager', 'logs', 'monitoring', 'rds-data'] },
        flowLogs: { trafficType: 'ALL', retentionDays: 30 },
      },
    },
  },
};

/** The proxied app with the given environments and proxy options (its database is filled in). */
export function proxiedApp(
  environments: Readonly<Record<string, EnvironmentConfig>> = { dev: PROXIED_APP_DEV },
  proxy: Omit<RdsProxyOptions, 'database'> = { config: { readOnlyEndpoint: true } },
): DeclaredSystem<EnvironmentConfig> {
  return defineSystem<EnvironmentConfig>({
    name: 'proxied-app',
    environments,
    components() {
      const aurora = auroraCluster({ instanceCount: 2, instanceClass: 'db.serverless', serverlessV2: { minCapacity: 0.5, maxCapacity: 4 } });
      return [aurora, rdsProxy({ ...proxy, database: aurora })];
    },
  });
}

/** One environment's stack of a declared system, synthesized with construct paths kept. */
export function synthSystemStack(system: DeclaredSystem<EnvironmentConfig>, environment: EnvironmentConfig): { stack: SystemStack; text: string; json: any } {
  const stack = system.addStack(Testing.app(), environment);
  return { stack, ...synthesized(stack) };
}
