import { ElasticacheServerlessCache } from '@cdktf/provider-aws/lib/elasticache-serverless-cache';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { CustomerManagedKey } from '../kms/customer-managed-key';
import { ResourceNaming } from '../naming/resource-naming';
import { DataTierSecurityGroup } from '../network/data-tier-security-group';
import { assertValid, describeValue, integerInRange, matches, minNotAboveMax, oneOf, ValidationRule } from '../validation';
import { CacheNetwork } from './replication-group';
import { defaultPreventDestroy } from '../lifecycle/environment-defaults';

/** What a serverless cache may use at most (and keeps at least): bounds the bill. */
export interface ServerlessCacheUsageLimits {
  /** Maximum data stored, in GB (1-5000). */
  readonly maxDataStorageGb: number;
  /**
   * Minimum data stored, in GB, kept provisioned.
   * @default - none
   */
  readonly minDataStorageGb?: number;
  /** Maximum ElastiCache Processing Units per second (1000-15000000). */
  readonly maxEcpuPerSecond: number;
  /**
   * Minimum ECPU per second kept provisioned.
   * @default - none
   */
  readonly minEcpuPerSecond?: number;
}

export interface ServerlessCacheProps {
  readonly provider: AwsProvider;
  readonly region: string;
  readonly naming: ResourceNaming;
  readonly environment: string;
  readonly network: CacheNetwork;
  /**
   * The engine.
   * @default 'valkey' (seed 001)
   */
  readonly engine?: 'valkey' | 'redis';
  /**
   * The major engine version.
   * @default '8' for valkey, '7' for redis
   */
  readonly majorEngineVersion?: string;
  /** The cache's upper bounds (seed 001 runs an API cache and rate limiter: bound it). */
  readonly usageLimits: ServerlessCacheUsageLimits;
  /**
   * Days automatic snapshots are kept, 0-35.
   * @default 7
   */
  readonly snapshotRetentionDays?: number;
  /**
   * Daily snapshot time, `hh24:mi` UTC.
   * @default '04:00'
   */
  readonly dailySnapshotTime?: string;
  /**
   * An RBAC user group; serverless caches authenticate through RBAC, not AUTH tokens.
   * @default - none: the default user, TLS only
   */
  readonly userGroupId?: string;
  /**
   * The component in physical names.
   * @default - the engine
   */
  readonly component?: string;
  /**
   * `lifecycle { prevent_destroy }` on the cache and its key.
   * @default defaultPreventDestroy(environment): in prod
   */
  readonly preventDestroy?: boolean;
}

/** The checks of a serverless cache, under `setting` (`cache`). */
export function serverlessCacheRules(setting: string, props: ServerlessCacheProps): ValidationRule[] {
  const limits = props.usageLimits;
  const rules: ValidationRule[] = [
    oneOf(`${setting}.engine`, props.engine ?? 'valkey', ['valkey', 'redis']),
    integerInRange(`${setting}.usageLimits.maxDataStorageGb`, limits.maxDataStorageGb, 1, 5000),
    integerInRange(`${setting}.usageLimits.maxEcpuPerSecond`, limits.maxEcpuPerSecond, 1000, 15_000_000),
    integerInRange(`${setting}.snapshotRetentionDays`, props.snapshotRetentionDays ?? 7, 0, 35),
    matches(`${setting}.dailySnapshotTime`, props.dailySnapshotTime ?? '04:00', /^([01]\d|2[0-3]):[0-5]\d$/, 'hh24:mi (UTC), e.g. "04:00"'),
    {
      condition: props.network.applicationSecurityGroupIds.length > 0,
      message: `${setting}.network.applicationSecurityGroupIds must list at least one security group, got ${describeValue(props.network.applicationSecurityGroupIds)}`,
    },
  ];
  if (limits.minDataStorageGb !== undefined) {
    rules.push(integerInRange(`${setting}.usageLimits.minDataStorageGb`, limits.minDataStorageGb, 1, 5000));
    rules.push(minNotAboveMax(`${setting}.usageLimits.minDataStorageGb`, limits.minDataStorageGb, `${setting}.usageLimits.maxDataStorageGb`, limits.maxDataStorageGb));
  }
  if (limits.minEcpuPerSecond !== undefined) {
    rules.push(integerInRange(`${setting}.usageLimits.minEcpuPerSecond`, limits.minEcpuPerSecond, 1000, 15_000_000));
    rules.push(minNotAboveMax(`${setting}.usageLimits.minEcpuPerSecond`, limits.minEcpuPerSecond, `${setting}.usageLimits.maxEcpuPerSecond`, limits.maxEcpuPerSecond));
  }
  return rules;
}

/**
 * An ElastiCache serverless cache (Valkey by default, seed 001): usage limits, a customer-managed key,
 * private subnets, a security group admitting only the application security groups on 6379 (and 6380,
 * the port serverless caches serve reads from replicas on), daily snapshots. Always TLS.
 */
export class ServerlessCache extends Construct {
  public readonly cache: ElasticacheServerlessCache;
  public readonly name: string;
  public readonly arn: string;
  /** The endpoint's address and port (6379). */
  public readonly endpointAddress: string;
  /** The reader endpoint's address (port 6380). */
  public readonly readerEndpointAddress: string;
  public readonly securityGroupId: string;
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: ServerlessCacheProps) {
    super(scope, id);
    assertValid(serverlessCacheRules('cache', props));
    const engine = props.engine ?? 'valkey';
    const majorEngineVersion = props.majorEngineVersion ?? (engine === 'valkey' ? '8' : '7');
    const preventDestroy = props.preventDestroy ?? defaultPreventDestroy(props.environment);
    const name = props.naming.name(props.component ?? engine, props.region);
    const { provider, usageLimits } = props;

    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts ElastiCache serverless ${name} and its snapshots`,
      aliasName: name,
      preventDestroy,
    });
    const securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: name,
      description: `ElastiCache serverless ${engine} ${name}`,
      vpcId: props.network.vpcId,
      ports: [6379, 6380],
      sourceSecurityGroupIds: props.network.applicationSecurityGroupIds,
    });
    this.cache = new ElasticacheServerlessCache(this, 'Cache', {
      provider,
      name,
      description: `Serverless ${engine} ${majorEngineVersion} ${name}`,
      engine,
      majorEngineVersion,
      kmsKeyId: key.arn,
      subnetIds: [...props.network.subnetIds],
      securityGroupIds: [securityGroup.securityGroupId],
      snapshotRetentionLimit: props.snapshotRetentionDays ?? 7,
      dailySnapshotTime: props.dailySnapshotTime ?? '04:00',
      userGroupId: props.userGroupId,
      cacheUsageLimits: [
        {
          dataStorage: [{ maximum: usageLimits.maxDataStorageGb, minimum: usageLimits.minDataStorageGb, unit: 'GB' }],
          ecpuPerSecond: [{ maximum: usageLimits.maxEcpuPerSecond, minimum: usageLimits.minEcpuPerSecond }],
        },
      ],
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.name = name;
    this.arn = this.cache.arn;
    this.endpointAddress = this.cache.endpoint.get(0).address;
    this.readerEndpointAddress = this.cache.readerEndpoint.get(0).address;
    this.securityGroupId = securityGroup.securityGroupId;
    this.kmsKeyArn = key.arn;
  }
}
