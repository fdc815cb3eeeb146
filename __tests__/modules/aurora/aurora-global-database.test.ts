import { RdsGlobalCluster } from '@cdktf/provider-aws/lib/rds-global-cluster';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { AuroraGlobalDatabaseProps } from '../../../modules/aurora';
import { AWS_REGIONS } from '../../../modules/regions';
import { credentialsWriteVersion, regionWriteCode } from '../../../modules/rds';
import { ConfigurationError } from '../../../modules/validation';
import { TestStack } from '../../fixtures/region-context';
import { resourcesByPath, synthGlobal } from './aurora-fixture';

const EPHEMERAL = 'trivia_nft_staging_aurora_master_password';

describe('Aurora Global Database', () => {
  test('GIVEN two Regions WHEN synthesized THEN a global cluster holds a primary and a secondary, each through its Region provider', () => {
    const { json, text } = synthGlobal();
    expect(text).toHaveResourceWithProperties(RdsGlobalCluster, {
      global_cluster_identifier: 'trivia-nft-staging-aurora',
      engine: 'aurora-postgresql',
      engine_version: '16.8',
      storage_encrypted: true,
      deletion_protection: true,
    });
    const clusters = resourcesByPath(json, 'aws_rds_cluster');
    const [globalCluster] = Object.keys(json.resource.aws_rds_global_cluster);
    expect(Object.keys(clusters).sort()).toEqual(['Aurora/ClusterEuWest1/Cluster', 'Aurora/ClusterEuWest2/Cluster']);
    expect(clusters['Aurora/ClusterEuWest2/Cluster']).toMatchObject({ provider: 'aws.eu_west_2', cluster_identifier: 'trivia-nft-staging-aurora-eu-west-2' });
    expect(clusters['Aurora/ClusterEuWest1/Cluster']).toMatchObject({ provider: 'aws.eu_west_1', cluster_identifier: 'trivia-nft-staging-aurora-eu-west-1' });
    for (const cluster of Object.values(clusters)) {
      expect(cluster.global_cluster_identifier).toBe(`\${aws_rds_global_cluster.${globalCluster}.id}`);
    }
  });

  test('GIVEN the secondary WHEN synthesized THEN it has no master credentials and waits for every primary instance', () => {
    const { json } = synthGlobal();
    const secondary = resourcesByPath(json, 'aws_rds_cluster')['Aurora/ClusterEuWest1/Cluster'];
    for (const argument of ['master_username', 'master_password', 'master_password_wo', 'master_password_wo_version', 'manage_master_user_password', 'database_name']) {
      expect(secondary).not.toHaveProperty(argument);
    }
    const primaryInstances = Object.keys(json.resource.aws_rds_cluster_instance).filter((name) => name.startsWith('Aurora_ClusterEuWest2_'));
    expect(primaryInstances).toHaveLength(2);
    const [ownLogGroup] = Object.keys(json.resource.aws_cloudwatch_log_group).filter((name) => name.startsWith('Aurora_ClusterEuWest1_'));
    expect(secondary.depends_on.sort()).toEqual([`aws_cloudwatch_log_group.${ownLogGroup}`, ...primaryInstances.map((name) => `aws_rds_cluster_instance.${name}`)].sort());
  });

  test('GIVEN logRetentionDays 90 WHEN synthesized THEN each member keeps its PostgreSQL log 90 days in its own Region', () => {
    const { json } = synthGlobal(() => ({ logRetentionDays: 90 }));
    const logGroups = Object.values(json.resource.aws_cloudwatch_log_group) as any[];
    expect(logGroups.map((group) => [group.provider, group.name, group.retention_in_days]).sort()).toEqual([
      ['aws.eu_west_1', '/aws/rds/cluster/trivia-nft-staging-aurora-eu-west-1/postgresql', 90],
      ['aws.eu_west_2', '/aws/rds/cluster/trivia-nft-staging-aurora-eu-west-2/postgresql', 90],
    ]);
  });

  test('GIVEN members WHEN synthesized THEN they ignore the drift the provider reports on Global Database members', () => {
    const clusters = resourcesByPath(synthGlobal().json, 'aws_rds_cluster');
    const shared = ['engine_version', 'global_cluster_identifier', 'replication_source_identifier', 'master_username', 'database_name', 'engine_lifecycle_support'];
    expect(clusters['Aurora/ClusterEuWest2/Cluster'].lifecycle.ignore_changes).toEqual([...shared, 'enable_global_write_forwarding']);
    expect(clusters['Aurora/ClusterEuWest1/Cluster'].lifecycle.ignore_changes).toEqual([...shared, 'master_password_wo_version']);
  });

  test('GIVEN the primary WHEN synthesized THEN its password comes write-only from the ephemeral random_password, versioned', () => {
    const { json } = synthGlobal(() => ({ masterPasswordVersion: 3, masterUsername: 'gameadmin' }));
    const primary = resourcesByPath(json, 'aws_rds_cluster')['Aurora/ClusterEuWest2/Cluster'];
    expect(primary).toMatchObject({
      master_username: 'gameadmin',
      master_password_wo: `\${ephemeral.random_password.${EPHEMERAL}.result}`,
      master_password_wo_version: credentialsWriteVersion(3, 'eu-west-2'),
    });
    expect(primary).not.toHaveProperty('manage_master_user_password');
    expect(json.ephemeral.random_password[EPHEMERAL]).toEqual({
      length: 40,
      special: true,
      override_special: '!#$%&*()-_=+[]{}<>:?',
      min_lower: 1,
      min_upper: 1,
      min_numeric: 1,
      min_special: 1,
    });
    expect(json.resource.random_password).toBeUndefined();
  });

  test('GIVEN the credentials WHEN synthesized THEN each Region has a secret under its own key, written with the same ephemeral password', () => {
    const { json, text } = synthGlobal(() => ({ masterPasswordVersion: 2 }));
    const keys = resourcesByPath(json, 'aws_kms_key');
    expect(Object.keys(keys).filter((key) => !key.includes('/PostgresqlLog/')).sort()).toEqual(['Aurora/ClusterEuWest1/Key', 'Aurora/ClusterEuWest2/Key']);
    const secrets = resourcesByPath(json, 'aws_secretsmanager_secret');
    const keyName = (region: string) => Object.keys(json.resource.aws_kms_key).find((name) => name.startsWith(`Aurora_Cluster${region}_Key`));
    expect(secrets['Aurora/Credentials/SecretEuWest2']).toMatchObject({
      provider: 'aws.eu_west_2',
      name: 'trivia-nft-staging-aurora-eu-west-2/master',
      kms_key_id: `\${aws_kms_key.${keyName('EuWest2')}.arn}`,
      recovery_window_in_days: 30,
    });
    expect(secrets['Aurora/Credentials/SecretEuWest1']).toMatchObject({ provider: 'aws.eu_west_1', kms_key_id: `\${aws_kms_key.${keyName('EuWest1')}.arn}` });
    expect(text).toHaveResourceWithProperties(SecretsmanagerSecret, { name: 'trivia-nft-staging-aurora-eu-west-1/master' });
    const [globalCluster] = Object.keys(json.resource.aws_rds_global_cluster);
    for (const version of Object.values(json.resource.aws_secretsmanager_secret_version) as any[]) {
      expect(version).not.toHaveProperty('secret_string');
      expect(version.secret_string_wo).toBe(
        `\${jsonencode({"engine" = "postgres", "username" = "dbadmin", "password" = ephemeral.random_password.${EPHEMERAL}.result, "host" = aws_rds_global_cluster.${globalCluster}.endpoint, "port" = 5432, "dbname" = "trivia_nft"})}`,
      );
      expect(version.secret_string_wo_version).toBe(credentialsWriteVersion(2, 'eu-west-2'));
    }
  });

  test.each([
    [1, 'eu-west-2', 119347],
    [1, 'eu-west-1', 139264],
    [2, 'eu-west-2', 219347],
    [1, 'us-east-1', 177460],
  ])('GIVEN password version %i and primary %s WHEN the write version is computed THEN it is %i, pinned: no list of Regions can shift it', (version, region, expected) => {
    expect(credentialsWriteVersion(version, region)).toBe(expected);
  });

  test('GIVEN every Region DataStack accepts WHEN their write codes are computed THEN no two share one, so a switchover always changes the version', () => {
    const codes = AWS_REGIONS.map(regionWriteCode);
    expect(new Set(codes).size).toBe(AWS_REGIONS.length);
  });

  /** The primary cluster's write version and every secret's, from a synthesized stack. */
  function writeVersions(json: any, primaryPath: string): { cluster: number; secrets: number[] } {
    const cluster = resourcesByPath(json, 'aws_rds_cluster')[primaryPath];
    const secrets = (Object.values(json.resource.aws_secretsmanager_secret_version) as any[]).map((version) => version.secret_string_wo_version);
    return { cluster: cluster.master_password_wo_version, secrets };
  }

  test.each([
    ['a password bump', () => ({ masterPasswordVersion: 2 }), 'Aurora/ClusterEuWest2/Cluster'],
    [
      'a switchover (eu-west-1 becomes the primary)',
      (test: TestStack) => ({
        primary: { context: test.context('eu-west-1'), instanceCount: 1, instanceClass: 'db.r6g.large' },
        secondary: { context: test.context('eu-west-2'), instanceCount: 2, instanceClass: 'db.r6g.large' },
      }),
      'Aurora/ClusterEuWest1/Cluster',
    ],
  ])('GIVEN %s WHEN synthesized THEN the primary cluster and every secret move to one new write version together', (_case, overrides, primaryPath) => {
    const before = writeVersions(synthGlobal().json, 'Aurora/ClusterEuWest2/Cluster');
    const after = writeVersions(synthGlobal(overrides).json, primaryPath);
    expect(before.secrets).toEqual([before.cluster, before.cluster]);
    expect(after.secrets).toEqual([after.cluster, after.cluster]);
    expect(after.cluster).not.toBe(before.cluster);
  });

  test('GIVEN unchanged settings WHEN synthesized twice THEN no write version changes, so no apply writes a password', () => {
    expect(writeVersions(synthGlobal().json, 'Aurora/ClusterEuWest2/Cluster')).toEqual(writeVersions(synthGlobal().json, 'Aurora/ClusterEuWest2/Cluster'));
  });

  test('GIVEN a headless secondary WHEN synthesized THEN it has no instance but keeps its replication-lag alarm', () => {
    const { json } = synthGlobal((test) => ({ secondary: { context: test.context('eu-west-1'), instanceCount: 0, instanceClass: 'db.r6g.large' } }));
    const instances = Object.keys(json.resource.aws_rds_cluster_instance);
    expect(instances.filter((name) => name.startsWith('Aurora_ClusterEuWest1_'))).toEqual([]);
    expect(resourcesByPath(json, 'aws_rds_cluster')).toHaveProperty(['Aurora/ClusterEuWest1/Cluster']);
  });

  test('GIVEN members with alarm topics WHEN synthesized THEN AuroraGlobalDBReplicationLag is watched on the secondary, in its Region', () => {
    const alarms = resourcesByPath(synthGlobal().json, 'aws_cloudwatch_metric_alarm');
    expect(alarms['Aurora/ClusterEuWest1/ClusterAlarms/ReplicationLag']).toMatchObject({
      provider: 'aws.eu_west_1',
      metric_name: 'AuroraGlobalDBReplicationLag',
      dimensions: { DBClusterIdentifier: 'trivia-nft-staging-aurora-eu-west-1' },
      threshold: 1000,
      alarm_actions: ['arn:aws:sns:eu-west-1:111122223333:critical'],
    });
    // The primary carries the same alarm (no data until it becomes a secondary), so a switchover moves no address.
    expect(alarms['Aurora/ClusterEuWest2/ClusterAlarms/ReplicationLag']).toMatchObject({ provider: 'aws.eu_west_2', treat_missing_data: 'missing' });
  });

  test('GIVEN no secondary WHEN synthesized THEN the global cluster has one member and one secret', () => {
    const { json } = synthGlobal(() => ({ secondary: undefined }));
    expect(Object.keys(resourcesByPath(json, 'aws_rds_cluster'))).toEqual(['Aurora/ClusterEuWest2/Cluster']);
    expect(Object.keys(resourcesByPath(json, 'aws_secretsmanager_secret'))).toEqual(['Aurora/Credentials/SecretEuWest2']);
  });

  test('GIVEN prod WHEN synthesized THEN the global cluster, members and keys are prevent_destroy', () => {
    const { json } = synthGlobal(() => ({}), { environment: 'prod' });
    expect((Object.values(json.resource.aws_rds_global_cluster)[0] as any).lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['engine_lifecycle_support'] });
    for (const cluster of Object.values(json.resource.aws_rds_cluster) as any[]) expect(cluster.lifecycle.prevent_destroy).toBe(true);
    const memberKeys = Object.entries(resourcesByPath(json, 'aws_kms_key')).filter(([path]) => path.startsWith('Aurora/'));
    for (const [, key] of memberKeys) expect(key.lifecycle).toEqual({ prevent_destroy: true });
  });

  test.each([
    ['a secondary in the primary Region', (test: TestStack) => ({ secondary: { context: test.context('eu-west-2'), instanceCount: 1, instanceClass: 'db.r6g.large' } }), 'aurora.secondary.region must differ from primary.region (eu-west-2), got "eu-west-2"'],
    ['a secondary with 17 instances', (test: TestStack) => ({ secondary: { context: test.context('eu-west-1'), instanceCount: 17, instanceClass: 'db.r6g.large' } }), 'aurora.secondary.instanceCount must be an integer 0-16, got 17'],
    ['a headless primary', (test: TestStack) => ({ primary: { context: test.context('eu-west-2'), instanceCount: 0, instanceClass: 'db.r6g.large' } }), 'aurora.primary.instanceCount must be an integer 1-16, got 0'],
    ['a password version of 0', () => ({ masterPasswordVersion: 0 }), 'aurora.masterPasswordVersion must be an integer 1-1000000, got 0'],
    ['the Data API with a burstable secondary', (test: TestStack) => ({ enableDataApi: true, secondary: { context: test.context('eu-west-1'), instanceCount: 1, instanceClass: 'db.t4g.medium' } }), 'aurora.enableDataApi needs Serverless v2 or a provisioned class other than T (the RDS Data API does not run on burstable classes), got instanceClass "db.t4g.medium"'],
    ['a managed password rotation', () => ({ managedPasswordRotationDays: 30 }), 'aurora.managedPasswordRotationDays must be left out for a Global Database (RDS-managed passwords are not supported there; bump masterPasswordVersion to rotate), got 30'],
  ])('GIVEN %s WHEN built THEN it fails naming the prop', (_case, overrides: (test: TestStack) => Partial<AuroraGlobalDatabaseProps>, message) => {
    let caught: unknown;
    try {
      synthGlobal(overrides);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    expect((caught as ConfigurationError).problems).toEqual([message]);
  });
});

describe('the RDS Data API on a Global Database', () => {
  test('GIVEN enableDataApi WHEN synthesized THEN both members enable their HTTP endpoint (AWS serves it on a secondary once it is promoted)', () => {
    const { json } = synthGlobal(() => ({ enableDataApi: true }));
    const clusters = resourcesByPath(json, 'aws_rds_cluster');
    expect(Object.values(clusters).map((cluster) => cluster.enable_http_endpoint)).toEqual([true, true]);
  });
});

describe('reading the master credentials', () => {
  test('GIVEN a Global Database WHEN a reader is granted THEN it may read exactly the Region secret and decrypt only through Secrets Manager', () => {
    const { database } = synthGlobal();
    const statements = database.grantReadCredentials('eu-west-1');
    expect(statements).toEqual([
      { sid: 'ReadAuroraMasterCredentials', actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: [database.secretArnIn('eu-west-1')] },
      {
        sid: 'DecryptAuroraMasterCredentials',
        actions: ['kms:Decrypt'],
        resources: [database.clusterIn('eu-west-1').kmsKeyArn],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.eu-west-1.amazonaws.com'] }],
      },
    ]);
    expect(database.grantReadCredentials()[0].resources).toEqual([database.secretArn]);
    expect(() => database.primary.grantReadCredentials()).toThrow('trivia-nft-staging-aurora-eu-west-2 is a Global Database member');
  });
});

describe('the global cluster provider', () => {
  test('GIVEN eu-west-2 primary WHEN synthesized THEN the global cluster is created through the primary Region provider', () => {
    expect((Object.values(synthGlobal().json.resource.aws_rds_global_cluster)[0] as any).provider).toBe('aws.eu_west_2');
  });
});
