import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GAMING_PLATFORM_ENVIRONMENTS } from '../../../stacks/gaming-platform/environments';
import { gamingPlatformSystem } from '../../../stacks/gaming-platform/gaming-platform-system';
import { failedMessages } from '../../../modules/validation';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { BASE_ENVIRONMENT, environmentWith } from '../../fixtures/gaming-platform-environment';
import { synthGamingPlatform } from '../../fixtures/synth';
import { resourcesByPath } from '../../fixtures/region-context';

const TIER_TYPES = [
  'aws_rds_global_cluster', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_db_subnet_group', 'aws_security_group',
  'aws_rds_cluster_parameter_group', 'aws_db_parameter_group', 'aws_iam_role', 'aws_iam_role_policy_attachment',
  'aws_secretsmanager_secret', 'aws_secretsmanager_secret_version', 'aws_kms_key', 'aws_kms_alias', 'aws_cloudwatch_metric_alarm',
  'aws_cloudwatch_log_group',
];

/** The Aurora tier's resources as `type.construct/path`, sorted. */
function auroraResources(json: any): string[] {
  return TIER_TYPES.flatMap((type) => Object.keys(resourcesByPath(json, type)).filter((p) => p.startsWith('Aurora/')).map((p) => `${type}.${p}`)).sort();
}

/** Every Terraform address in a synthesized stack (resources, data sources, ephemeral blocks). */
function addresses(json: any): string[] {
  const blocks = (kind: string, prefix: string) =>
    Object.entries(json[kind] ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((name) => `${prefix}${type}.${name}`));
  return [...blocks('resource', ''), ...blocks('data', 'data.'), ...blocks('ephemeral', 'ephemeral.')].sort();
}

describe('gaming-platform-prod Aurora Global Database', () => {
  const prod = () => synthGamingPlatform(BASE_ENVIRONMENT);

  test('GIVEN prod WHEN synthesized THEN it holds the global cluster, a cluster, key and secret per Region, and 3 + 2 db.r6g.xlarge instances', () => {
    const { json } = prod();
    const resources = auroraResources(json);
    expect(resources.filter((r) => !r.startsWith('aws_cloudwatch_metric_alarm'))).toEqual(
      [
        'aws_cloudwatch_log_group.Aurora/ClusterEuWest1/PostgresqlLog/Group',
        'aws_cloudwatch_log_group.Aurora/ClusterEuWest2/PostgresqlLog/Group',
        'aws_db_parameter_group.Aurora/ClusterEuWest1/ParameterGroups/Instance',
        'aws_db_parameter_group.Aurora/ClusterEuWest2/ParameterGroups/Instance',
        'aws_db_subnet_group.Aurora/ClusterEuWest1/SubnetGroup',
        'aws_db_subnet_group.Aurora/ClusterEuWest2/SubnetGroup',
        'aws_iam_role.Aurora/ClusterEuWest1/MonitoringRole',
        'aws_iam_role.Aurora/ClusterEuWest2/MonitoringRole',
        'aws_iam_role_policy_attachment.Aurora/ClusterEuWest1/MonitoringRole/Policy',
        'aws_iam_role_policy_attachment.Aurora/ClusterEuWest2/MonitoringRole/Policy',
        'aws_kms_alias.Aurora/ClusterEuWest1/Key/Alias',
        'aws_kms_alias.Aurora/ClusterEuWest1/PostgresqlLog/Key/Alias',
        'aws_kms_alias.Aurora/ClusterEuWest2/Key/Alias',
        'aws_kms_alias.Aurora/ClusterEuWest2/PostgresqlLog/Key/Alias',
        'aws_kms_key.Aurora/ClusterEuWest1/Key',
        'aws_kms_key.Aurora/ClusterEuWest1/PostgresqlLog/Key',
        'aws_kms_key.Aurora/ClusterEuWest2/Key',
        'aws_kms_key.Aurora/ClusterEuWest2/PostgresqlLog/Key',
        'aws_rds_cluster.Aurora/ClusterEuWest1/Cluster',
        'aws_rds_cluster.Aurora/ClusterEuWest2/Cluster',
        'aws_rds_cluster_instance.Aurora/ClusterEuWest1/Instance1',
        'aws_rds_cluster_instance.Aurora/ClusterEuWest1/Instance2',
        'aws_rds_cluster_instance.Aurora/ClusterEuWest2/Instance1',
        'aws_rds_cluster_instance.Aurora/ClusterEuWest2/Instance2',
        'aws_rds_cluster_instance.Aurora/ClusterEuWest2/Instance3',
        'aws_rds_cluster_parameter_group.Aurora/ClusterEuWest1/ParameterGroups/Cluster',
        'aws_rds_cluster_parameter_group.Aurora/ClusterEuWest2/ParameterGroups/Cluster',
        'aws_rds_global_cluster.Aurora/GlobalCluster',
        'aws_secretsmanager_secret.Aurora/Credentials/SecretEuWest1',
        'aws_secretsmanager_secret.Aurora/Credentials/SecretEuWest2',
        'aws_secretsmanager_secret_version.Aurora/Credentials/ValueEuWest1',
        'aws_secretsmanager_secret_version.Aurora/Credentials/ValueEuWest2',
        'aws_security_group.Aurora/ClusterEuWest1/SecurityGroup',
        'aws_security_group.Aurora/ClusterEuWest2/SecurityGroup',
      ],
    );
    const instances = resourcesByPath(json, 'aws_rds_cluster_instance');
    expect(Object.values(instances).map((instance) => [instance.provider, instance.instance_class, instance.identifier])).toEqual([
      ['aws.eu_west_1', 'db.r6g.xlarge', 'gaming-platform-prod-aurora-eu-west-1-1'],
      ['aws.eu_west_1', 'db.r6g.xlarge', 'gaming-platform-prod-aurora-eu-west-1-2'],
      ['aws.eu_west_2', 'db.r6g.xlarge', 'gaming-platform-prod-aurora-eu-west-2-1'],
      ['aws.eu_west_2', 'db.r6g.xlarge', 'gaming-platform-prod-aurora-eu-west-2-2'],
      ['aws.eu_west_2', 'db.r6g.xlarge', 'gaming-platform-prod-aurora-eu-west-2-3'],
    ]);
  });

  test('GIVEN prod WHEN synthesized THEN the two clusters run in two Regions through two providers, with 14-day backups, PI for 31 days and prod protection', () => {
    const { json } = prod();
    const clusters = resourcesByPath(json, 'aws_rds_cluster');
    const providers = json.provider.aws.map((provider: any) => [provider.alias, provider.region]);
    expect(providers).toEqual(expect.arrayContaining([['eu_west_2', 'eu-west-2'], ['eu_west_1', 'eu-west-1']]));
    for (const [region, alias] of [['eu-west-2', 'eu_west_2'], ['eu-west-1', 'eu_west_1']]) {
      const cluster = clusters[`Aurora/Cluster${region === 'eu-west-2' ? 'EuWest2' : 'EuWest1'}/Cluster`];
      expect(cluster).toMatchObject({
        provider: `aws.${alias}`,
        cluster_identifier: `gaming-platform-prod-aurora-${region}`,
        backup_retention_period: 14,
        storage_encrypted: true,
        deletion_protection: true,
        skip_final_snapshot: false,
        delete_automated_backups: false,
        copy_tags_to_snapshot: true,
        final_snapshot_identifier: `gaming-platform-prod-aurora-${region}-final`,
        enabled_cloudwatch_logs_exports: ['postgresql'],
        lifecycle: expect.objectContaining({ prevent_destroy: true }),
      });
      expect(cluster.kms_key_id).toMatch(new RegExp(`^\\$\\{aws_kms_key\\.Aurora_Cluster${region === 'eu-west-2' ? 'EuWest2' : 'EuWest1'}_Key_[0-9A-F]{8}\\.arn\\}$`));
    }
    for (const instance of Object.values(resourcesByPath(json, 'aws_rds_cluster_instance'))) {
      expect(instance).toMatchObject({ publicly_accessible: false, performance_insights_enabled: true, performance_insights_retention_period: 31, monitoring_interval: 60 });
    }
    expect(Object.values(json.resource.aws_rds_global_cluster)[0]).toMatchObject({ global_cluster_identifier: 'gaming-platform-prod-aurora', engine_version: '16.8', lifecycle: { prevent_destroy: true } });
  });

  test('GIVEN prod WHEN synthesized THEN subnet groups take each Region\'s data subnets and security groups admit only its application groups on 5432', () => {
    const { json } = prod();
    const subnetGroups = resourcesByPath(json, 'aws_db_subnet_group');
    expect(subnetGroups['Aurora/ClusterEuWest2/SubnetGroup'].subnet_ids).toEqual(['subnet-0ddd', 'subnet-0eee']);
    expect(subnetGroups['Aurora/ClusterEuWest1/SubnetGroup'].subnet_ids).toEqual(['subnet-1ddd', 'subnet-1eee']);
    const groups = resourcesByPath(json, 'aws_security_group');
    expect(groups['Aurora/ClusterEuWest1/SecurityGroup'].vpc_id).toBe('vpc-1a1b2c3d');
    const rules = resourcesByPath(json, 'aws_vpc_security_group_ingress_rule');
    expect(rules['Aurora/ClusterEuWest1/SecurityGroup/Port5432FromApplication1']).toMatchObject({ from_port: 5432, to_port: 5432, referenced_security_group_id: 'sg-1app', provider: 'aws.eu_west_1' });
    expect(Object.keys(rules).filter((p) => p.startsWith('Aurora/'))).toHaveLength(2);
  });

  test('GIVEN prod WHEN synthesized THEN alarms notify the topics of their own Region and every member watches replication lag', () => {
    const { json } = prod();
    const alarms = resourcesByPath(json, 'aws_cloudwatch_metric_alarm');
    const topic = (region: string, severity: string) => expect.stringContaining(`aws_sns_topic.AlarmTopics${region}_${severity}_`);
    expect(alarms['Aurora/ClusterEuWest1/ClusterAlarms/ReplicationLag']).toMatchObject({ provider: 'aws.eu_west_1', alarm_actions: [topic('EuWest1', 'Critical')] });
    expect(alarms['Aurora/ClusterEuWest2/Instance1Alarms/Cpu']).toMatchObject({ provider: 'aws.eu_west_2', alarm_actions: [topic('EuWest2', 'Warning')] });
    // db.r6g.xlarge: LEAST(32 x 10^9 / 9531392, 5000) = 3357; 80 % = 2685.
    expect(alarms['Aurora/ClusterEuWest2/Instance1Alarms/Connections'].threshold).toBe(2685);
    expect(alarms['Aurora/ClusterEuWest2/ClusterAlarms/ReplicationLag']).toMatchObject({ provider: 'aws.eu_west_2', treat_missing_data: 'missing' });
    expect(Object.keys(alarms).filter((p) => p.startsWith('Aurora/'))).toHaveLength(5 * 5 + 2);
  });

  test('GIVEN prod WHEN synthesized THEN the outputs the platform\'s requirements list exist with descriptions, the secret ARNs sensitive', () => {
    const { json } = prod();
    const outputs = json.output;
    for (const name of ['primary_cluster_endpoint', 'primary_cluster_reader_endpoint', 'primary_cluster_port', 'primary_cluster_database_name', 'global_cluster_writer_endpoint', 'master_credentials_secret_arn', 'secondary_cluster_endpoint', 'secondary_cluster_reader_endpoint', 'secondary_master_credentials_secret_arn']) {
      expect(outputs[name].description).toEqual(expect.any(String));
    }
    expect(outputs.primary_cluster_endpoint.value).toMatch(/^\$\{aws_rds_cluster\.Aurora_ClusterEuWest2_Cluster_[0-9A-F]{8}\.endpoint\}$/);
    expect(outputs.secondary_cluster_reader_endpoint.value).toMatch(/^\$\{aws_rds_cluster\.Aurora_ClusterEuWest1_Cluster_[0-9A-F]{8}\.reader_endpoint\}$/);
    expect(outputs.primary_cluster_port.value).toBe(5432);
    expect(outputs.primary_cluster_database_name.value).toBe('gaming');
    expect(outputs.master_credentials_secret_arn).toMatchObject({ sensitive: true, value: expect.stringMatching(/SecretEuWest2_[0-9A-F]{8}\.arn\}$/) });
    expect(outputs.secondary_master_credentials_secret_arn.sensitive).toBe(true);
  });

  test('GIVEN a switchover WHEN primaryRegion and secondaryRegion are swapped THEN no Terraform address changes, only roles', () => {
    const before = synthGamingPlatform(BASE_ENVIRONMENT).json;
    const flipped = environmentWith({
      primaryRegion: 'eu-west-1',
      secondaryRegion: 'eu-west-2',
      aurora: { ...BASE_ENVIRONMENT.aurora, primary: BASE_ENVIRONMENT.aurora.secondary!, secondary: BASE_ENVIRONMENT.aurora.primary },
    });
    const after = synthGamingPlatform(flipped).json;
    // The single-Region Redis follows primaryRegion by design: its addresses are checked in cache.test.ts. So does
    // the backup plan, made in the primary Region (it backs up the writer there and copies to the other Region);
    // a plan and its selection hold no recovery point, which stay in the vaults, keyed by Region.
    const notRedis = (address: string) => !address.includes('.Redis_') && !/^aws_backup_(plan|selection)\.Backup_Plan/.test(address);
    expect(addresses(after).filter(notRedis)).toEqual(addresses(before).filter(notRedis));
    const clusters = resourcesByPath(after, 'aws_rds_cluster');
    expect(clusters['Aurora/ClusterEuWest1/Cluster']).toHaveProperty('master_password_wo');
    expect(clusters['Aurora/ClusterEuWest2/Cluster']).not.toHaveProperty('master_password_wo');
    expect(clusters['Aurora/ClusterEuWest2/Cluster'].depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_rds_cluster_instance\.Aurora_ClusterEuWest1_Instance/)]));
    // Each Region kept its capacity, so no instance is created or destroyed by the flip.
    expect(Object.keys(resourcesByPath(after, 'aws_rds_cluster_instance')).filter((p) => p.startsWith('Aurora/ClusterEuWest1/'))).toHaveLength(2);
  });
});

describe('gaming-platform-dev Aurora', () => {
  test('GIVEN dev (no secondary Region) WHEN synthesized THEN a one-Region global database with one db.r6g.large instance and no deletion protection', () => {
    const { json } = synthGamingPlatform({ ...GAMING_PLATFORM_ENVIRONMENTS.dev, network: { 'eu-west-2': BASE_ENVIRONMENT.network['eu-west-2'] } });
    const clusters = resourcesByPath(json, 'aws_rds_cluster');
    expect(Object.keys(clusters)).toEqual(['Aurora/ClusterEuWest2/Cluster']);
    expect(clusters['Aurora/ClusterEuWest2/Cluster']).toMatchObject({ provider: 'aws.eu_west_2', deletion_protection: false, backup_retention_period: 7 });
    expect(clusters['Aurora/ClusterEuWest2/Cluster'].lifecycle.prevent_destroy).toBeUndefined();
    const instances = Object.values(resourcesByPath(json, 'aws_rds_cluster_instance'));
    expect(instances.map((instance) => instance.instance_class)).toEqual(['db.r6g.large']);
    expect(instances[0].performance_insights_enabled).toBe(false);
    expect(Object.keys(resourcesByPath(json, 'aws_kms_key')).filter((p) => p.startsWith('Aurora/'))).toEqual(['Aurora/ClusterEuWest2/Key', 'Aurora/ClusterEuWest2/PostgresqlLog/Key']);
    expect(json.output).not.toHaveProperty('secondary_cluster_endpoint');
    expect(Object.values(json.resource.aws_rds_global_cluster)[0]).toMatchObject({ global_cluster_identifier: 'gaming-platform-dev-aurora', deletion_protection: false });
  });
});

// Keys whose values may carry a password, and what they may hold instead of one.
const PASSWORD_KEY = /password|secret_string/i;
const EPHEMERAL_ONLY = /^\$\{(jsonencode\(.*)?ephemeral\.random_password\.\w+\.result.*\}$/;
// The ElastiCache AUTH token: hashicorp/aws 6.25 has no write-only auth_token, so it is a stateful
// random_password (named ...AuthToken...) referenced by auth_token and its secret's secret_string_wo (cache.test.ts).
const CACHE_AUTH_TOKEN = /AuthToken/;
const CACHE_AUTH_TOKEN_ONLY = /^\$\{jsonencode\(.*random_password\.\w*AuthToken\w*\.result.*\}$/;

/** Every place in a synthesized JSON document where a password could have been written in clear. */
export function passwordLeaks(node: unknown, where = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => passwordLeaks(item, `${where}[${index}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${where}.${key}`;
    if (PASSWORD_KEY.test(key) && typeof value === 'string') {
      // Write-only arguments may reference the ephemeral password; nothing else may hold a password string.
      return key.endsWith('_wo') && (EPHEMERAL_ONLY.test(value) || CACHE_AUTH_TOKEN_ONLY.test(value)) ? [] : [here];
    }
    if (key === 'random_password' && !where.startsWith('$.ephemeral')) {
      const stateful = Object.keys(value as object).filter((name) => !(where === '$.resource' && CACHE_AUTH_TOKEN.test(name)));
      return stateful.length > 0 ? [here] : [];
    }
    return passwordLeaks(value, here);
  });
}

describe('no password in any synthesized file', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-aurora-'));
    synthesizeSystems([gamingPlatformSystem(GAMING_PLATFORM_ENVIRONMENTS)], outdir);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

  test('GIVEN every gaming-platform stack WHEN synthesized THEN no JSON file holds a password outside write-only ephemeral references', () => {
    const jsonFiles = files(outdir).filter((file) => file.endsWith('.json'));
    expect(jsonFiles.filter((file) => file.endsWith('cdk.tf.json'))).toHaveLength(3);
    for (const file of jsonFiles) {
      expect({ file: path.relative(outdir, file), leaks: passwordLeaks(JSON.parse(fs.readFileSync(file, 'utf8'))) }).toEqual({ file: path.relative(outdir, file), leaks: [] });
    }
  });

  test('GIVEN every synthesized file WHEN searched THEN the ephemeral password is referenced only by master_password_wo and secret_string_wo', () => {
    const text = files(outdir).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const referencingKeys: string[] = [];
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && value.includes('ephemeral.random_password')) referencingKeys.push(key);
        else walk(value);
      }
    };
    for (const file of files(outdir).filter((name) => name.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect(new Set(referencingKeys)).toEqual(new Set(['master_password_wo', 'secret_string_wo']));
    expect(text).not.toMatch(/"master_password":/);
    expect(text).not.toMatch(/"secret_string":/);
  });

  test('GIVEN the random provider WHEN synthesized THEN it is pinned at 3.7 or later, the first with ephemeral random_password', () => {
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'gaming-platform-prod', 'cdk.tf.json'), 'utf8'));
    const [major, minor] = stack.terraform.required_providers.random.version.split('.').map(Number);
    expect(major > 3 || (major === 3 && minor >= 7)).toBe(true);
    expect(stack.terraform.required_version).toBe('>= 1.11');
  });

  test.each([
    ['a literal master_password', { resource: { aws_rds_cluster: { c: { master_password: 'hunter2' } } } }, '$.resource.aws_rds_cluster.c.master_password'],
    ['a literal write-only password', { resource: { aws_rds_cluster: { c: { master_password_wo: 'hunter2' } } } }, '$.resource.aws_rds_cluster.c.master_password_wo'],
    ['a secret_string', { resource: { aws_secretsmanager_secret_version: { v: { secret_string: '{"password":"x"}' } } } }, '$.resource.aws_secretsmanager_secret_version.v.secret_string'],
    ['a stateful random_password', { resource: { random_password: { p: { length: 20 } } } }, '$.resource.random_password'],
    ['a literal secret_string_wo next to an AUTH token', { resource: { random_password: { Redis_AuthToken_1: { length: 64 } }, aws_secretsmanager_secret_version: { v: { secret_string_wo: '{"auth_token":"x"}' } } } }, '$.resource.aws_secretsmanager_secret_version.v.secret_string_wo'],
  ])('GIVEN %s WHEN checked THEN the leak check catches it (the check can fail)', (_case, document, leak) => {
    expect(passwordLeaks(document)).toEqual([leak]);
  });
});

describe('gaming-platform Aurora names and identifiers', () => {
  const messages = (environment: ReturnType<typeof environmentWith>) => failedMessages(gamingPlatformSystem({ prod: environment }).validationRules());

  test('GIVEN a 17-character master user name in prod WHEN validated THEN RDS\'s 1-16 limit is named with the setting path', () => {
    expect(messages(environmentWith({ aurora: { ...BASE_ENVIRONMENT.aurora, masterUsername: 'gameadministrator' } }))).toEqual([
      'gaming-platform.environments.prod.aurora.masterUsername must be an RDS master user name: 1-16 letters, digits or underscores, starting with a letter, got "gameadministrator" (17 characters)',
    ]);
  });

  test('GIVEN a secondary of 16 instances WHEN validated THEN its identifiers (up to -16) fit and nothing is refused', () => {
    expect(messages(environmentWith({ aurora: { ...BASE_ENVIRONMENT.aurora, secondary: { instanceCount: 16, instanceClass: 'db.r6g.xlarge' } } }))).toEqual([]);
  });

  test('GIVEN an environment name that makes the cluster identifier too long WHEN validated THEN the derived name and what to shorten are named', () => {
    const name = 'e'.repeat(40);
    const problems = messages(environmentWith({ name } as never));
    expect(problems).toContain(
      `the derived name "gaming-platform-${name}-aurora-eu-west-2" (73 characters) must be an RDS DB cluster identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system or environment name (gaming-platform.environments.prod.aurora.primary)`,
    );
  });
});

describe('gaming-platform Aurora reader autoscaling', () => {
  test('GIVEN prod WHEN synthesized THEN the eu-west-2 cluster scales its readers 2-6 on 70 % reader CPU, and eu-west-1 does not scale', () => {
    const { json } = synthGamingPlatform(BASE_ENVIRONMENT);
    const targets = resourcesByPath(json, 'aws_appautoscaling_target');
    expect(Object.keys(targets).filter((p) => p.startsWith('Aurora/'))).toEqual(['Aurora/ClusterEuWest2/ReaderAutoscaling/Target']);
    expect(targets['Aurora/ClusterEuWest2/ReaderAutoscaling/Target']).toMatchObject({
      resource_id: 'cluster:gaming-platform-prod-aurora-eu-west-2',
      scalable_dimension: 'rds:cluster:ReadReplicaCount',
      min_capacity: 2,
      max_capacity: 6,
    });
    expect(resourcesByPath(json, 'aws_appautoscaling_policy')['Aurora/ClusterEuWest2/ReaderAutoscaling/Policy'].target_tracking_scaling_policy_configuration).toMatchObject({
      predefined_metric_specification: { predefined_metric_type: 'RDSReaderAverageCPUUtilization' },
      target_value: 70,
    });
  });

  test.each(['dev', 'staging'])('GIVEN %s WHEN synthesized THEN no Aurora reader autoscaling exists', (name) => {
    const { json } = synthGamingPlatform({ ...BASE_ENVIRONMENT, ...GAMING_PLATFORM_ENVIRONMENTS[name], stateBackend: BASE_ENVIRONMENT.stateBackend, network: BASE_ENVIRONMENT.network });
    expect(Object.keys(resourcesByPath(json, 'aws_appautoscaling_target')).filter((p) => p.startsWith('Aurora/'))).toEqual([]);
  });
});

describe('gaming-platform Aurora storage and Extended Support', () => {
  test('GIVEN prod WHEN synthesized THEN both clusters are I/O-Optimized and every Aurora resource opts out of Extended Support at creation', () => {
    const { json } = synthGamingPlatform(BASE_ENVIRONMENT);
    const clusters = Object.values(json.resource.aws_rds_cluster) as any[];
    expect(clusters.map((cluster) => cluster.storage_type)).toEqual(['aurora-iopt1', 'aurora-iopt1']);
    for (const resource of [...clusters, ...(Object.values(json.resource.aws_rds_global_cluster) as any[])]) {
      expect(resource.engine_lifecycle_support).toBe('open-source-rds-extended-support-disabled');
      expect(resource.lifecycle.ignore_changes).toContain('engine_lifecycle_support');
    }
  });

  test.each(['dev', 'staging'])('GIVEN %s WHEN synthesized THEN storage stays Aurora Standard', (name) => {
    const { json } = synthGamingPlatform({ ...BASE_ENVIRONMENT, ...GAMING_PLATFORM_ENVIRONMENTS[name], stateBackend: BASE_ENVIRONMENT.stateBackend, network: BASE_ENVIRONMENT.network });
    for (const cluster of Object.values(json.resource.aws_rds_cluster) as any[]) expect(cluster).not.toHaveProperty('storage_type');
  });
});

describe('gaming-platform Aurora restore as code', () => {
  const RESTORE = {
    engineVersion: BASE_ENVIRONMENT.aurora.engineVersion,
    instanceCount: 1,
    instanceClass: 'db.r6g.xlarge',
    databaseName: 'gaming',
    restore: { kind: 'point-in-time', sourceClusterIdentifier: 'gaming-platform-prod-aurora-eu-west-2', restoreToTime: '2026-11-20T09:15:00Z' },
  } as const;

  test('GIVEN no auroraRestore WHEN prod is synthesized THEN there is no restored cluster', () => {
    const { json } = synthGamingPlatform(BASE_ENVIRONMENT);
    expect(Object.keys(resourcesByPath(json, 'aws_rds_cluster')).filter((p) => p.startsWith('AuroraRestore/'))).toEqual([]);
  });

  test('GIVEN auroraRestore to a point in time WHEN prod is synthesized THEN a cluster of its own names and addresses is restored beside the Global Database, with restore_ outputs, and nothing of the Global Database changes', () => {
    const before = synthGamingPlatform(BASE_ENVIRONMENT).json;
    const { json } = synthGamingPlatform(environmentWith({ auroraRestore: RESTORE }));
    const restored = resourcesByPath(json, 'aws_rds_cluster')['AuroraRestore/ClusterEuWest2/Cluster'];
    expect(restored).toMatchObject({
      cluster_identifier: 'gaming-platform-prod-aurora-restore-eu-west-2',
      restore_to_point_in_time: { source_cluster_identifier: 'gaming-platform-prod-aurora-eu-west-2', restore_to_time: '2026-11-20T09:15:00Z', restore_type: 'full-copy' },
      deletion_protection: true,
    });
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining(['restore_cluster_endpoint', 'restore_master_secret_arn', 'primary_cluster_endpoint']));
    expect(addresses(json).filter((address) => !address.includes('AuroraRestore_') && !address.includes('restore'))).toEqual(addresses(before));
  });

  test('GIVEN an environment name that leaves no room for the restore component WHEN validated THEN the derived restore identifier is refused, naming the component', () => {
    const name = 'e'.repeat(32);
    const problems = failedMessages(gamingPlatformSystem({ prod: environmentWith({ name, auroraRestore: RESTORE } as never) }).validationRules());
    expect(problems).toContain(
      `the derived name "gaming-platform-${name}-aurora-restore-eu-west-2" (73 characters) must be an RDS DB cluster identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen; shorten the system, environment or component name (gaming-platform.environments.prod.auroraRestore)`,
    );
  });

  test('GIVEN an auroraRestore with a bad time WHEN validated THEN the message names the gaming setting path', () => {
    const problems = failedMessages(
      gamingPlatformSystem({ prod: environmentWith({ auroraRestore: { ...RESTORE, restore: { ...RESTORE.restore, restoreToTime: 'yesterday' } } }) }).validationRules(),
    );
    expect(problems).toEqual(['gaming-platform.environments.prod.auroraRestore.restore.restoreToTime must be a UTC time such as "2026-11-20T09:15:00Z", got "yesterday"']);
  });
});
