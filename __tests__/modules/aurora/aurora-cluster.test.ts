import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { AnnotationMetadataEntryType } from 'cdktf';
import { ConfigurationError } from '../../../modules/validation';
import { AuroraPostgresEngineVersion } from '../../../modules/aurora';
import { ClusterOverrides, resourcesByPath, synthCluster } from './aurora-fixture';

describe('single-Region Aurora cluster, Serverless v2', () => {
  test('GIVEN a 0.5-16 ACU range WHEN synthesized THEN the cluster scales between them on db.serverless instances', () => {
    const { text, json } = synthCluster();
    expect(text).toHaveResourceWithProperties(RdsCluster, {
      cluster_identifier: 'trivia-nft-staging-aurora-eu-west-2',
      engine: 'aurora-postgresql',
      engine_version: '16.8',
      serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 16 },
    });
    const instances = Object.values(json.resource.aws_rds_cluster_instance) as any[];
    expect(instances.map((instance) => [instance.identifier, instance.instance_class])).toEqual([
      ['trivia-nft-staging-aurora-eu-west-2-1', 'db.serverless'],
      ['trivia-nft-staging-aurora-eu-west-2-2', 'db.serverless'],
    ]);
  });

  test('GIVEN a 0.5-4 ACU range WHEN synthesized THEN the connections alarm follows the 8 GiB maximum', () => {
    const { text, json } = synthCluster({ serverlessV2: { minCapacity: 0.5, maxCapacity: 4 }, instanceCount: 1 });
    expect(text).toHaveResourceWithProperties(RdsCluster, { serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 4 } });
    const alarms = resourcesByPath(json, 'aws_cloudwatch_metric_alarm');
    // LEAST(8 GiB x 10^9 / 9531392, 5000) = 839; 80 % of it = 671.
    expect(alarms['Aurora/Instance1Alarms/Connections'].threshold).toBe(671);
  });

  test('GIVEN a Serverless v2 cluster WHEN synthesized THEN one cluster-level alarm warns when its capacity runs above 90 % of the maximum', () => {
    const { json } = synthCluster({ serverlessV2: { minCapacity: 0.5, maxCapacity: 4 }, instanceCount: 1 });
    const alarm = resourcesByPath(json, 'aws_cloudwatch_metric_alarm')['Aurora/ClusterAlarms/AcuUtilization'];
    expect(alarm).toMatchObject({
      alarm_name: 'trivia-nft-staging-aurora-eu-west-2-acu-utilization',
      namespace: 'AWS/RDS',
      metric_name: 'ACUUtilization',
      dimensions: { DBClusterIdentifier: 'trivia-nft-staging-aurora-eu-west-2' },
      statistic: 'Average',
      period: 300,
      evaluation_periods: 3,
      threshold: 90,
      comparison_operator: 'GreaterThanThreshold',
    });
  });

  test('GIVEN acuUtilizationPercent 75 WHEN synthesized THEN the capacity alarm fires above 75 %', () => {
    const { json } = synthCluster({ serverlessV2: { minCapacity: 0.5, maxCapacity: 4 }, alarmThresholds: { acuUtilizationPercent: 75 } });
    expect(resourcesByPath(json, 'aws_cloudwatch_metric_alarm')['Aurora/ClusterAlarms/AcuUtilization'].threshold).toBe(75);
  });

  test('GIVEN provisioned instances WHEN synthesized THEN there is no capacity alarm (and no cluster-level alarm at all)', () => {
    const { json } = synthCluster({ instanceClass: 'db.r6g.large', serverlessV2: undefined });
    expect(Object.keys(resourcesByPath(json, 'aws_cloudwatch_metric_alarm')).filter((path) => path.includes('ClusterAlarms'))).toEqual([]);
  });

  test('GIVEN minCapacity 0 and an auto-pause delay WHEN synthesized THEN the cluster may pause', () => {
    const { text } = synthCluster({ serverlessV2: { minCapacity: 0, maxCapacity: 4, secondsUntilAutoPause: 600 } });
    expect(text).toHaveResourceWithProperties(RdsCluster, { serverlessv2_scaling_configuration: { min_capacity: 0, max_capacity: 4, seconds_until_auto_pause: 600 } });
  });

  test('GIVEN a single-Region cluster WHEN synthesized THEN RDS manages the master password, encrypted with our key, on an explicit 7-day rotation', () => {
    const { text, json } = synthCluster();
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    const [key] = Object.keys(json.resource.aws_kms_key);
    expect(cluster.manage_master_user_password).toBe(true);
    expect(cluster.master_user_secret_kms_key_id).toBe(`\${aws_kms_key.${key}.arn}`);
    expect(cluster.master_username).toBe('dbadmin');
    expect(cluster.database_name).toBe('trivianft');
    expect(cluster).not.toHaveProperty('master_password');
    expect(cluster).not.toHaveProperty('master_password_wo');
    expect(cluster).not.toHaveProperty('global_cluster_identifier');
    // Only creation-only arguments are ignored (Extended Support, restore sources): a single-Region cluster has no member drift.
    expect(cluster.lifecycle).toEqual({ ignore_changes: ['engine_lifecycle_support', 'snapshot_identifier', 'restore_to_point_in_time'] });
    expect(json.ephemeral).toBeUndefined();
    const [clusterName] = Object.keys(json.resource.aws_rds_cluster);
    expect(text).toHaveResourceWithProperties(SecretsmanagerSecretRotation, {
      secret_id: `\${aws_rds_cluster.${clusterName}.master_user_secret[0].secret_arn}`,
      rotation_rules: { automatically_after_days: 7 },
    });
  });

  test('GIVEN managedPasswordRotationDays 30 WHEN synthesized THEN the managed secret rotates every 30 days', () => {
    expect(synthCluster({ managedPasswordRotationDays: 30 }).text).toHaveResourceWithProperties(SecretsmanagerSecretRotation, { rotation_rules: { automatically_after_days: 30 } });
  });

  test('GIVEN defaults WHEN synthesized THEN storage is encrypted with the cluster key and backups survive deletion', () => {
    const { json } = synthCluster();
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    const [key] = Object.keys(json.resource.aws_kms_key);
    expect(cluster).toMatchObject({
      storage_encrypted: true,
      kms_key_id: `\${aws_kms_key.${key}.arn}`,
      backup_retention_period: 35,
      preferred_backup_window: '02:00-03:00',
      preferred_maintenance_window: 'sun:04:00-sun:05:00',
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'trivia-nft-staging-aurora-eu-west-2-final',
      delete_automated_backups: false,
      deletion_protection: true,
      enabled_cloudwatch_logs_exports: ['postgresql'],
      iam_database_authentication_enabled: false,
      allow_major_version_upgrade: true,
      port: 5432,
    });
    expect(json.resource.aws_kms_key[key]).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
  });

  test('GIVEN defaults WHEN synthesized THEN the exported PostgreSQL log goes to a log group made first, kept as long as the policy says (365 days), under a key only CloudWatch Logs may use for it', () => {
    const { json } = synthCluster();
    const logGroups = resourcesByPath(json, 'aws_cloudwatch_log_group');
    const keys = Object.keys(json.resource.aws_kms_key);
    const logKey = keys.find((name) => name.startsWith('Aurora_PostgresqlLog_Key_'));
    expect(logGroups['Aurora/PostgresqlLog/Group']).toEqual(expect.objectContaining({
      name: '/aws/rds/cluster/trivia-nft-staging-aurora-eu-west-2/postgresql',
      retention_in_days: 365,
      kms_key_id: `\${aws_kms_key.${logKey}.arn}`,
    }));
    const logGroupName = Object.keys(json.resource.aws_cloudwatch_log_group)[0];
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    expect(cluster.depends_on).toEqual([`aws_cloudwatch_log_group.${logGroupName}`]);
    const policy = JSON.stringify(resourcesByPath(json, 'aws_iam_policy_document', 'data')['Aurora/PostgresqlLog/Key/Policy']);
    expect(policy).toContain('logs.eu-west-2.amazonaws.com');
    expect(policy).toContain(':log-group:/aws/rds/cluster/trivia-nft-staging-aurora-eu-west-2/postgresql');
  });

  test('GIVEN logRetentionDays 30 WHEN synthesized THEN the PostgreSQL log is kept 30 days', () => {
    const { json } = synthCluster({ logRetentionDays: 30 });
    expect(resourcesByPath(json, 'aws_cloudwatch_log_group')['Aurora/PostgresqlLog/Group'].retention_in_days).toBe(30);
  });

  test('GIVEN a policy keeping logs 90 days and no setting WHEN synthesized THEN the PostgreSQL log is kept 90 days', () => {
    const { json } = synthCluster({ policy: { logRetentionDays: 90 } });
    expect(resourcesByPath(json, 'aws_cloudwatch_log_group')['Aurora/PostgresqlLog/Group'].retention_in_days).toBe(90);
  });

  test.each([
    [{ deletionProtection: false, preventDestroy: false }, false, undefined],
    [{ deletionProtection: true, preventDestroy: false }, true, undefined],
    [{ deletionProtection: true, preventDestroy: true }, true, true],
  ])('GIVEN the policy %j WHEN synthesized THEN deletion protection is %s and prevent_destroy %s', (policy, deletionProtection, preventDestroy) => {
    const { json } = synthCluster({ policy });
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    const [key] = Object.values(json.resource.aws_kms_key) as any[];
    expect(cluster.deletion_protection).toBe(deletionProtection);
    expect(cluster.lifecycle?.prevent_destroy).toBe(preventDestroy);
    expect(key.lifecycle?.prevent_destroy).toBe(preventDestroy);
    expect(resourcesByPath(json, 'aws_cloudwatch_log_group')['Aurora/PostgresqlLog/Group'].lifecycle?.prevent_destroy).toBe(preventDestroy);
  });

  test('GIVEN a production policy without deletion protection WHEN synthesized THEN it is off and a warning says so', () => {
    const { json, cluster: construct } = synthCluster({ environment: 'prod', policy: { deletionProtection: false } });
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    expect(cluster.deletion_protection).toBe(false);
    expect(construct.node.metadata).toContainEqual(
      expect.objectContaining({ type: AnnotationMetadataEntryType.WARN, data: 'aurora deletion protection is off in production: one destroy deletes the cluster' }),
    );
  });

  test('GIVEN a policy without final snapshots WHEN synthesized THEN the cluster skips it and names none', () => {
    const [cluster] = Object.values(synthCluster({ policy: { finalSnapshot: false } }).json.resource.aws_rds_cluster) as any[];
    expect(cluster.skip_final_snapshot).toBe(true);
    expect(cluster).not.toHaveProperty('final_snapshot_identifier');
  });

  test.each([
    [true, true],
    [false, false],
  ])('GIVEN a policy applying immediately = %s WHEN synthesized THEN the cluster and its instances apply_immediately = %s', (applyImmediately, expected) => {
    const { json } = synthCluster({ policy: { applyImmediately } });
    for (const type of ['aws_rds_cluster', 'aws_rds_cluster_instance']) {
      for (const resource of Object.values(json.resource[type]) as any[]) expect(resource.apply_immediately).toBe(expected);
    }
  });

  test('GIVEN defaults WHEN synthesized THEN instances are private, monitored every 60 s with the monitoring role, and Performance Insights uses the key for 7 days', () => {
    const { json, text } = synthCluster();
    const [key] = Object.keys(json.resource.aws_kms_key);
    const [role] = Object.keys(json.resource.aws_iam_role);
    expect(text).toHaveResourceWithProperties(RdsClusterInstance, {
      publicly_accessible: false,
      performance_insights_enabled: true,
      performance_insights_kms_key_id: `\${aws_kms_key.${key}.arn}`,
      performance_insights_retention_period: 7,
      monitoring_interval: 60,
      monitoring_role_arn: `\${aws_iam_role.${role}.arn}`,
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      auto_minor_version_upgrade: false,
    });
    const trust = resourcesByPath(json, 'aws_iam_policy_document', 'data')['Aurora/MonitoringRole/Trust'];
    expect(trust.statement[0].principals).toEqual([{ type: 'Service', identifiers: ['monitoring.rds.amazonaws.com'] }]);
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: expect.stringMatching(/^arn:\$\{data\.aws_partition\.\w+\.partition\}:iam::aws:policy\/service-role\/AmazonRDSEnhancedMonitoringRole$/),
    });
  });

  test('GIVEN monitoring off and Performance Insights off WHEN synthesized THEN no role exists and PI is disabled', () => {
    const { json } = synthCluster({ monitoringIntervalSeconds: 0, performanceInsights: { enabled: false } });
    expect(json.resource.aws_iam_role).toBeUndefined();
    const [instance] = Object.values(json.resource.aws_rds_cluster_instance) as any[];
    expect(instance.monitoring_interval).toBe(0);
    expect(instance.performance_insights_enabled).toBe(false);
    expect(instance).not.toHaveProperty('performance_insights_kms_key_id');
  });

  test('GIVEN IAM authentication WHEN synthesized THEN the cluster enables it', () => {
    expect(synthCluster({ iamDatabaseAuthentication: true }).text).toHaveResourceWithProperties(RdsCluster, { iam_database_authentication_enabled: true });
  });

  test('GIVEN the network WHEN synthesized THEN the subnet group takes the data subnets and the security group admits only the application groups on 5432, by a rule of its own', () => {
    const { text, json } = synthCluster();
    expect(text).toHaveResourceWithProperties(DbSubnetGroup, { name: 'trivia-nft-staging-aurora-eu-west-2', subnet_ids: ['subnet-0d1', 'subnet-0d2'] });
    const [securityGroupName] = Object.keys(json.resource.aws_security_group);
    const securityGroup = json.resource.aws_security_group[securityGroupName];
    expect(securityGroup.vpc_id).toBe('vpc-0a1b2');
    expect(securityGroup).not.toHaveProperty('ingress');
    expect(securityGroup).not.toHaveProperty('egress');
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule)).toEqual([
      expect.objectContaining({
        security_group_id: `\${aws_security_group.${securityGroupName}.id}`,
        referenced_security_group_id: 'sg-0app',
        ip_protocol: 'tcp',
        from_port: 5432,
        to_port: 5432,
      }),
    ]);
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
    const [cluster] = Object.values(json.resource.aws_rds_cluster) as any[];
    expect(cluster.vpc_security_group_ids).toEqual([`\${aws_security_group.${securityGroupName}.id}`]);
    expect(SecurityGroup).toBeDefined();
  });

  test('GIVEN subnetTier private WHEN synthesized THEN the subnet group takes the private subnets', () => {
    expect(synthCluster({ subnetTier: 'private' }).text).toHaveResourceWithProperties(DbSubnetGroup, { subnet_ids: ['subnet-0p1', 'subnet-0p2'] });
  });

  test('GIVEN defaults WHEN synthesized THEN the cluster parameter group of the family forces SSL, preloads pg_stat_statements and logs slow statements', () => {
    expect(synthCluster().text).toHaveResourceWithProperties(RdsClusterParameterGroup, {
      family: 'aurora-postgresql16',
      name_prefix: 'trivia-nft-staging-aurora-eu-west-2-aurora-postgresql16-',
      parameter: [
        { name: 'log_min_duration_statement', value: '1000', apply_method: 'immediate' },
        { name: 'rds.force_ssl', value: '1', apply_method: 'immediate' },
        { name: 'shared_preload_libraries', value: 'pg_stat_statements', apply_method: 'pending-reboot' },
      ],
      lifecycle: { create_before_destroy: true },
    });
  });

  test('GIVEN parameter overrides and engine 17.7 WHEN synthesized THEN they win over the defaults in the 17 family', () => {
    const { text } = synthCluster({
      engineVersion: AuroraPostgresEngineVersion.V17_7,
      clusterParameters: { log_min_duration_statement: '250', shared_preload_libraries: 'pg_stat_statements,pg_cron' },
      instanceParameters: { random_page_cost: '1.1' },
    });
    expect(text).toHaveResourceWithProperties(RdsClusterParameterGroup, {
      family: 'aurora-postgresql17',
      parameter: expect.arrayContaining([
        { name: 'log_min_duration_statement', value: '250', apply_method: 'immediate' },
        { name: 'shared_preload_libraries', value: 'pg_stat_statements,pg_cron', apply_method: 'pending-reboot' },
      ]),
    });
    expect(text).toHaveResourceWithProperties(RdsCluster, { engine_version: '17.7' });
  });

  test('GIVEN a provisioned db.r6g.large WHEN synthesized THEN alarms use its max_connections and memory', () => {
    const { json } = synthCluster({ instanceClass: 'db.r6g.large', serverlessV2: undefined, instanceCount: 1 });
    const alarms = resourcesByPath(json, 'aws_cloudwatch_metric_alarm');
    expect(Object.keys(alarms).sort()).toEqual(
      ['Connections', 'Cpu', 'FreeableMemory', 'ReadLatency', 'WriteLatency'].map((name) => `Aurora/Instance1Alarms/${name}`),
    );
    expect(alarms['Aurora/Instance1Alarms/Cpu']).toMatchObject({
      alarm_name: 'trivia-nft-staging-aurora-eu-west-2-1-cpu',
      metric_name: 'CPUUtilization',
      namespace: 'AWS/RDS',
      dimensions: { DBInstanceIdentifier: 'trivia-nft-staging-aurora-eu-west-2-1' },
      threshold: 80,
      comparison_operator: 'GreaterThanThreshold',
      alarm_actions: ['arn:aws:sns:eu-west-2:111122223333:warning'],
    });
    // LEAST(16 x 10^9 / 9531392, 5000) = 1678; 80 % = 1342.
    expect(alarms['Aurora/Instance1Alarms/Connections']).toMatchObject({ threshold: 1342, alarm_actions: ['arn:aws:sns:eu-west-2:111122223333:critical'] });
    expect(alarms['Aurora/Instance1Alarms/ReadLatency']).toMatchObject({ metric_name: 'ReadLatency', threshold: 0.2 });
    expect(alarms['Aurora/Instance1Alarms/WriteLatency']).toMatchObject({ metric_name: 'WriteLatency', threshold: 0.2 });
    expect(alarms['Aurora/Instance1Alarms/FreeableMemory']).toMatchObject({
      metric_name: 'FreeableMemory',
      comparison_operator: 'LessThanThreshold',
      threshold: Math.floor(16 * 1024 ** 3 * 0.1),
    });
  });

  test('GIVEN threshold overrides WHEN synthesized THEN the alarms use them', () => {
    const { json } = synthCluster({
      instanceClass: 'db.r6g.large',
      serverlessV2: undefined,
      instanceCount: 1,
      alarmThresholds: { cpuPercent: 90, connectionsPercentOfMax: 50, readLatencySeconds: 0.05 },
    });
    const alarms = resourcesByPath(json, 'aws_cloudwatch_metric_alarm');
    expect(alarms['Aurora/Instance1Alarms/Cpu'].threshold).toBe(90);
    expect(alarms['Aurora/Instance1Alarms/Connections'].threshold).toBe(839);
    expect(alarms['Aurora/Instance1Alarms/ReadLatency'].threshold).toBe(0.05);
    expect(alarms['Aurora/Instance1Alarms/WriteLatency'].threshold).toBe(0.2);
  });

  test('GIVEN volumeBytesUsedGib 50 WHEN synthesized THEN one cluster alarm on VolumeBytesUsed above 50 GiB, hourly, to the info topic', () => {
    const alarms = resourcesByPath(synthCluster({ alarmThresholds: { volumeBytesUsedGib: 50 } }).json, 'aws_cloudwatch_metric_alarm');
    expect(alarms['Aurora/ClusterAlarms/VolumeBytesUsed']).toMatchObject({
      alarm_name: 'trivia-nft-staging-aurora-eu-west-2-volume-bytes-used',
      namespace: 'AWS/RDS',
      metric_name: 'VolumeBytesUsed',
      dimensions: { DBClusterIdentifier: 'trivia-nft-staging-aurora-eu-west-2' },
      statistic: 'Maximum',
      period: 3600,
      threshold: 50 * 1024 ** 3,
      comparison_operator: 'GreaterThanThreshold',
      alarm_actions: ['arn:aws:sns:eu-west-2:111122223333:info'],
    });
  });

  test('GIVEN no storage threshold WHEN synthesized THEN the cluster has no storage alarm', () => {
    const alarms = resourcesByPath(synthCluster().json, 'aws_cloudwatch_metric_alarm');
    expect(Object.keys(alarms).filter((path) => path.startsWith('Aurora/ClusterAlarms/'))).toEqual(['Aurora/ClusterAlarms/AcuUtilization']);
  });

  test('GIVEN two instances WHEN synthesized THEN each has its five alarms and the cluster its capacity alarm, all notifying the Region context topics', () => {
    const alarms = Object.values(synthCluster().json.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms).toHaveLength(11);
    for (const alarm of alarms) expect(alarm.alarm_actions[0]).toMatch(/^arn:aws:sns:eu-west-2:111122223333:(critical|warning)$/);
    expect(CloudwatchMetricAlarm).toBeDefined();
  });

  test('GIVEN the cluster WHEN built THEN it exposes typed attributes for the migrations Lambda', () => {
    const { cluster } = synthCluster();
    expect(cluster.clusterIdentifier).toBe('trivia-nft-staging-aurora-eu-west-2');
    expect(cluster.port).toBe(5432);
    for (const token of [cluster.clusterEndpoint, cluster.readerEndpoint, cluster.securityGroupId, cluster.kmsKeyArn, cluster.managedSecretArn]) {
      expect(token).toMatch(/\$\{TfToken\[TOKEN\.\d+\]\}/);
    }
  });
});

const SETTING = 'aurora';
// Each bad prop and the message naming it, the value and what is accepted.
const BAD_PROPS: [string, ClusterOverrides, string][] = [
  ['a log retention CloudWatch does not offer', { logRetentionDays: 10 }, `${SETTING}.logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 10`],
  ['too many instances', { instanceCount: 17 }, `${SETTING}.instanceCount must be an integer 1-16, got 17`],
  ['no instance in a single-Region cluster', { instanceCount: 0 }, `${SETTING}.instanceCount must be an integer 1-16, got 0`],
  ['an unknown instance class', { instanceClass: 'db.r6g.larg', serverlessV2: undefined }, `${SETTING}.instanceClass must be a known Aurora PostgreSQL instance class (db.serverless, db.t3.medium, db.t3.large,`],
  ['db.serverless without scaling', { serverlessV2: undefined }, `${SETTING}.serverlessV2 must be set ({ minCapacity, maxCapacity }) when an instance is "db.serverless", got nothing`],
  ['scaling on provisioned instances', { instanceClass: 'db.r6g.large' }, `${SETTING}.serverlessV2 must be left out unless an instance is "db.serverless" (instanceClass is "db.r6g.large"), got {"minCapacity":0.5,"maxCapacity":16}`],
  ['a minimum capacity above the maximum', { serverlessV2: { minCapacity: 8, maxCapacity: 4 } }, `${SETTING}.serverlessV2.minCapacity must not be above ${SETTING}.serverlessV2.maxCapacity (4), got 8`],
  ['a maximum capacity above 256 ACU', { serverlessV2: { minCapacity: 1, maxCapacity: 300 } }, `${SETTING}.serverlessV2.maxCapacity must be 1-256 in steps of 0.5, got 300`],
  ['a capacity off the 0.5 steps', { serverlessV2: { minCapacity: 0.7, maxCapacity: 4 } }, `${SETTING}.serverlessV2.minCapacity must be 0-256 in steps of 0.5, got 0.7`],
  ['a negative minimum capacity', { serverlessV2: { minCapacity: -1, maxCapacity: 4 } }, `${SETTING}.serverlessV2.minCapacity must be 0-256 in steps of 0.5, got -1`],
  ['an auto-pause delay without minCapacity 0', { serverlessV2: { minCapacity: 0.5, maxCapacity: 4, secondsUntilAutoPause: 600 } }, `${SETTING}.serverlessV2.secondsUntilAutoPause must be left out unless minCapacity is 0 (minCapacity is 0.5), got 600`],
  ['an auto-pause delay AWS rejects', { serverlessV2: { minCapacity: 0, maxCapacity: 4, secondsUntilAutoPause: 60 } }, `${SETTING}.serverlessV2.secondsUntilAutoPause must be an integer 300-86400, got 60`],
  ['auto-pause on an engine without it', { engineVersion: AuroraPostgresEngineVersion.of('15.4'), serverlessV2: { minCapacity: 0, maxCapacity: 4 } }, `${SETTING}.engineVersion must be 13.15+, 14.12+, 15.7+, 16.3+ or 17+ for Serverless v2 minCapacity 0 (auto-pause), got "15.4"`],
  ['a malformed engine version', { engineVersion: AuroraPostgresEngineVersion.of('16') }, `${SETTING}.engineVersion must be an Aurora PostgreSQL version <major>.<minor> such as "16.8", got "16"`],
  ['a backup retention of 0', { backupRetentionDays: 0 }, `${SETTING}.backupRetentionDays must be an integer 1-35, got 0`],
  ['a backup retention of 36', { backupRetentionDays: 36 }, `${SETTING}.backupRetentionDays must be an integer 1-35, got 36`],
  ['a Performance Insights retention of 30', { performanceInsights: { enabled: true, retentionDays: 30 } }, `${SETTING}.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 30`],
  ['a Performance Insights retention of 744', { performanceInsights: { enabled: true, retentionDays: 744 } }, `${SETTING}.performanceInsights.retentionDays must be 7, 731, or a multiple of 31 up to 713, got 744`],
  ['a malformed backup window', { preferredBackupWindow: '2:00-3:00' }, `${SETTING}.preferredBackupWindow must be hh24:mi-hh24:mi (UTC) lasting at least 30 minutes, got "2:00-3:00"`],
  ['a backup window under 30 minutes', { preferredBackupWindow: '02:00-02:20' }, `${SETTING}.preferredBackupWindow must be hh24:mi-hh24:mi (UTC) lasting at least 30 minutes, got "02:00-02:20"`],
  ['a malformed maintenance window', { preferredMaintenanceWindow: 'sunday:04:00-sunday:05:00' }, `${SETTING}.preferredMaintenanceWindow must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon-sun) lasting at least 30 minutes, got "sunday:04:00-sunday:05:00"`],
  ['overlapping windows', { preferredMaintenanceWindow: 'sun:02:30-sun:03:30' }, `${SETTING}.preferredMaintenanceWindow must not overlap preferredBackupWindow (02:00-03:00 daily), got "sun:02:30-sun:03:30"`],
  ['windows overlapping across midnight', { preferredBackupWindow: '23:30-00:30', preferredMaintenanceWindow: 'mon:00:00-mon:01:00' }, `${SETTING}.preferredMaintenanceWindow must not overlap preferredBackupWindow (23:30-00:30 daily), got "mon:00:00-mon:01:00"`],
  ['an Enhanced Monitoring interval AWS rejects', { monitoringIntervalSeconds: 45 }, `${SETTING}.monitoringIntervalSeconds must be one of 0, 1, 5, 10, 15, 30, 60, got 45`],
  ['a port below 1150', { port: 80 }, `${SETTING}.port must be an integer 1150-65535, got 80`],
  ['a database name with a hyphen', { databaseName: 'trivia-nft' }, `${SETTING}.databaseName must be an RDS PostgreSQL database name: 1-63 letters, digits or underscores, starting with a letter, got "trivia-nft"`],
  ['a database name of 64 characters', { databaseName: 'd'.repeat(64) }, `${SETTING}.databaseName must be an RDS PostgreSQL database name: 1-63 letters, digits or underscores, starting with a letter, got "${'d'.repeat(64)}" (64 characters)`],
  ['a master user name starting with a digit', { masterUsername: '1admin' }, `${SETTING}.masterUsername must be an RDS master user name: 1-16 letters, digits or underscores, starting with a letter, got "1admin"`],
  ['a master user name of 17 characters', { masterUsername: 'gameadministrator' }, `${SETTING}.masterUsername must be an RDS master user name: 1-16 letters, digits or underscores, starting with a letter, got "gameadministrator" (17 characters)`],
  ['a rotation schedule above a year', { managedPasswordRotationDays: 400 }, `${SETTING}.managedPasswordRotationDays must be an integer 1-365, got 400`],
  ['a CPU threshold above 100 %', { alarmThresholds: { cpuPercent: 120 } }, `${SETTING}.alarmThresholds.cpuPercent must be 1-100, got 120`],
  ['a connections threshold of 0 %', { alarmThresholds: { connectionsPercentOfMax: 0 } }, `${SETTING}.alarmThresholds.connectionsPercentOfMax must be 1-100, got 0`],
  ['a capacity alarm threshold above 100 %', { alarmThresholds: { acuUtilizationPercent: 101 } }, `${SETTING}.alarmThresholds.acuUtilizationPercent must be 1-100, got 101`],
  ['a negative latency threshold', { alarmThresholds: { writeLatencySeconds: -1 } }, `${SETTING}.alarmThresholds.writeLatencySeconds must be a number above 0, got -1`],
  ['a storage threshold of 0', { alarmThresholds: { volumeBytesUsedGib: 0 } }, `${SETTING}.alarmThresholds.volumeBytesUsedGib must be a number above 0, got 0`],
  ['the Data API on an engine without it', { enableDataApi: true, engineVersion: AuroraPostgresEngineVersion.of('15.2') }, `${SETTING}.enableDataApi needs Aurora PostgreSQL 13.11+, 14.8+, 15.3+, 16.1+ or 17.4+ (the versions the RDS Data API supports), got engineVersion "15.2"`],
  ['the Data API on a burstable class', { enableDataApi: true, instanceClass: 'db.t4g.medium', serverlessV2: undefined }, `${SETTING}.enableDataApi needs Serverless v2 or a provisioned class other than T (the RDS Data API does not run on burstable classes), got instanceClass "db.t4g.medium"`],
];

describe('Aurora cluster props are validated before any resource is created', () => {
  test.each(BAD_PROPS)('GIVEN %s WHEN built THEN it fails naming the prop', (_case, overrides, message) => {
    let caught: unknown;
    try {
      synthCluster(overrides);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect((caught as ConfigurationError).problems).toEqual([expect.stringContaining(message)]);
  });

  test.each([
    ['the default windows', {}],
    ['adjacent windows', { preferredBackupWindow: '03:00-04:00', preferredMaintenanceWindow: 'sun:04:00-sun:04:30' }],
    ['a maintenance window across the week boundary', { preferredMaintenanceWindow: 'sun:23:00-mon:01:00' }],
    ['Performance Insights for 731 days', { performanceInsights: { enabled: true, retentionDays: 731 } }],
    ['Performance Insights for 93 days', { performanceInsights: { enabled: true, retentionDays: 93 } }],
    ['the largest Serverless v2 range', { serverlessV2: { minCapacity: 0, maxCapacity: 256, secondsUntilAutoPause: 86400 } }],
    ['16 instances', { instanceCount: 16 }],
    ['the Data API on Serverless v2, 16.1', { enableDataApi: true, engineVersion: AuroraPostgresEngineVersion.of('16.1') }],
    ['the Data API on a provisioned r class', { enableDataApi: true, instanceClass: 'db.r6g.large', serverlessV2: undefined }],
    ['a burstable class without the Data API', { instanceClass: 'db.t4g.medium', serverlessV2: undefined }],
  ])('GIVEN %s WHEN built THEN it is accepted', (_case, overrides) => {
    expect(() => synthCluster(overrides)).not.toThrow();
  });
});

describe('the RDS Data API', () => {
  test('GIVEN no choice WHEN synthesized THEN the HTTP endpoint is off, explicitly', () => {
    const { text } = synthCluster();
    expect(text).toHaveResourceWithProperties(RdsCluster, { enable_http_endpoint: false });
  });

  test('GIVEN enableDataApi WHEN synthesized THEN the cluster enables its HTTP endpoint', () => {
    const { text } = synthCluster({ enableDataApi: true });
    expect(text).toHaveResourceWithProperties(RdsCluster, { cluster_identifier: 'trivia-nft-staging-aurora-eu-west-2', enable_http_endpoint: true });
  });
});

describe('reading the managed master secret', () => {
  test('GIVEN a single-Region cluster WHEN a reader is granted THEN it reads the RDS-managed secret and decrypts with the cluster key', () => {
    const { cluster } = synthCluster();
    const [read, decrypt] = cluster.grantReadCredentials();
    expect(read.resources).toEqual([cluster.managedSecretArn]);
    expect(read.actions).toEqual(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']);
    expect(decrypt.resources).toEqual([cluster.kmsKeyArn]);
  });
});

describe('granting the RDS Data API', () => {
  test('GIVEN a cluster with the Data API WHEN granted THEN the Data API actions on this cluster only, and reading its master secret', () => {
    const { cluster } = synthCluster({ enableDataApi: true });
    const [dataApi, read, decrypt] = cluster.grantDataApi();
    expect(dataApi).toEqual({
      sid: 'AuroraDataApi',
      actions: ['rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement', 'rds-data:BeginTransaction', 'rds-data:CommitTransaction', 'rds-data:RollbackTransaction'],
      resources: [cluster.clusterArn],
    });
    expect(read.resources).toEqual([cluster.managedSecretArn]);
    expect(decrypt.resources).toEqual([cluster.kmsKeyArn]);
  });

  test('GIVEN a cluster without the Data API WHEN granted THEN it refuses, naming the setting', () => {
    const { cluster } = synthCluster();
    expect(() => cluster.grantDataApi()).toThrow('trivia-nft-staging-aurora-eu-west-2 has the RDS Data API off: set enableDataApi before granting its use');
  });
});

describe('risky but legal settings', () => {
  test('GIVEN a burstable class in prod WHEN built THEN it synthesizes with a warning naming the prop', () => {
    const { cluster } = synthCluster({ environment: 'prod', instanceClass: 'db.t4g.medium', serverlessV2: undefined });
    expect(cluster.node.metadata).toContainEqual(
      expect.objectContaining({ type: AnnotationMetadataEntryType.WARN, data: expect.stringContaining('aurora.instanceClass db.t4g.medium is burstable') }),
    );
  });

  test('GIVEN a burstable class in dev WHEN built THEN no warning is raised', () => {
    const { cluster } = synthCluster({ environment: 'dev', instanceClass: 'db.t4g.medium', serverlessV2: undefined });
    expect(cluster.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });
});
