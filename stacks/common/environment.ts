// The typed configuration every system's environment shares: where it runs, who may run it, where its
// state is kept, where its data tier sits in the network, how carefully it treats data, and where alarms go.
import type { AlarmSubscription, ExistingAlarmTopics } from '../../modules/alarms';
import type { StateBackendConfig } from '../../modules/backend';
import type { EnvironmentPolicy } from '../../modules/context';
import type { NetworkPlacementConfig, VpcNetworkSettings } from '../../modules/network';
import type { OutputNames } from '../composition/outputs';

export type { StateBackendConfig, NetworkPlacementConfig, VpcNetworkSettings, EnvironmentPolicy };

/** The environments a system may have; a stack is `<system>-<environment>`. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** A VPC the stack creates in the Region (docs/network.md). */
export interface CreatedNetworkConfig {
  readonly create: VpcNetworkSettings;
  /**
   * New names for the network's outputs (`application_security_group_id: 'lambda_security_group_id'`), or `false` to leave one out.
   * @default - vpc_id, private_subnet_ids, data_subnet_ids, public_subnet_ids, application_security_group_id
   */
  readonly outputs?: OutputNames;
}

/** A Region's network: an existing one, looked up by IDs or tags, or one the stack creates. */
export type NetworkConfig = NetworkPlacementConfig | CreatedNetworkConfig;

/** Where a Region's alarms (and RDS events) go. */
export interface AlarmsConfig {
  /**
   * Existing SNS topics by Region: one ARN for every severity, or one per severity. A Region listed here
   * gets no topics of its own; the topics' key, if any, must let CloudWatch and RDS events publish.
   * @default - every Region gets three KMS-encrypted topics of its own (critical, warning, info)
   */
  readonly existingTopics?: Readonly<Record<string, ExistingAlarmTopics>>;
  /**
   * Subscriptions to the topics the stack creates, in every Region that has them.
   * @default - none: the topics notify only what subscribes to them later
   */
  readonly subscriptions?: readonly AlarmSubscription[];
}

/** What every environment of every system configures. */
export interface EnvironmentConfig {
  /** The environment's name; part of the stack name and of every physical name. */
  readonly name: EnvironmentName;
  /** The Region of the primary (writer) resources. */
  readonly primaryRegion: string;
  /**
   * A second Region for replicas (Aurora Global Database secondary, DynamoDB replicas).
   * @default - single-Region environment
   */
  readonly secondaryRegion?: string;
  /**
   * Account IDs the aws providers refuse to work outside of (`allowed_account_ids`).
   * @default - any account
   */
  readonly allowedAccountIds?: readonly string[];
  /**
   * A role the aws providers assume (`assume_role.role_arn`).
   * @default - the caller's own credentials
   */
  readonly assumeRoleArn?: string;
  /** Where this environment's Terraform state is kept. */
  readonly stateBackend: StateBackendConfig;
  /** The network of every Region the environment uses, one entry per Region. */
  readonly network: Readonly<Record<string, NetworkConfig>>;
  /**
   * Overrides of the environment's policy: deletion protection, prevent_destroy, final snapshots,
   * apply-immediately, log retention, production warnings.
   * @default - the defaults for the environment's name (ENVIRONMENT_POLICY_DEFAULTS, docs/systems.md)
   */
  readonly policy?: Partial<EnvironmentPolicy>;
  /**
   * Where alarms go.
   * @default - three KMS-encrypted topics per Region, no subscriptions
   */
  readonly alarms?: AlarmsConfig;
}

/** The Regions an environment uses, primary first. */
export function environmentRegions(environment: EnvironmentConfig): string[] {
  return environment.secondaryRegion === undefined
    ? [environment.primaryRegion]
    : [environment.primaryRegion, environment.secondaryRegion];
}
