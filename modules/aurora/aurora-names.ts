import { ResourceNaming } from '../naming';
import {
  derivedRdsNameRules,
  RDS_CLUSTER_IDENTIFIER,
  RDS_CLUSTER_SNAPSHOT_IDENTIFIER,
  RDS_GLOBAL_CLUSTER_IDENTIFIER,
  RDS_INSTANCE_IDENTIFIER,
  RDS_PARAMETER_GROUP_NAME_PREFIX,
  RDS_SUBNET_GROUP_NAME,
} from '../rds';
import { ValidationRule } from '../validation';
import { AuroraPostgresEngineVersion } from './engine-version';

// The physical names of a cluster and what is around it, derived from the system, environment and Region:
// the constructs name things from these functions and validation checks the same names against AWS's limits.

/** The component name of a cluster's physical names unless it is given another. */
export const DEFAULT_AURORA_COMPONENT = 'aurora';

/** `gaming-platform-prod-aurora-eu-west-2`: the cluster identifier, also its subnet group's name. */
export function auroraClusterIdentifier(naming: ResourceNaming, region: string, component: string = DEFAULT_AURORA_COMPONENT): string {
  return naming.name(component, region);
}

/** `gaming-platform-prod-aurora`: the Global Database's identifier. */
export function auroraGlobalClusterIdentifier(naming: ResourceNaming): string {
  return naming.name('aurora');
}

/** `<cluster>-<n>`, n from 1. */
export function auroraInstanceIdentifier(clusterIdentifier: string, index: number): string {
  return `${clusterIdentifier}-${index}`;
}

/** `<cluster>-<family>-`: the parameter groups' name prefix (the provider appends a unique suffix). */
export function auroraParameterGroupNamePrefix(clusterIdentifier: string, engineVersion: AuroraPostgresEngineVersion): string {
  return `${clusterIdentifier}-${engineVersion.parameterGroupFamily}-`;
}

/** `<cluster>-final`. */
export function auroraFinalSnapshotIdentifier(clusterIdentifier: string): string {
  return `${clusterIdentifier}-final`;
}

/** What the names of one cluster are derived from. */
export interface AuroraClusterNaming {
  readonly naming: ResourceNaming;
  readonly region: string;
  /** The component in physical names. @default 'aurora' */
  readonly component?: string;
  readonly engineVersion: AuroraPostgresEngineVersion;
  /** Instances Terraform creates (the longest identifier is the last one's). */
  readonly instanceCount: number;
}

function shorten(setting: string, component?: string): string {
  return component === undefined ? `the system or environment name (${setting})` : `the system, environment or component name (${setting})`;
}

/** A cluster's derived names against the limits AWS documents: identifier, subnet group, parameter groups, instances, final snapshot. */
export function auroraClusterNameRules(setting: string, cluster: AuroraClusterNaming): ValidationRule[] {
  const identifier = auroraClusterIdentifier(cluster.naming, cluster.region, cluster.component);
  const lastInstance = Number.isInteger(cluster.instanceCount) && cluster.instanceCount > 0 ? [{ name: auroraInstanceIdentifier(identifier, cluster.instanceCount), limit: RDS_INSTANCE_IDENTIFIER }] : [];
  return derivedRdsNameRules(
    [
      { name: identifier, limit: RDS_CLUSTER_IDENTIFIER },
      ...lastInstance,
      { name: identifier, limit: RDS_SUBNET_GROUP_NAME },
      { name: auroraParameterGroupNamePrefix(identifier, cluster.engineVersion), limit: RDS_PARAMETER_GROUP_NAME_PREFIX },
      { name: auroraFinalSnapshotIdentifier(identifier), limit: RDS_CLUSTER_SNAPSHOT_IDENTIFIER },
    ],
    shorten(setting, cluster.component),
  );
}

/** A Global Database's identifier against AWS's limit. */
export function auroraGlobalClusterNameRules(setting: string, naming: ResourceNaming): ValidationRule[] {
  return derivedRdsNameRules([{ name: auroraGlobalClusterIdentifier(naming), limit: RDS_GLOBAL_CLUSTER_IDENTIFIER }], shorten(setting));
}
