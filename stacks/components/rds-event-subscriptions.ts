import { Construct } from 'constructs';
import type { AuroraCluster, AuroraGlobalDatabase } from '../../modules/aurora';
import type { PostgresInstance } from '../../modules/postgres-instance';
import { RdsEventCategoriesBySeverity, rdsEventCategoriesRules, RdsEventSourceType, RdsEventSubscriptions } from '../../modules/rds-events';
import { regionConstructId } from '../../modules/regions';
import { ValidationRule } from '../../modules/validation';
import { Built, Component, ComponentCheck, StackContext } from '../composition/component';

/** Which categories go to which severity's topic, per kind of source. */
export interface RdsEventsConfig {
  /**
   * Instance events (RDS instances and their replicas).
   * @default critical: availability, deletion, failover, failure, low storage; warning: maintenance, notification, recovery
   */
  readonly instanceCategories?: RdsEventCategoriesBySeverity;
  /**
   * Cluster events (Aurora clusters, Global Database members: global-failover).
   * @default critical: deletion, failover, failure, global-failover; warning: maintenance, notification
   */
  readonly clusterCategories?: RdsEventCategoriesBySeverity;
}

/** Sources of one kind in one Region. */
export interface RdsEventSource {
  readonly region: string;
  readonly sourceType: RdsEventSourceType;
  readonly sourceIds: readonly string[];
}

export interface RdsEventSubscriptionsOptions {
  /** The sources, read when the stack is built: databases of components listed before this one (see `rdsEventSourcesOf`). */
  readonly sources: () => readonly RdsEventSource[];
  /** @default - the default categories */
  readonly config?: RdsEventsConfig;
  /** @default 'rdsEvents' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'RdsEvents' */
  readonly id?: string;
}

/**
 * The event sources of databases built before the subscriptions. Identifiers are read from the resources, not
 * from names, so each subscription depends on its sources: RDS refuses a subscription to a source that does
 * not exist yet.
 */
export const rdsEventSourcesOf = {
  /** Every member cluster of a Global Database, each in its Region (global switchovers and failovers arrive there). */
  auroraGlobalDatabase(component: { readonly database: Built<AuroraGlobalDatabase> }): RdsEventSource[] {
    const database = component.database.get();
    return [database.primary, ...(database.secondary ? [database.secondary] : [])].map((cluster) => ({
      region: cluster.region,
      sourceType: 'db-cluster' as const,
      sourceIds: [cluster.cluster.clusterIdentifier],
    }));
  },
  /** A single-Region Aurora cluster. */
  auroraCluster(component: { readonly cluster: Built<AuroraCluster> }): RdsEventSource[] {
    const cluster = component.cluster.get();
    return [{ region: cluster.region, sourceType: 'db-cluster', sourceIds: [cluster.cluster.clusterIdentifier] }];
  },
  /** An RDS instance and its read replicas. */
  postgresInstance(component: { readonly instance: Built<PostgresInstance> }): RdsEventSource[] {
    const instance = component.instance.get();
    return [{ region: instance.region, sourceType: 'db-instance', sourceIds: [instance.instance, ...instance.replicas].map((each) => each.identifier) }];
  },
};

/** `db-cluster` -> `Clusters`, for construct ids. */
function kindId(sourceType: RdsEventSourceType): string {
  return sourceType === 'db-instance' ? 'Instances' : 'Clusters';
}

/**
 * RDS event subscriptions for the system's databases: per Region and kind of source, one subscription to the
 * Region's critical topic and one to its warning topic (`<id>/<Clusters|Instances><Region>/<Severity>`).
 */
export function rdsEventSubscriptions(options: RdsEventSubscriptionsOptions): Component {
  const config = options.config ?? {};
  const categoriesOf = (sourceType: RdsEventSourceType) => (sourceType === 'db-instance' ? config.instanceCategories : config.clusterCategories);
  return {
    setting: options.setting ?? 'rdsEvents',
    rules({ setting }: ComponentCheck): ValidationRule[] {
      return [
        ...rdsEventCategoriesRules(`${setting}.instanceCategories`, 'db-instance', config.instanceCategories),
        ...rdsEventCategoriesRules(`${setting}.clusterCategories`, 'db-cluster', config.clusterCategories),
      ];
    },
    build(stack: StackContext) {
      const scope = new Construct(stack.scope, options.id ?? 'RdsEvents');
      // One subscription set per Region and kind, whatever the order the sources come in.
      const grouped = new Map<string, RdsEventSource>();
      for (const source of options.sources()) {
        const key = `${source.sourceType} ${source.region}`;
        const known = grouped.get(key);
        grouped.set(key, known ? { ...known, sourceIds: [...known.sourceIds, ...source.sourceIds] } : source);
      }
      for (const source of grouped.values()) {
        new RdsEventSubscriptions(scope, `${kindId(source.sourceType)}${regionConstructId(source.region)}`, {
          context: stack.region(source.region),
          sourceType: source.sourceType,
          sourceIds: source.sourceIds,
          categories: categoriesOf(source.sourceType),
        });
      }
    },
  };
}
