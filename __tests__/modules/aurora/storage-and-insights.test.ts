import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { ConfigurationError } from '../../../modules/validation';
import { ClusterOverrides, resourcesByPath, synthCluster, synthGlobal } from './aurora-fixture';

const clusterOf = (json: any) => resourcesByPath(json, RdsCluster.tfResourceType)['Aurora/Cluster'];
const instancesOf = (json: any) => Object.values(resourcesByPath(json, RdsClusterInstance.tfResourceType)) as any[];

describe('Aurora storage, Database Insights, CA and Extended Support defaults', () => {
  test('GIVEN defaults WHEN synthesized THEN storage is Standard (no storage_type), Database Insights standard, Extended Support off, rds-ca-rsa2048-g1 on every instance, monitoring on the instances only', () => {
    const { json } = synthCluster();
    const cluster = clusterOf(json);
    expect(cluster).not.toHaveProperty('storage_type');
    expect(cluster.database_insights_mode).toBe('standard');
    expect(cluster.engine_lifecycle_support).toBe('open-source-rds-extended-support-disabled');
    for (const argument of ['performance_insights_enabled', 'performance_insights_retention_period', 'monitoring_interval', 'monitoring_role_arn']) {
      expect(cluster).not.toHaveProperty(argument);
    }
    expect(instancesOf(json).map((instance) => instance.ca_cert_identifier)).toEqual(['rds-ca-rsa2048-g1', 'rds-ca-rsa2048-g1']);
  });

  test('GIVEN the defaults WHEN synthesized THEN Extended Support enrolment is creation-only: ignored on the cluster and the global cluster', () => {
    expect(clusterOf(synthCluster().json).lifecycle.ignore_changes).toContain('engine_lifecycle_support');
    const { json } = synthGlobal();
    const global = Object.values(json.resource.aws_rds_global_cluster)[0] as any;
    expect(global.engine_lifecycle_support).toBe('open-source-rds-extended-support-disabled');
    expect(global.lifecycle.ignore_changes).toEqual(['engine_lifecycle_support']);
    for (const cluster of Object.values(json.resource.aws_rds_cluster) as any[]) {
      expect(cluster.engine_lifecycle_support).toBe('open-source-rds-extended-support-disabled');
    }
  });
});

describe('Aurora storage, Database Insights, CA and Extended Support overrides', () => {
  test('GIVEN I/O-Optimized WHEN synthesized THEN storage_type is aurora-iopt1', () => {
    expect(clusterOf(synthCluster({ storageType: 'aurora-iopt1' }).json).storage_type).toBe('aurora-iopt1');
  });

  test('GIVEN I/O-Optimized on a Global Database WHEN synthesized THEN both members use it', () => {
    const { json } = synthGlobal(() => ({ storageType: 'aurora-iopt1' }));
    expect((Object.values(json.resource.aws_rds_cluster) as any[]).map((cluster) => cluster.storage_type)).toEqual(['aurora-iopt1', 'aurora-iopt1']);
  });

  test('GIVEN advanced Database Insights with 465 days of Performance Insights WHEN synthesized THEN the cluster carries the mode, PI with its key and monitoring, like its instances', () => {
    const { json } = synthCluster({ databaseInsightsMode: 'advanced', performanceInsights: { enabled: true, retentionDays: 465 } });
    const cluster = clusterOf(json);
    expect(cluster).toMatchObject({
      database_insights_mode: 'advanced',
      performance_insights_enabled: true,
      performance_insights_retention_period: 465,
      monitoring_interval: 60,
    });
    expect(cluster.performance_insights_kms_key_id).toBe(cluster.kms_key_id);
    expect(cluster.monitoring_role_arn).toMatch(/^\$\{aws_iam_role\.Aurora_MonitoringRole_\w+\.arn\}$/);
    for (const instance of instancesOf(json)) {
      expect(instance).toMatchObject({ performance_insights_enabled: true, performance_insights_retention_period: 465, monitoring_interval: 60, monitoring_role_arn: cluster.monitoring_role_arn });
    }
  });

  test('GIVEN clusterLevelMonitoring in standard mode WHEN synthesized THEN the cluster carries the instances\' PI and monitoring', () => {
    const cluster = clusterOf(synthCluster({ clusterLevelMonitoring: true, performanceInsights: { enabled: true, retentionDays: 31 }, monitoringIntervalSeconds: 30 }).json);
    expect(cluster).toMatchObject({ database_insights_mode: 'standard', performance_insights_enabled: true, performance_insights_retention_period: 31, monitoring_interval: 30 });
  });

  test('GIVEN clusterLevelMonitoring with PI and monitoring off WHEN synthesized THEN the cluster says PI off and interval 0, with no role', () => {
    const cluster = clusterOf(synthCluster({ clusterLevelMonitoring: true, performanceInsights: { enabled: false }, monitoringIntervalSeconds: 0 }).json);
    expect(cluster).toMatchObject({ performance_insights_enabled: false, monitoring_interval: 0 });
    expect(cluster).not.toHaveProperty('monitoring_role_arn');
    expect(cluster).not.toHaveProperty('performance_insights_kms_key_id');
  });

  test('GIVEN another CA WHEN synthesized THEN every instance uses it', () => {
    const { json } = synthCluster({ caCertificateIdentifier: 'rds-ca-ecc384-g1' });
    expect(instancesOf(json).map((instance) => instance.ca_cert_identifier)).toEqual(['rds-ca-ecc384-g1', 'rds-ca-ecc384-g1']);
  });

  test('GIVEN Extended Support chosen WHEN synthesized THEN the cluster enrols', () => {
    expect(clusterOf(synthCluster({ engineLifecycleSupport: 'open-source-rds-extended-support' }).json).engine_lifecycle_support).toBe('open-source-rds-extended-support');
  });
});

describe('Aurora storage, Database Insights, CA and Extended Support validation', () => {
  test.each<[string, ClusterOverrides, string]>([
    ['an unknown storage type', { storageType: 'gp3' as never }, 'aurora.storageType must be one of "aurora", "aurora-iopt1", got "gp3"'],
    ['an unknown insights mode', { databaseInsightsMode: 'full' as never }, 'aurora.databaseInsightsMode must be one of "standard", "advanced", got "full"'],
    [
      'advanced insights with 7 days of Performance Insights',
      { databaseInsightsMode: 'advanced' },
      'aurora.performanceInsights must be enabled with retentionDays 465 or more (15 months) for databaseInsightsMode "advanced", got {"enabled":true,"retentionDays":7}',
    ],
    [
      'advanced insights with Performance Insights off',
      { databaseInsightsMode: 'advanced', performanceInsights: { enabled: false } },
      'aurora.performanceInsights must be enabled with retentionDays 465 or more (15 months) for databaseInsightsMode "advanced", got {"enabled":false}',
    ],
    [
      'advanced insights without cluster-level monitoring',
      { databaseInsightsMode: 'advanced', performanceInsights: { enabled: true, retentionDays: 465 }, clusterLevelMonitoring: false },
      'aurora.clusterLevelMonitoring must be true or left out for databaseInsightsMode "advanced" (the mode is set on the cluster with its Performance Insights), got false',
    ],
    [
      'an expired CA',
      { caCertificateIdentifier: 'rds-ca-2019' as never },
      'aurora.caCertificateIdentifier must be one of "rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1", got "rds-ca-2019"',
    ],
    [
      'an unknown lifecycle',
      { engineLifecycleSupport: 'extended' as never },
      'aurora.engineLifecycleSupport must be one of "open-source-rds-extended-support", "open-source-rds-extended-support-disabled", got "extended"',
    ],
  ])('GIVEN %s WHEN built THEN one message names the setting', (_case, overrides, message) => {
    let problems: readonly string[] = [];
    try {
      synthCluster(overrides);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([message]);
  });

  test('GIVEN advanced insights with 731 days WHEN built THEN it is accepted', () => {
    expect(() => synthCluster({ databaseInsightsMode: 'advanced', performanceInsights: { enabled: true, retentionDays: 731 } })).not.toThrow();
  });
});
