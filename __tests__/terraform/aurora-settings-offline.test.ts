// Terraform itself on gaming-platform prod with every Aurora setting that adds arguments or resources turned
// on (a restored clone beside the Global Database, advanced Database Insights with cluster-level monitoring,
// per-instance class/tier/AZ, write forwarding, reader autoscaling, I/O-Optimized storage): validated against
// the real provider schema and planned, offline through the stand-in providers.
import { gamingPlatformSystem } from '../../stacks/gaming-platform/gaming-platform-system';
import { BASE_ENVIRONMENT, environmentWith } from '../fixtures/gaming-platform-environment';
import { validateAndPlanOffline } from '../support/offline-validate-and-plan';

jest.setTimeout(600_000);

const EVERY_AURORA_SETTING = environmentWith({
  aurora: {
    ...BASE_ENVIRONMENT.aurora,
    databaseInsightsMode: 'advanced',
    performanceInsights: { enabled: true, retentionDays: 465 },
    globalWriteForwarding: true,
    caCertificateIdentifier: 'rds-ca-ecc384-g1',
    primary: {
      ...BASE_ENVIRONMENT.aurora.primary,
      instances: [{ promotionTier: 0, availabilityZone: 'eu-west-2a' }, { promotionTier: 1, availabilityZone: 'eu-west-2b' }, { instanceClass: 'db.r6g.2xlarge', promotionTier: 15 }],
    },
  },
  auroraRestore: {
    engineVersion: BASE_ENVIRONMENT.aurora.engineVersion,
    databaseName: 'gaming',
    instanceCount: 2,
    instanceClass: 'db.serverless',
    serverlessV2: { minCapacity: 1, maxCapacity: 16 },
    instances: [{ instanceClass: 'db.r6g.large' }],
    restore: { kind: 'point-in-time', sourceClusterIdentifier: 'gaming-platform-prod-aurora-eu-west-2', useLatestRestorableTime: true, restoreType: 'copy-on-write' },
  },
});

describe('gaming-platform prod with every Aurora setting on, through offline Terraform', () => {
  const offline = validateAndPlanOffline('datastack-aurora-settings-', () => gamingPlatformSystem({ prod: EVERY_AURORA_SETTING }));

  test('GIVEN the synthesized stack WHEN terraform validate runs THEN it is valid', () => {
    expect(offline.validation().output).not.toMatch(/Error: /);
    expect(offline.validation().valid).toBe(true);
  });

  test('GIVEN the synthesized stack WHEN terraform plan runs on empty state THEN it plans, the restored clone and the readers\' autoscaling included', () => {
    // Terraform reports failures as "Error: ..."; alarm names here contain "Error" (ErrorRequestCount).
    expect(offline.plan().output).not.toMatch(/Error: /);
    expect(offline.plan().succeeded).toBe(true);
    expect(offline.plan().summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
    const created = (prefix: string) => offline.plan().changes.filter((change) => change.startsWith(`create ${prefix}`)).length;
    expect([created('aws_rds_cluster.'), created('aws_rds_cluster_instance.'), created('aws_appautoscaling_target.'), created('aws_appautoscaling_policy.')]).toEqual([3, 7, 1, 1]);
    expect(offline.plan().changes).toContainEqual(expect.stringMatching(/^create aws_rds_cluster\.AuroraRestore_ClusterEuWest2_Cluster_/));
  });
});
