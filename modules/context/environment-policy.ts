import { logRetentionRule } from '../logs';
import { ValidationRule } from '../validation';

/**
 * How carefully an environment treats its data, resolved once per environment (by the stack, from the
 * environment's name and its `policy` overrides) and handed to every module. Modules read these flags;
 * none of them tests an environment's name.
 */
export interface EnvironmentPolicy {
  /** `deletion_protection` on databases, global clusters and tables: the API refuses a delete while on. */
  readonly deletionProtection: boolean;
  /** `lifecycle { prevent_destroy }` on data-holding resources and their keys: Terraform refuses a plan that destroys them. */
  readonly preventDestroy: boolean;
  /** A final snapshot when a database or cache is deleted. */
  readonly finalSnapshot: boolean;
  /** Apply modifications at once instead of in the maintenance window. */
  readonly applyImmediately: boolean;
  /** Days CloudWatch Logs keeps what the data tier logs, unless a component sets its own. */
  readonly logRetentionDays: number;
  /**
   * Production expectations: risky but legal settings (burstable classes, no replica, protection turned off)
   * raise synthesis warnings.
   */
  readonly production: boolean;
}

/** The checks of a policy; `setting` is its path (`<system>.environments.<env>.policy`). */
export function environmentPolicyRules(setting: string, policy: EnvironmentPolicy): ValidationRule[] {
  return [logRetentionRule(`${setting}.logRetentionDays`, policy.logRetentionDays)];
}
