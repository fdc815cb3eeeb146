import { Construct } from 'constructs';
import {
  authTokenProps,
  CacheAuthToken,
  CacheGlobalDatastore,
  cacheGlobalDatastoreRules,
  CacheNotificationTopic,
  CacheReplicationGroup,
  CacheReplicationGroupSettings,
  cacheReplicationGroupRules,
  CACHE_DEFAULTS,
} from '../../modules/cache';
import { SubnetTier } from '../../modules/network';
import { regionConstructId } from '../../modules/regions';
import { describeValue, ValidationRule } from '../../modules/validation';
import { Built, Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputDeclaration, OutputNames } from '../composition/outputs';
import { cacheUserOutputs } from './cache-user-outputs';
import { outputNamesRules } from './output-names';

/** An environment's ElastiCache replication group (Redis OSS or Valkey) in its primaryRegion. */
export interface CacheReplicationGroupConfig extends CacheReplicationGroupSettings {
  /**
   * A Global Datastore with a read-only member in the environment's secondaryRegion, for cross-Region recovery.
   * @default - none
   */
  readonly globalDatastore?: {
    /**
     * Nodes of the member (cluster mode disabled), 1-6.
     * @default - nodeCount
     */
    readonly nodeCount?: number;
  };
  /**
   * The subnet tier of the group.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
  /**
   * ElastiCache event notifications (failovers, node replacements, failed snapshots) to an unencrypted SNS topic
   * in each Region of the group (ElastiCache cannot publish to an encrypted one; docs/events.md).
   * @default - none
   */
  readonly eventNotifications?: CacheEventNotificationsConfig;
}

/** Where ElastiCache publishes its events. */
export interface CacheEventNotificationsConfig {
  /**
   * Existing unencrypted topics by Region, instead of creating them.
   * @default - a topic per Region of the group, `<system>-<env>-cache-events-<region>`, subscribed by the
   * environment's alarm subscriptions (`alarms.subscriptions`)
   */
  readonly existingTopicArns?: Readonly<Record<string, string>>;
}

const SNS_TOPIC_ARN = /^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

export interface CacheReplicationGroupOptions {
  /** @default 'cache' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'Redis' */
  readonly id?: string;
  /** @default - the default output names (prefixed with the engine: `redis_`, `valkey_`) */
  readonly outputs?: OutputNames;
}

function outputNames(prefix: string): string[] {
  return ['primary_endpoint', 'reader_endpoint', 'configuration_endpoint', 'port', 'auth_secret_arn', 'global_datastore_id', 'secondary_reader_endpoint', 'user_names', 'user_secret_arns'].map(
    (name) => `${prefix}_${name}`,
  );
}

function groupOutputs(prefix: string, group: CacheReplicationGroup): OutputDeclaration[] {
  const engine = prefix === 'redis' ? 'Redis' : 'Valkey';
  const endpoints: OutputDeclaration[] = group.clusterMode
    ? [
        {
          name: `${prefix}_configuration_endpoint`,
          description: `Configuration endpoint in ${group.region} (cluster mode: clients discover the shards from it; TLS)`,
          value: group.primaryEndpoint,
        },
      ]
    : [
        {
          name: `${prefix}_primary_endpoint`,
          description: `${engine} primary endpoint in ${group.region} (TLS; AUTH token in the ${prefix}_auth_secret_arn secret)`,
          value: group.primaryEndpoint,
        },
        { name: `${prefix}_reader_endpoint`, description: `${engine} reader endpoint in ${group.region}, balancing over the replicas`, value: group.readerEndpoint },
      ];
  return [
    ...endpoints,
    { name: `${prefix}_port`, description: `${engine} port number`, value: group.port },
    ...(group.authSecretArn === undefined
      ? []
      : [
          {
            name: `${prefix}_auth_secret_arn`,
            description: `ARN of the Secrets Manager secret with the ${engine} AUTH token and endpoints (JSON: auth_token, primary_endpoint, reader_endpoint, port) in ${group.region}`,
            value: group.authSecretArn,
            // The ARN is no secret, but it names where the token is: keep it out of plan logs, as the Aurora secret's.
            sensitive: true,
          },
        ]),
    ...cacheUserOutputs(prefix, group.users),
  ];
}

/**
 * An ElastiCache replication group in the primary Region (cluster mode disabled or enabled), TLS and AUTH,
 * with a Global Datastore member in the secondary Region when configured; its alarms notify the Region's
 * topics. Every group sits under `<id>/Group<Region>`: keyed by Region, never by role, and the same address
 * whether or not a Global Datastore is added later.
 */
export function cacheReplicationGroup(config: CacheReplicationGroupConfig, options: CacheReplicationGroupOptions = {}): Component & {
  readonly group: Built<CacheReplicationGroup>;
} {
  const built = new Built<CacheReplicationGroup>('the cache replication group');
  const { globalDatastore, subnetTier, eventNotifications, ...settings } = config;
  const prefix = (settings.engineVersion ?? CACHE_DEFAULTS.engineVersion).engine;
  return {
    setting: options.setting ?? 'cache',
    group: built,
    rules({ setting, environment }: ComponentCheck): ValidationRule[] {
      const rules = [
        ...cacheReplicationGroupRules(setting, settings),
        {
          condition: globalDatastore === undefined || environment.secondaryRegion !== undefined,
          message: `${setting}.globalDatastore must be left out without a secondaryRegion (its member lives there), got ${describeValue(globalDatastore)}`,
        },
        ...outputNamesRules(setting, options.outputs, outputNames(prefix)),
        ...eventNotificationsRules(`${setting}.eventNotifications`, eventNotifications, [
          environment.primaryRegion,
          ...(globalDatastore !== undefined && environment.secondaryRegion !== undefined ? [environment.secondaryRegion] : []),
        ]),
      ];
      if (globalDatastore !== undefined && environment.secondaryRegion !== undefined) {
        rules.push(
          ...cacheGlobalDatastoreRules(`${setting}.globalDatastore`, settings, {
            primaryRegion: environment.primaryRegion,
            members: [{ region: environment.secondaryRegion, nodeCount: globalDatastore.nodeCount }],
          }),
        );
      }
      return rules;
    },
    build(stack: StackContext) {
      const id = options.id ?? 'Redis';
      const outputs: OutputDeclaration[] = [];
      let primary: CacheReplicationGroup;
      const global = globalDatastore !== undefined && stack.secondaryRegion !== undefined;
      const topics = notificationTopics(stack, `${id}Events`, eventNotifications, global ? [stack.primaryRegion, stack.secondaryRegion!] : [stack.primaryRegion]);
      if (global) {
        const datastore = new CacheGlobalDatastore(stack.scope, id, {
          ...settings,
          subnetTier,
          primary: { context: stack.region(stack.primaryRegion), notificationTopicArn: topics.get(stack.primaryRegion) },
          members: [{ context: stack.region(stack.secondaryRegion!), nodeCount: globalDatastore!.nodeCount, notificationTopicArn: topics.get(stack.secondaryRegion!) }],
        });
        primary = datastore.primary;
        const member = datastore.members[0];
        outputs.push(
          ...groupOutputs(prefix, primary),
          { name: `${prefix}_global_datastore_id`, description: 'ID of the ElastiCache Global Datastore (for failover-global-replication-group)', value: datastore.globalReplicationGroupId },
          {
            name: `${prefix}_secondary_reader_endpoint`,
            description: `${prefix === 'redis' ? 'Redis' : 'Valkey'} reader endpoint of the Global Datastore member in ${member.region} (read-only until promoted)`,
            value: member.readerEndpoint,
          },
        );
      } else {
        // The same addresses as CacheGlobalDatastore's (<id>/AuthToken, <id>/Group<Region>), so adding one later moves nothing.
        const scope = new Construct(stack.scope, id);
        const tokenProps = authTokenProps(settings.authentication);
        primary = new CacheReplicationGroup(scope, `Group${regionConstructId(stack.primaryRegion)}`, {
          ...settings,
          subnetTier,
          authToken: tokenProps ? new CacheAuthToken(scope, 'AuthToken', tokenProps) : undefined,
          context: stack.region(stack.primaryRegion),
          notificationTopicArn: topics.get(stack.primaryRegion),
        });
        outputs.push(...groupOutputs(prefix, primary));
      }
      built.set(primary);
      declareOutputs(stack.scope, outputs, options.outputs);
    },
  };
}

/** The checks of the event notifications: existing topics are SNS topic ARNs of the group's Regions. */
function eventNotificationsRules(setting: string, config: CacheEventNotificationsConfig | undefined, regions: readonly string[]): ValidationRule[] {
  return Object.entries(config?.existingTopicArns ?? {}).flatMap(([region, arn]) => [
    {
      condition: regions.includes(region),
      message: `${setting}.existingTopicArns names Region ${describeValue(region)}, which has no replication group (its Regions: ${regions.join(', ')})`,
    },
    {
      condition: typeof arn === 'string' && SNS_TOPIC_ARN.test(arn) && arn.split(':')[3] === region,
      message: `${setting}.existingTopicArns.${region} must be the ARN of an SNS topic in ${region} (arn:aws:sns:${region}:<account>:<name>), got ${describeValue(arn)}`,
    },
  ]);
}

/** The notification topic of each Region: an existing one, or one created under `<scopeId>/Topic<Region>`. */
function notificationTopics(stack: StackContext, scopeId: string, config: CacheEventNotificationsConfig | undefined, regions: readonly string[]): Map<string, string> {
  const topics = new Map<string, string>();
  if (config === undefined) return topics;
  const created = regions.filter((region) => config.existingTopicArns?.[region] === undefined);
  const scope = created.length > 0 ? new Construct(stack.scope, scopeId) : undefined;
  for (const region of regions) {
    const existing = config.existingTopicArns?.[region];
    topics.set(
      region,
      existing ??
        new CacheNotificationTopic(scope!, `Topic${regionConstructId(region)}`, {
          provider: stack.region(region).provider,
          name: stack.naming.name('cache-events', region),
          subscriptions: stack.environment.alarms?.subscriptions,
        }).topicArn,
    );
  }
  return topics;
}
