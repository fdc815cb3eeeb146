import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AuroraCluster } from '../../../modules/aurora';
import { RegionContext } from '../../../modules/context';
import { DataTierSecurityGroup } from '../../../modules/network';
import { CredentialsSecret, PostgresEndpoint, ProxyTarget } from '../../../modules/rds';
import { RdsProxy, RdsProxyProps } from '../../../modules/rds-proxy';
import { regionContext, resolved, synthesized } from './region-context-fixture';

export const INSTANCE_KEY_ARN = 'arn:aws:kms:eu-west-2:111122223333:key/0instance';

/**
 * An RDS PostgreSQL instance with an RDS-managed master secret, as the proxy sees one: the project has no
 * instance module yet, so the test builds the resource and its security group itself.
 */
export class TestPostgresInstance extends Construct implements PostgresEndpoint {
  public readonly engine = 'postgres';
  public readonly region: string;
  public readonly port = 5432;
  public readonly databaseName = 'shoppulse';
  public readonly instance: DbInstance;
  public readonly securityGroupId: string;
  private readonly securityGroup: DataTierSecurityGroup;

  constructor(scope: Construct, id: string, context: RegionContext) {
    super(scope, id);
    this.region = context.region;
    this.securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider: context.provider,
      namePrefix: 'trivia-nft-staging-postgres',
      description: 'RDS PostgreSQL trivia-nft-staging',
      vpcId: context.network.vpcId,
      ports: [this.port],
      sourceSecurityGroupIds: context.network.applicationSecurityGroupIds,
    });
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.instance = new DbInstance(this, 'Instance', {
      provider: context.provider,
      identifier: 'trivia-nft-staging-postgres-eu-west-2',
      engine: 'postgres',
      instanceClass: 'db.t3.medium',
      allocatedStorage: 100,
      dbName: this.databaseName,
      username: 'shoppulse_admin',
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: INSTANCE_KEY_ARN,
      vpcSecurityGroupIds: [this.securityGroupId],
    });
  }

  get writerEndpoint(): string {
    return this.instance.address;
  }

  get readerEndpoint(): string {
    return this.instance.address;
  }

  get masterCredentials(): CredentialsSecret {
    return { secretArn: this.instance.masterUserSecret.get(0).secretArn, kmsKeyArn: INSTANCE_KEY_ARN, region: this.region };
  }

  get readyForClients(): readonly ITerraformDependable[] {
    return [this.instance];
  }

  get proxyTarget(): ProxyTarget {
    return { dbInstanceIdentifier: 'trivia-nft-staging-postgres-eu-west-2' };
  }

  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    this.securityGroup.allowFrom(id, sourceSecurityGroupId, this.port, description);
  }
}

export type DatabaseKind = 'aurora' | 'instance';

export interface ProxyFixture {
  readonly text: string;
  readonly json: any;
  readonly proxy: RdsProxy;
  readonly database: PostgresEndpoint;
  /** A construct attribute (a token) as it appears in the JSON. */
  resolve(value: unknown): unknown;
}

/**
 * A proxy in front of a Serverless v2 Aurora cluster (or the test's RDS instance) in eu-west-2, with the
 * settings given; `context` overrides parts of the Region context (policy, network).
 */
export function synthProxy(
  settings: Omit<RdsProxyProps, 'context' | 'database'> = {},
  options: { readonly database?: DatabaseKind; readonly context?: Partial<Omit<RegionContext, 'provider' | 'alarmTopics'>> } = {},
): ProxyFixture {
  const { stack, context } = regionContext(options.context);
  const database: PostgresEndpoint =
    options.database === 'instance'
      ? new TestPostgresInstance(stack, 'Postgres', context)
      : new AuroraCluster(stack, 'Aurora', { context, instanceCount: 2, instanceClass: 'db.serverless', serverlessV2: { minCapacity: 0.5, maxCapacity: 16 } });
  const proxy = new RdsProxy(stack, 'Proxy', { ...settings, context, database });
  return { ...synthesized(stack), proxy, database, resolve: (value) => resolved(stack, value) };
}
