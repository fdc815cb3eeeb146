import { ElasticacheServerlessCache } from '@cdktf/provider-aws/lib/elasticache-serverless-cache';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { createMetricAlarm } from '../alarms';
import { RegionContext } from '../context';
import { CustomerManagedKey } from '../kms';
import { Connectable, DataTierSecurityGroup, SubnetTier, subnetIdsOf } from '../network';
import { assertValid, derivedNameRule, describeValue, integerInRange, matches, minNotAboveMax, nameRule, oneOf, ValidationRule } from '../validation';
import { CACHE_USER_DEFAULTS, CacheUserGroup, cacheUserNameRules, CacheUserSettings, cacheUsersRules } from './cache-users';
import { CACHE_NAME_LIMITS } from './name-limits';
import { serverlessCacheAlarmSpecs } from './serverless-cache-alarms';

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

/** A serverless cache's defaults, in one place (docs/cache.md quotes them; a test compares). */
export const SERVERLESS_CACHE_DEFAULTS = {
  engine: 'valkey',
  majorEngineVersion: { valkey: '8', redis: '7' },
  snapshotRetentionDays: 7,
  dailySnapshotTime: '04:00',
  usageAlarmPercent: 80,
} as const;

/** The ports a serverless cache serves: 6379 (reads and writes), 6380 (reads from replicas). */
export const SERVERLESS_CACHE_PORTS = [6379, 6380] as const;

/** A serverless cache's plain-data settings: what an environment configures. */
export interface ServerlessCacheSettings {
  /**
   * The engine.
   * @default 'valkey' (the content hub's choice)
   */
  readonly engine?: 'valkey' | 'redis';
  /**
   * The major engine version.
   * @default '8' for valkey, '7' for redis
   */
  readonly majorEngineVersion?: string;
  /** The cache's upper bounds (an API cache and rate limiter such as the content hub's: bound it). */
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
   * The users DataStack creates for the cache (RBAC: a user group with a switched-off default user and these
   * users, passwords in Secrets Manager or IAM authentication). Leave out with `userGroupId` or `unauthenticatedAccess`.
   * @default [{ name: 'app' }] (one password user with every command but the dangerous ones)
   */
  readonly users?: readonly CacheUserSettings[];
  /**
   * An existing RBAC user group instead of the users DataStack creates.
   * @default - the group of `users`
   */
  readonly userGroupId?: string;
  /**
   * The share of each usage limit (data stored, ECPU per second) above which an alarm warns: 1-100.
   * @default 80
   */
  readonly usageAlarmPercent?: number;
  /**
   * The opt-out of authentication: no user group, so any client the security group admits connects as the
   * password-less default user and may read, write and flush everything. Warned about at synthesis.
   * @default false
   */
  readonly unauthenticatedAccess?: boolean;
  /**
   * Seeds a new cache from ElastiCache snapshots (`snapshot_arns_to_restore`: serverless or node-based snapshot
   * ARNs); read only when the cache is created and ignored afterwards (docs/cache.md, Restoring from a snapshot).
   * @default - an empty cache
   */
  readonly snapshotArnsToRestore?: readonly string[];
  /**
   * The component in physical names.
   * @default - the engine
   */
  readonly component?: string;
}

/** An ElastiCache snapshot ARN: `arn:aws:elasticache:<region>:<account>:serverlesscachesnapshot:<name>` (or `snapshot:`). */
const ELASTICACHE_SNAPSHOT_ARN = /^arn:aws(-cn|-us-gov)?:elasticache:[a-z0-9-]+:\d{12}:(serverlesscachesnapshot|snapshot):[a-zA-Z0-9-]+$/;

export interface ServerlessCacheProps extends ServerlessCacheSettings {
  /** The Region the cache is built in: provider, network, alarm topics, names, the environment's policy. */
  readonly context: RegionContext;
  /**
   * The subnet tier the cache's endpoints are placed in.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

/** The checks of a serverless cache's settings, under `setting` (`cache`). */
export function serverlessCacheSettingsRules(setting: string, props: ServerlessCacheSettings): ValidationRule[] {
  const limits = props.usageLimits;
  const rules: ValidationRule[] = [
    ...(props.engine === undefined ? [] : [oneOf(`${setting}.engine`, props.engine, ['valkey', 'redis'])]),
    integerInRange(`${setting}.usageLimits.maxDataStorageGb`, limits.maxDataStorageGb, 1, 5000),
    integerInRange(`${setting}.usageLimits.maxEcpuPerSecond`, limits.maxEcpuPerSecond, 1000, 15_000_000),
    ...(props.snapshotRetentionDays === undefined ? [] : [integerInRange(`${setting}.snapshotRetentionDays`, props.snapshotRetentionDays, 0, 35)]),
    ...(props.dailySnapshotTime === undefined
      ? []
      : [matches(`${setting}.dailySnapshotTime`, props.dailySnapshotTime, /^([01]\d|2[0-3]):[0-5]\d$/, 'hh24:mi (UTC), e.g. "04:00"')]),
    ...(props.usageAlarmPercent === undefined ? [] : [integerInRange(`${setting}.usageAlarmPercent`, props.usageAlarmPercent, 1, 100)]),
  ];
  rules.push(...serverlessAuthenticationRules(setting, props));
  if (props.snapshotArnsToRestore !== undefined) {
    const arns = props.snapshotArnsToRestore;
    rules.push({
      condition: Array.isArray(arns) && arns.length > 0 && arns.every((arn) => typeof arn === 'string' && ELASTICACHE_SNAPSHOT_ARN.test(arn)),
      message: `${setting}.snapshotArnsToRestore must list ElastiCache snapshot ARNs (arn:aws:elasticache:<region>:<account>:serverlesscachesnapshot:<name>), got ${describeValue(arns)}`,
    });
  }
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

/** The checks of how a serverless cache's clients authenticate: one way only. */
function serverlessAuthenticationRules(setting: string, props: ServerlessCacheSettings): ValidationRule[] {
  const engine = props.engine ?? SERVERLESS_CACHE_DEFAULTS.engine;
  const major = Number(props.majorEngineVersion ?? SERVERLESS_CACHE_DEFAULTS.majorEngineVersion[engine]);
  const chosen = [props.users !== undefined && 'users', props.userGroupId !== undefined && 'userGroupId', props.unauthenticatedAccess === true && 'unauthenticatedAccess'].filter(
    (name): name is string => typeof name === 'string',
  );
  const rules: ValidationRule[] = [
    {
      condition: chosen.length <= 1,
      message: `${setting} must choose one of users, userGroupId and unauthenticatedAccess, got ${chosen.join(' and ')}`,
    },
  ];
  if (props.users !== undefined) rules.push(...cacheUsersRules(`${setting}.users`, props.users, engine, Number.isNaN(major) ? undefined : major));
  if (props.userGroupId !== undefined) rules.push(nameRule(`${setting}.userGroupId`, props.userGroupId, CACHE_NAME_LIMITS.userGroupId));
  return rules;
}

/** The users the cache gets: the configured ones, the default `app` user, or none (an existing group, or the opt-out). */
export function serverlessCacheUsers(props: ServerlessCacheSettings): readonly CacheUserSettings[] | undefined {
  if (props.userGroupId !== undefined || props.unauthenticatedAccess === true) return undefined;
  return props.users ?? CACHE_USER_DEFAULTS.serverlessUsers;
}

/** The cache's name: `<system>-<environment>-<component>-<region>`. */
function serverlessCacheName(props: ServerlessCacheProps): string {
  return props.context.naming.name(props.component ?? props.engine ?? SERVERLESS_CACHE_DEFAULTS.engine, props.context.region);
}

/** Every check of a serverless cache, before any resource exists. */
export function serverlessCacheRules(setting: string, props: ServerlessCacheProps): ValidationRule[] {
  const name = serverlessCacheName(props);
  const users = serverlessCacheUsers(props);
  return [
    ...serverlessCacheSettingsRules(setting, props),
    derivedNameRule(name, CACHE_NAME_LIMITS.serverlessCacheName, `${setting}.component or the system name`),
    ...(users === undefined ? [] : cacheUserNameRules(`${setting}.users`, users, name)),
    {
      condition: props.context.network.applicationSecurityGroupIds.length > 0,
      message: `${setting}.network.applicationSecurityGroupIds must list at least one security group, got ${describeValue(props.context.network.applicationSecurityGroupIds)}`,
    },
  ];
}

/**
 * An ElastiCache serverless cache (Valkey by default, as the content hub runs it): usage limits, a customer-managed key,
 * private subnets, a security group admitting only the application security groups on 6379 (and 6380,
 * the port serverless caches serve reads from replicas on), daily snapshots, alarms on its usage limits. Always TLS.
 */
export class ServerlessCache extends Construct implements Connectable {
  public readonly cache: ElasticacheServerlessCache;
  public readonly name: string;
  public readonly arn: string;
  /** The endpoint's address and port (6379). */
  public readonly endpointAddress: string;
  /** The reader endpoint's address (port 6380). */
  public readonly readerEndpointAddress: string;
  public readonly securityGroupId: string;
  public readonly kmsKeyArn: string;
  public readonly region: string;
  /** The port clients write to (reads from replicas: 6380). */
  public readonly port = SERVERLESS_CACHE_PORTS[0];
  /** The user group and users DataStack created; undefined with an existing group or without authentication. */
  public readonly users?: CacheUserGroup;
  private readonly securityGroup: DataTierSecurityGroup;

  constructor(scope: Construct, id: string, props: ServerlessCacheProps) {
    super(scope, id);
    assertValid(serverlessCacheRules('cache', props));
    const { context, usageLimits } = props;
    const { provider, policy } = context;
    const engine = props.engine ?? SERVERLESS_CACHE_DEFAULTS.engine;
    const majorEngineVersion = props.majorEngineVersion ?? SERVERLESS_CACHE_DEFAULTS.majorEngineVersion[engine];
    const preventDestroy = policy.preventDestroy;
    const name = serverlessCacheName(props);
    const users = serverlessCacheUsers(props);
    if (props.unauthenticatedAccess === true) {
      Annotations.of(this).addWarning(
        `cache.unauthenticatedAccess is true: ${name} has no user group, so every client its security group admits connects as the password-less default user`,
      );
    }

    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts ElastiCache serverless ${name}, its snapshots and its users' secrets`,
      aliasName: name,
      preventDestroy,
    });
    this.users =
      users === undefined ? undefined : new CacheUserGroup(this, 'Users', { provider, prefix: name, engine, users, kmsKeyArn: key.arn, region: context.region });
    const securityGroup = (this.securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: name,
      description: `ElastiCache serverless ${engine} ${name}`,
      vpcId: context.network.vpcId,
      ports: SERVERLESS_CACHE_PORTS,
      sourceSecurityGroupIds: context.network.applicationSecurityGroupIds,
    }));
    this.cache = new ElasticacheServerlessCache(this, 'Cache', {
      provider,
      name,
      description: `Serverless ${engine} ${majorEngineVersion} ${name}`,
      engine,
      majorEngineVersion,
      kmsKeyId: key.arn,
      subnetIds: subnetIdsOf(context.network, props.subnetTier ?? 'data'),
      securityGroupIds: [securityGroup.securityGroupId],
      snapshotRetentionLimit: props.snapshotRetentionDays ?? SERVERLESS_CACHE_DEFAULTS.snapshotRetentionDays,
      dailySnapshotTime: props.dailySnapshotTime ?? SERVERLESS_CACHE_DEFAULTS.dailySnapshotTime,
      userGroupId: this.users?.userGroupId ?? props.userGroupId,
      cacheUsageLimits: [
        {
          dataStorage: [{ maximum: usageLimits.maxDataStorageGb, minimum: usageLimits.minDataStorageGb, unit: 'GB' }],
          ecpuPerSecond: [{ maximum: usageLimits.maxEcpuPerSecond, minimum: usageLimits.minEcpuPerSecond }],
        },
      ],
      snapshotArnsToRestore: props.snapshotArnsToRestore === undefined ? undefined : [...props.snapshotArnsToRestore],
      // The snapshots seed the cache at creation only: ignoring them lets them stay in (or leave) the configuration.
      lifecycle: { preventDestroy: preventDestroy || undefined, ignoreChanges: ['snapshot_arns_to_restore'] },
    });
    const alarms = new Construct(this, 'Alarms');
    const usagePercent = props.usageAlarmPercent ?? SERVERLESS_CACHE_DEFAULTS.usageAlarmPercent;
    for (const spec of serverlessCacheAlarmSpecs(name, usageLimits, usagePercent)) {
      createMetricAlarm(alarms, pascalCase(spec.name), { provider, alarmNamePrefix: name, topics: context.alarmTopics, spec });
    }
    this.name = name;
    this.arn = this.cache.arn;
    this.endpointAddress = this.cache.endpoint.get(0).address;
    this.readerEndpointAddress = this.cache.readerEndpoint.get(0).address;
    this.securityGroupId = securityGroup.securityGroupId;
    this.kmsKeyArn = key.arn;
    this.region = context.region;
    this.users?.writeSecrets({ address: this.endpointAddress, port: this.port });
  }

  /** Admits a security group on both ports a serverless cache serves. */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    for (const port of SERVERLESS_CACHE_PORTS) this.securityGroup.allowFrom(`${id}Port${port}`, sourceSecurityGroupId, port, description);
  }
}

/** `data-stored` -> `DataStored`: an alarm's construct id from its name. */
function pascalCase(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
