import type { EnvironmentPolicy } from '../../modules/context';
import { EnvironmentConfig, EnvironmentName } from './environment';

/**
 * Each environment's policy when it sets none: dev comes and goes (no deletion protection, changes at once);
 * staging keeps its data like prod but may be destroyed by Terraform; prod refuses destruction outright and
 * warns about risky settings. Every environment takes final snapshots and keeps a year of logs.
 */
export const ENVIRONMENT_POLICY_DEFAULTS: Readonly<Record<EnvironmentName, EnvironmentPolicy>> = {
  dev: { deletionProtection: false, preventDestroy: false, finalSnapshot: true, applyImmediately: true, logRetentionDays: 365, production: false },
  staging: { deletionProtection: true, preventDestroy: false, finalSnapshot: true, applyImmediately: false, logRetentionDays: 365, production: false },
  prod: { deletionProtection: true, preventDestroy: true, finalSnapshot: true, applyImmediately: false, logRetentionDays: 365, production: true },
};

/** The environment's policy: the defaults for its name, with its own overrides. Resolved once per stack. */
export function resolveEnvironmentPolicy(environment: EnvironmentConfig): EnvironmentPolicy {
  return { ...ENVIRONMENT_POLICY_DEFAULTS[environment.name], ...environment.policy };
}

/** What a policy turns off that production should keep: each one a synthesis warning where `production` is set. */
export function riskyPolicyWarnings(setting: string, policy: EnvironmentPolicy): string[] {
  if (!policy.production) return [];
  const warnings: string[] = [];
  if (!policy.deletionProtection) warnings.push(`${setting}.deletionProtection is off in production: one API call deletes a database or table`);
  if (!policy.preventDestroy) warnings.push(`${setting}.preventDestroy is off in production: a destroy plan deletes data-holding resources`);
  if (!policy.finalSnapshot) warnings.push(`${setting}.finalSnapshot is off in production: deleting a database or cache keeps no copy`);
  return warnings;
}
