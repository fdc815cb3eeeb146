import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { createMetricAlarm } from '../alarms';
import { RegionContext } from '../context';
import { CustomerManagedKey } from '../kms';
import { Connectable, DataTierSecurityGroup, SubnetTier, subnetIdsOf } from '../network';
import { PolicyStatement, readSecretStatements } from '../secrets';
import { assertValid, derivedNameRule, describeValue, ValidationRule } from '../validation';
import { CacheUserGroup, cacheUserNameRules } from './cache-users';
import { CACHE_NAME_LIMITS } from './name-limits';
import { CacheAuthSecret } from './auth-secret';
import { authTokenProps, CacheAuthToken } from './auth-token';
import { cacheNodeAlarmSpecs, memberClusterIds } from './cache-alarms';
import { CacheAlarmThresholds, CacheAuthentication, CacheReplicationGroupSettings } from './cache-settings';
import { CACHE_DEFAULTS, DEFAULT_CACHE_ALARM_THRESHOLDS } from './defaults';
import { CacheEngineVersion } from './engine-version';
import { cacheLogsKeyGrant, CacheLogGroups } from './log-groups';
import { isBurstableCacheNodeType, usesDataTiering } from './node-types';
import { CacheParameterGroup } from './parameter-group';
import { cacheReplicationGroupRules, nodesPerShard } from './validate-cache';

/** A replication group's place in a Global Datastore; set by CacheGlobalDatastore. */
export type CacheGlobalMembership =
  | { readonly role: 'primary' }
  | {
      readonly role: 'member';
      /** The Global Datastore's ID (AWS prefixes the suffix). */
      readonly globalReplicationGroupId: string;
      /** The primary's token: a member takes its AUTH from the primary and keeps a copy of the secret in its Region. */
      readonly authToken?: CacheAuthToken;
    };

export interface CacheReplicationGroupProps extends CacheReplicationGroupSettings {
  /** The Region the group is built in: provider, network, alarm topics, names, the environment's policy. */
  readonly context: RegionContext;
  /**
   * The subnet tier of the group's subnet group.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
  /**
   * The component in physical names.
   * @default - the engine: 'redis' or 'valkey'
   */
  readonly component?: string;
  /**
   * The AUTH token, when a caller keeps it outside the group so that its Terraform address does not depend on
   * the Region (CacheGlobalDatastore, the gaming-platform tier). Ignored with RBAC.
   * @default - a token of its own when authentication is an AUTH token
   */
  readonly authToken?: CacheAuthToken;
  /**
   * Membership in a Global Datastore (set by CacheGlobalDatastore).
   * @default - a single-Region replication group
   */
  readonly globalMembership?: CacheGlobalMembership;
  /**
   * An unencrypted SNS topic in the group's Region that ElastiCache publishes its events to
   * (`notification_topic_arn`; see CacheNotificationTopic for why it cannot be encrypted).
   * @default - no event notifications
   */
  readonly notificationTopicArn?: string;
}

/** Every check of a replication group, before any resource exists. */
export function cacheReplicationGroupPropsRules(setting: string, props: CacheReplicationGroupProps): ValidationRule[] {
  const engineVersion = props.engineVersion ?? CACHE_DEFAULTS.engineVersion;
  const groupId = replicationGroupId(props, engineVersion);
  return [
    ...cacheReplicationGroupRules(setting, props),
    derivedNameRule(groupId, CACHE_NAME_LIMITS.replicationGroupId, `${setting}.component or the system name`),
    derivedNameRule(`${groupId}/auth-token`, CACHE_NAME_LIMITS.secretName, `${setting}.component or the system name`),
    ...(props.authentication?.kind === 'users' ? cacheUserNameRules(`${setting}.authentication.users`, props.authentication.users, groupId) : []),
    {
      condition: props.context.network.applicationSecurityGroupIds.length > 0,
      message: `${setting}.network.applicationSecurityGroupIds must list at least one security group, got ${describeValue(props.context.network.applicationSecurityGroupIds)}`,
    },
  ];
}

/** The arguments that seed a new group, ForceNew in the provider. */
const RESTORE_ARGUMENTS = ['snapshot_name', 'snapshot_arns'];

function restoreArguments(props: CacheReplicationGroupProps): { snapshotName?: string; snapshotArns?: string[] } {
  const source = props.restoreFrom;
  if (source === undefined) return {};
  return 'snapshotName' in source ? { snapshotName: source.snapshotName } : { snapshotArns: [...source.snapshotArns] };
}

function replicationGroupId(props: CacheReplicationGroupProps, engineVersion: CacheEngineVersion): string {
  return props.context.naming.name(props.component ?? engineVersion.engine, props.context.region);
}

/**
 * An ElastiCache replication group (Redis OSS or Valkey), cluster mode disabled (`nodeCount`) or enabled
 * (`shards` x `replicasPerShard`), in one Region.
 *
 * Around it: a customer-managed key (at rest, the AUTH secret, the log groups; its policy lets CloudWatch
 * Logs of the Region use it for this group's logs only), a subnet group, a security group admitting only
 * the application security groups on the port, a parameter group, slow-log and engine-log log groups,
 * the AUTH token and its secret (or RBAC user groups), and per-node alarms.
 */
export class CacheReplicationGroup extends Construct implements Connectable {
  public readonly replicationGroup: ElasticacheReplicationGroup;
  public readonly replicationGroupId: string;
  public readonly arn: string;
  /** Writes go here: the primary endpoint, or the configuration endpoint with cluster mode enabled. */
  public readonly primaryEndpoint: string;
  /** Reads spread over replicas here; with cluster mode enabled, the configuration endpoint (clients send READONLY). */
  public readonly readerEndpoint: string;
  public readonly port: number;
  public readonly securityGroupId: string;
  /** The key encrypting the data at rest, the AUTH secret and the logs. */
  public readonly kmsKeyArn: string;
  /** The AUTH token; undefined with RBAC and on Global Datastore members (see the primary's). */
  public readonly authToken?: CacheAuthToken;
  /** The secret with the AUTH token and endpoints; undefined with RBAC. */
  public readonly authSecretArn?: string;
  /** The user group and users DataStack created (`authentication.kind: 'users'`). */
  public readonly users?: CacheUserGroup;
  /** CacheClusterId of every node, the dimension of its metrics. */
  public readonly memberClusterIds: readonly string[];
  public readonly clusterMode: boolean;
  public readonly region: string;
  private readonly securityGroup: DataTierSecurityGroup;

  constructor(scope: Construct, id: string, props: CacheReplicationGroupProps) {
    super(scope, id);
    assertValid(cacheReplicationGroupPropsRules('cache', props));
    const engineVersion = props.engineVersion ?? CACHE_DEFAULTS.engineVersion;
    const nodeType = props.nodeType ?? CACHE_DEFAULTS.nodeType;
    const clusterMode = props.shards !== undefined;
    const perShard = nodesPerShard(props);
    const hasReplica = perShard >= 2;
    const multiAz = props.multiAz ?? hasReplica;
    const automaticFailover = props.automaticFailover ?? (hasReplica || clusterMode);
    const port = props.port ?? CACHE_DEFAULTS.port;
    const snapshotRetentionDays = props.snapshotRetentionDays ?? CACHE_DEFAULTS.snapshotRetentionDays;
    const { context } = props;
    const { policy } = context;
    const applyImmediately = props.applyImmediately ?? policy.applyImmediately;
    const preventDestroy = policy.preventDestroy;
    const authentication: CacheAuthentication = props.authentication ?? { kind: 'auth-token' };
    const thresholds: CacheAlarmThresholds = { ...DEFAULT_CACHE_ALARM_THRESHOLDS, ...props.alarmThresholds };
    const groupId = replicationGroupId(props, engineVersion);
    const membership = props.globalMembership;
    const member = membership?.role === 'member' ? membership : undefined;
    this.warn(props, { nodeType, hasReplica, groupId });

    const { provider, region } = context;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const partition = new DataAwsPartition(this, 'Partition', { provider });
    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts ElastiCache ${groupId}: data at rest, AUTH secret, logs`,
      aliasName: groupId,
      serviceGrants: [cacheLogsKeyGrant({ region, partition: partition.partition, accountId: account.accountId, replicationGroupId: groupId })],
      preventDestroy,
    });
    const subnetGroup = new ElasticacheSubnetGroup(this, 'SubnetGroup', {
      provider,
      name: groupId,
      description: `Private subnets of ${groupId}`,
      subnetIds: subnetIdsOf(context.network, props.subnetTier ?? 'data'),
    });
    const securityGroup = (this.securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: groupId,
      description: `ElastiCache ${engineVersion.engine} ${groupId}`,
      vpcId: context.network.vpcId,
      ports: [port],
      sourceSecurityGroupIds: context.network.applicationSecurityGroupIds,
    }));
    const logs = new CacheLogGroups(this, 'Logs', {
      provider,
      replicationGroupId: groupId,
      kmsKeyArn: key.arn,
      retentionDays: props.logRetentionDays ?? policy.logRetentionDays,
    });
    // Members use the primary's; every Region has one so that a Global Datastore failover moves no address.
    const parameterGroup = new CacheParameterGroup(this, 'ParameterGroup', {
      provider,
      namePrefix: groupId,
      engineVersion,
      clusterMode,
      parameters: props.parameters,
      notifyKeyspaceEvents: props.notifyKeyspaceEvents,
    });
    if (authentication.kind === 'users' && !member) {
      this.users = new CacheUserGroup(this, 'Users', { provider, prefix: groupId, engine: engineVersion.engine, users: authentication.users, kmsKeyArn: key.arn, region });
    }
    const tokenProps = authTokenProps(authentication);
    if (tokenProps && !member) this.authToken = props.authToken ?? new CacheAuthToken(this, 'AuthToken', tokenProps);
    const token = this.authToken ?? member?.authToken;

    // A member inherits engine, version, node type, parameters, encryption in transit and AUTH from the primary.
    this.replicationGroup = new ElasticacheReplicationGroup(this, 'ReplicationGroup', {
      provider,
      replicationGroupId: groupId,
      description: `${engineVersion} ${groupId}`,
      ...(member
        ? { globalReplicationGroupId: member.globalReplicationGroupId }
        : {
            engine: engineVersion.engine,
            engineVersion: engineVersion.version,
            nodeType,
            // AWS requires it on r6gd nodes and refuses it elsewhere (leaving it out means false).
            dataTieringEnabled: usesDataTiering(nodeType) || undefined,
            parameterGroupName: parameterGroup.name,
            port,
            transitEncryptionEnabled: true,
            transitEncryptionMode: props.transitEncryptionMode ?? CACHE_DEFAULTS.transitEncryptionMode,
            ...this.authenticationArguments(authentication),
            ...restoreArguments(props),
          }),
      ...(clusterMode
        ? { clusterMode: 'enabled', numNodeGroups: member ? undefined : props.shards, replicasPerNodeGroup: perShard - 1 }
        : { clusterMode: member ? undefined : 'disabled', numCacheClusters: perShard }),
      multiAzEnabled: multiAz,
      automaticFailoverEnabled: automaticFailover,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [securityGroup.securityGroupId],
      atRestEncryptionEnabled: 'true',
      kmsKeyId: key.arn,
      snapshotRetentionLimit: snapshotRetentionDays,
      snapshotWindow: props.snapshotWindow ?? CACHE_DEFAULTS.snapshotWindow,
      maintenanceWindow: props.maintenanceWindow ?? CACHE_DEFAULTS.maintenanceWindow,
      finalSnapshotIdentifier: policy.finalSnapshot ? `${groupId}-final` : undefined,
      autoMinorVersionUpgrade: String(props.autoMinorVersionUpgrade ?? CACHE_DEFAULTS.autoMinorVersionUpgrade),
      applyImmediately,
      notificationTopicArn: props.notificationTopicArn,
      logDeliveryConfiguration: logs.deliveryConfigurations(),
      lifecycle: {
        preventDestroy: preventDestroy || undefined,
        // A Global Datastore's engine version is upgraded through the global group. The restore source is read
        // at creation only: ignoring it lets it stay in (or leave) the configuration without replacing the group.
        ignoreChanges: [...(membership?.role === 'primary' ? ['engine_version'] : []), ...RESTORE_ARGUMENTS],
      },
    });

    this.clusterMode = clusterMode;
    this.region = region;
    this.replicationGroupId = groupId;
    this.arn = this.replicationGroup.arn;
    this.primaryEndpoint = clusterMode ? this.replicationGroup.configurationEndpointAddress : this.replicationGroup.primaryEndpointAddress;
    this.readerEndpoint = clusterMode ? this.replicationGroup.configurationEndpointAddress : this.replicationGroup.readerEndpointAddress;
    this.port = port;
    this.securityGroupId = securityGroup.securityGroupId;
    this.kmsKeyArn = key.arn;
    this.memberClusterIds = memberClusterIds(groupId, { shards: props.shards, nodesPerShard: perShard });

    this.users?.writeSecrets({ address: this.primaryEndpoint, port });
    if (token) {
      this.authSecretArn = new CacheAuthSecret(this, 'AuthSecret', {
        provider,
        secretName: (authentication.kind === 'auth-token' ? authentication.secretName : undefined) ?? `${groupId}/auth-token`,
        url: authentication.kind === 'auth-token' && authentication.url === true,
        kmsKeyArn: key.arn,
        token: token.token,
        tokenVersion: token.version,
        primaryEndpoint: this.primaryEndpoint,
        readerEndpoint: this.readerEndpoint,
        port,
      }).secretArn;
    }

    for (const cacheClusterId of this.memberClusterIds) {
      const node = cacheClusterId.slice(groupId.length + 1);
      for (const spec of cacheNodeAlarmSpecs(cacheClusterId, thresholds)) {
        createMetricAlarm(this, `Alarm-${node}-${spec.name}`, { provider, alarmNamePrefix: cacheClusterId, topics: context.alarmTopics, spec });
      }
    }
  }

  /** Admits a security group on the group's port (a function that warms the cache, say). */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    this.securityGroup.allowFrom(id, sourceSecurityGroupId, this.port, description);
  }

  /**
   * IAM statements that let an application read the AUTH token secret (and decrypt it only through
   * Secrets Manager in this Region); add them to the application role's policy.
   */
  grantReadAuthToken(): PolicyStatement[] {
    if (this.authSecretArn === undefined) {
      throw new Error(`${this.replicationGroupId} authenticates with an RBAC user group: it has no AUTH token secret to read`);
    }
    return readSecretStatements({ name: 'CacheAuthToken', secretArn: this.authSecretArn, kmsKeyArn: this.kmsKeyArn, region: this.region });
  }

  /** `auth_token` with its update strategy, or the RBAC user groups. */
  private authenticationArguments(authentication: CacheAuthentication) {
    if (authentication.kind === 'rbac') return { userGroupIds: [...authentication.userGroupIds] };
    if (authentication.kind === 'users') return { userGroupIds: [this.users!.userGroupId] };
    return {
      authToken: this.authToken!.token,
      authTokenUpdateStrategy: authentication.updateStrategy ?? CACHE_DEFAULTS.authTokenUpdateStrategy,
    };
  }

  private warn(props: CacheReplicationGroupProps, facts: { nodeType: string; hasReplica: boolean; groupId: string }): void {
    const prod = props.context.policy.production;
    if (prod && isBurstableCacheNodeType(facts.nodeType)) {
      Annotations.of(this).addWarning(`cache.nodeType ${facts.nodeType} is burstable: CPU credits run out under sustained load; use cache.r* or cache.m* in prod`);
    }
    if (prod && !facts.hasReplica) {
      Annotations.of(this).addWarning(`cache ${facts.groupId} has no replica in prod: a node failure loses the cache until it is replaced`);
    }
    if (props.transitEncryptionMode === 'preferred') {
      Annotations.of(this).addWarning('cache.transitEncryptionMode is "preferred": plain-text connections are accepted; set "required" once every client uses TLS');
    }
  }
}
