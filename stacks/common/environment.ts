// The typed configuration every system's environment shares: where it runs, who may run it,
// where its state is kept, and where its data tier sits in the network.
import { StateBackendConfig } from '../../modules/backend/environment-state-backend';
import { NetworkPlacementConfig } from '../../modules/network/network-placement';

export type { StateBackendConfig, NetworkPlacementConfig };

/** The environments a system may have; a stack is `<system>-<environment>`. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

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
  /** The data tier's network placement, one entry per Region the environment uses. */
  readonly network: Readonly<Record<string, NetworkPlacementConfig>>;
}

/** The Regions an environment uses, primary first. */
export function environmentRegions(environment: EnvironmentConfig): string[] {
  return environment.secondaryRegion === undefined
    ? [environment.primaryRegion]
    : [environment.primaryRegion, environment.secondaryRegion];
}
