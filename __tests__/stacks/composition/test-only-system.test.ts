// A system that exists only in this test, declared from the shared components with no stack class and no
// wiring of its own: one Region, a Serverless v2 Aurora cluster with its migrations applied on deploy (by a
// function with its own security group, admitted through the connectable contract) and a Redis cache.
// It is synthesized like the shipped systems and then validated by Terraform itself, offline.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CacheEngineVersion } from '../../../modules/cache';
import { EnvironmentConfig } from '../../../stacks/common/environment';
import { auroraCluster, AuroraClusterConfig } from '../../../stacks/components/aurora-cluster';
import { cacheReplicationGroup, CacheReplicationGroupConfig } from '../../../stacks/components/cache-replication-group';
import { migrationsOnDeploy } from '../../../stacks/components/migrations-on-deploy';
import { defineSystem } from '../../../stacks/composition/define-system';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { OfflineTerraform } from '../../../tools/offline-provider/terraform/offline-terraform';
import { synthesizedStacks } from '../../../tools/offline-provider/terraform/stack-selection';
import { validateStacks } from '../../../tools/offline-provider/terraform/validate-stacks';
import { resourcesByPath } from '../../fixtures/region-context';
import { migrationsRootWith, removeTemporaryDirectories } from '../../support/migration-fixtures';

jest.setTimeout(120_000);

interface OrdersEnvironment extends EnvironmentConfig {
  readonly aurora: AuroraClusterConfig;
  readonly cache: CacheReplicationGroupConfig;
}

const DEV: OrdersEnvironment = {
  name: 'dev',
  primaryRegion: 'us-east-1',
  stateBackend: { type: 's3', bucket: 'example-terraform-state', region: 'us-east-1' },
  network: {
    'us-east-1': {
      vpc: { id: 'vpc-0e1f2a3b' },
      dataSubnets: { ids: ['subnet-0data1', 'subnet-0data2'] },
      privateSubnets: { ids: ['subnet-0priv1', 'subnet-0priv2'] },
      applicationSecurityGroups: { ids: ['sg-0orders'] },
    },
  },
  aurora: { instanceCount: 1, instanceClass: 'db.serverless', serverlessV2: { minCapacity: 0.5, maxCapacity: 2 }, databaseName: 'orders' },
  cache: { engineVersion: CacheEngineVersion.VALKEY_8_0, nodeType: 'cache.t4g.small', nodeCount: 1 },
};

describe('a system declared only in a test, from the components', () => {
  const migrationsRoot = migrationsRootWith('orders-app', { '0001_orders.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY);' });
  const system = defineSystem<OrdersEnvironment>({
    name: 'orders-app',
    environments: { dev: DEV },
    components(environment) {
      const database = auroraCluster(environment.aurora);
      return [
        database,
        migrationsOnDeploy({ database, migrationsRoot, config: { ownSecurityGroup: true } }),
        cacheReplicationGroup(environment.cache, { id: 'Sessions' }),
      ];
    },
  });
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-orders-'));
  const terraform = new OfflineTerraform();
  let json: any;

  beforeAll(() => {
    expect(system.validationRules().filter((rule) => !rule.condition)).toEqual([]);
    synthesizeSystems([system], outdir);
    json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'orders-app-dev', 'cdk.tf.json'), 'utf8'));
  });
  afterAll(() => {
    terraform.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
    removeTemporaryDirectories();
  });

  test('GIVEN the declaration WHEN synthesized THEN its one stack holds the cluster, the migrations function and the cache, at their component ids', () => {
    expect(synthesizedStacks(outdir).map((stack) => stack.name)).toEqual(['orders-app-dev']);
    expect(Object.keys(resourcesByPath(json, 'aws_rds_cluster'))).toEqual(['Aurora/ClusterUsEast1/Cluster']);
    expect(Object.keys(resourcesByPath(json, 'aws_lambda_function'))).toEqual(['Migrations/Function']);
    expect(Object.keys(resourcesByPath(json, 'aws_elasticache_replication_group'))).toEqual(['Sessions/GroupUsEast1/ReplicationGroup']);
  });

  test('GIVEN the dev policy WHEN synthesized THEN the cluster has an RDS-managed password and no deletion protection, in the data subnets', () => {
    const cluster = resourcesByPath(json, 'aws_rds_cluster')['Aurora/ClusterUsEast1/Cluster'];
    expect(cluster).toMatchObject({ manage_master_user_password: true, deletion_protection: false, apply_immediately: true, database_name: 'orders' });
    expect(resourcesByPath(json, 'aws_db_subnet_group')['Aurora/ClusterUsEast1/SubnetGroup'].subnet_ids).toEqual(['subnet-0data1', 'subnet-0data2']);
  });

  test('GIVEN the migrations function with its own security group WHEN synthesized THEN the database admits it through a rule of its own, and it reads the managed secret', () => {
    const rules = resourcesByPath(json, 'aws_vpc_security_group_ingress_rule');
    const functionGroup = Object.keys(json.resource.aws_security_group).find((name) => name.startsWith('Migrations_'));
    expect(rules['Aurora/ClusterUsEast1/SecurityGroup/FromMigrations']).toMatchObject({
      referenced_security_group_id: `\${aws_security_group.${functionGroup}.id}`,
      from_port: 5432,
    });
    const [cluster] = Object.keys(json.resource.aws_rds_cluster);
    const lambda = resourcesByPath(json, 'aws_lambda_function')['Migrations/Function'];
    expect(lambda.environment.variables).toMatchObject({ DB_SECRET_ARN: `\${aws_rds_cluster.${cluster}.master_user_secret[0].secret_arn}`, MIGRATION_SYSTEM: 'orders-app' });
    expect(lambda.vpc_config.subnet_ids).toEqual(['subnet-0priv1', 'subnet-0priv2']);
  });

  test('GIVEN the components WHEN synthesized THEN each declared its outputs', () => {
    expect(Object.keys(json.output).sort()).toEqual(
      ['aurora_cluster_arn', 'aurora_cluster_endpoint', 'aurora_cluster_identifier', 'aurora_cluster_port', 'aurora_database_name', 'aurora_master_secret_arn', 'aurora_reader_endpoint', 'migrations_checksum', 'migrations_function_name', 'valkey_auth_secret_arn', 'valkey_port', 'valkey_primary_endpoint', 'valkey_reader_endpoint'].sort(),
    );
  });

  test('GIVEN the synthesized directory WHEN Terraform initializes and validates it offline THEN it is valid', async () => {
    const [result] = await validateStacks(terraform, synthesizedStacks(outdir));
    expect({ valid: result.valid, output: result.valid ? '' : result.output }).toEqual({ valid: true, output: '' });
  });
});
