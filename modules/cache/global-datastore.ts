import { ElasticacheGlobalReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-global-replication-group';
import { Construct } from 'constructs';
import { RegionContext } from '../context';
import { SubnetTier } from '../network';
import { regionConstructId } from '../regions';
import { assertValid, describeValue, integerInRange, ValidationRule } from '../validation';
import { authTokenProps, CacheAuthToken } from './auth-token';
import { CacheReplicationGroupSettings } from './cache-settings';
import { CACHE_DEFAULTS } from './defaults';
import { supportsGlobalDatastore } from './node-types';
import { CacheReplicationGroup } from './replication-group';

/** One Region of a Global Datastore. */
export interface CacheGlobalDatastoreRegion {
  /** The Region's context: provider, network, alarm topics, names, policy. */
  readonly context: RegionContext;
  /**
   * The Region's unencrypted topic for ElastiCache event notifications.
   * @default - no event notifications
   */
  readonly notificationTopicArn?: string;
}

/** A read-only member Region and its size. */
export interface CacheGlobalDatastoreMember extends CacheGlobalDatastoreRegion {
  /**
   * Nodes of the member (cluster mode disabled), 1-6; with cluster mode enabled it has the primary's shards and replicas.
   * @default - the primary's nodeCount
   */
  readonly nodeCount?: number;
}

export interface CacheGlobalDatastoreProps extends CacheReplicationGroupSettings {
  /** The Region that takes writes. */
  readonly primary: CacheGlobalDatastoreRegion;
  /** Read-only Regions (ElastiCache allows two); one is skillancer's cross-Region recovery. */
  readonly members: readonly CacheGlobalDatastoreMember[];
  /**
   * The component in physical names.
   * @default - the engine
   */
  readonly component?: string;
  /**
   * The subnet tier of every member's subnet group.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

/** Where a Global Datastore's groups are, for its checks: the primary's Region and each member's. */
export interface CacheGlobalDatastoreLayout {
  readonly primaryRegion: string;
  readonly members: readonly { readonly region: string; readonly nodeCount?: number }[];
}

/** The checks a Global Datastore adds to a replication group's. */
export function cacheGlobalDatastoreRules(setting: string, settings: CacheReplicationGroupSettings, layout: CacheGlobalDatastoreLayout): ValidationRule[] {
  const nodeType = settings.nodeType ?? CACHE_DEFAULTS.nodeType;
  const regions = [layout.primaryRegion, ...layout.members.map((member) => member.region)];
  const rules: ValidationRule[] = [
    {
      condition: supportsGlobalDatastore(nodeType),
      message: `${setting}.nodeType must be an M5/R5 or newer node type (not burstable, not r6gd) for a Global Datastore, got ${describeValue(nodeType)}`,
    },
    integerInRange(`${setting}.members.length`, layout.members.length, 1, 2),
    {
      // User groups are regional: a member would need its own group and secrets in its Region.
      condition: settings.authentication?.kind !== 'users',
      message: `${setting} needs authentication "auth-token" or "rbac" with existing user groups; users DataStack creates are regional and a Global Datastore spans Regions, got "users"`,
    },
    {
      condition: new Set(regions).size === regions.length,
      message: `${setting}.members must each be in a Region of their own, apart from the primary (${layout.primaryRegion}), got ${describeValue(regions)}`,
    },
  ];
  layout.members.forEach((member, index) => {
    if (member.nodeCount === undefined) return;
    if (settings.shards !== undefined) {
      rules.push({ condition: false, message: `${setting}.members[${index}].nodeCount must be left out with cluster mode enabled (members copy the shards), got ${member.nodeCount}` });
    } else {
      rules.push(integerInRange(`${setting}.members[${index}].nodeCount`, member.nodeCount, 1, 6));
    }
  });
  return rules;
}

/**
 * An ElastiCache Global Datastore: the primary Region's replication group, the global replication group
 * made from it, and a read-only member replication group in each other Region (cross-Region recovery:
 * promote a member with failover-global-replication-group, docs/cache.md).
 *
 * Addresses are keyed by Region (`GroupEuWest2`), not by role.
 */
export class CacheGlobalDatastore extends Construct {
  public readonly globalReplicationGroup: ElasticacheGlobalReplicationGroup;
  public readonly globalReplicationGroupId: string;
  public readonly primary: CacheReplicationGroup;
  public readonly members: readonly CacheReplicationGroup[];
  /** The AUTH token of every member (undefined with RBAC); its address names no Region, so a failover keeps it. */
  public readonly authToken?: CacheAuthToken;

  constructor(scope: Construct, id: string, props: CacheGlobalDatastoreProps) {
    super(scope, id);
    assertValid(
      cacheGlobalDatastoreRules('cache.globalDatastore', props, {
        primaryRegion: props.primary.context.region,
        members: props.members.map((member) => ({ region: member.context.region, nodeCount: member.nodeCount })),
      }),
    );
    const { primary, members, ...settings } = props;
    const engineVersion = settings.engineVersion ?? CACHE_DEFAULTS.engineVersion;
    const groupIn = (placement: CacheGlobalDatastoreRegion) => ({ ...settings, context: placement.context, notificationTopicArn: placement.notificationTopicArn });

    const tokenProps = authTokenProps(settings.authentication);
    this.authToken = tokenProps ? new CacheAuthToken(this, 'AuthToken', tokenProps) : undefined;
    this.primary = new CacheReplicationGroup(this, `Group${regionConstructId(primary.context.region)}`, {
      ...groupIn(primary),
      authToken: this.authToken,
      globalMembership: { role: 'primary' },
    });
    this.globalReplicationGroup = new ElasticacheGlobalReplicationGroup(this, 'GlobalReplicationGroup', {
      provider: primary.context.provider,
      globalReplicationGroupIdSuffix: primary.context.naming.name(props.component ?? engineVersion.engine),
      globalReplicationGroupDescription: `Global Datastore of ${this.primary.replicationGroupId}`,
      primaryReplicationGroupId: this.primary.replicationGroup.id,
      engineVersion: engineVersion.version,
    });
    this.globalReplicationGroupId = this.globalReplicationGroup.globalReplicationGroupId;
    this.members = members.map(
      (member) =>
        new CacheReplicationGroup(this, `Group${regionConstructId(member.context.region)}`, {
          ...groupIn(member),
          nodeCount: props.shards === undefined ? member.nodeCount ?? settings.nodeCount : undefined,
          // A member takes its data from the primary, never from a snapshot.
          restoreFrom: undefined,
          globalMembership: { role: 'member', globalReplicationGroupId: this.globalReplicationGroupId, authToken: this.authToken },
        }),
    );
  }
}
