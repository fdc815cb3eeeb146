// Suppressions the way cdk-nag has them: a system says, per rule and resource, why a finding is
// acceptable. The reason is printed with every suppressed finding; a suppression without one is a
// configuration error.
import { describeValue, nonEmpty, oneOf, ValidationRule } from '../../modules/validation';
import type { PolicySuppression } from '../../stacks/policy-suppression';

export type { PolicySuppression };

/** A system's suppressions, as `stacks/systems-policy-suppressions.ts` registers them. */
export interface SystemSuppressions {
  /** The system name, the prefix of its stack names (`gaming-platform`). */
  readonly system: string;
  readonly suppressions: readonly PolicySuppression[];
}

/** True when `stack` belongs to `system` (`gaming-platform-prod` to `gaming-platform`, `state-backend` to itself). */
export function isStackOfSystem(stack: string, system: string): boolean {
  return stack === system || stack.startsWith(`${system}-`);
}

function addressPattern(resource: string): RegExp {
  return new RegExp(`^${resource.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** True when the suppression covers rule `ruleId` at `address` in `stack`. */
export function suppresses(system: SystemSuppressions, suppression: PolicySuppression, stack: string, ruleId: string, address: string): boolean {
  if (suppression.ruleId !== ruleId || !isStackOfSystem(stack, system.system)) return false;
  if (suppression.stacks !== undefined && !suppression.stacks.includes(stack)) return false;
  return addressPattern(suppression.resource).test(address);
}

/** The validation table of every system's suppressions: known rule, a resource, stacks of the system, a reason. */
export function suppressionRules(systems: readonly SystemSuppressions[], ruleIds: readonly string[]): ValidationRule[] {
  return systems.flatMap((system) =>
    system.suppressions.flatMap((suppression, index) => {
      const setting = `policy suppression ${system.system}[${index}]`;
      return [
        oneOf(`${setting}.ruleId`, suppression.ruleId, ruleIds),
        nonEmpty(`${setting}.resource`, suppression.resource),
        nonEmpty(`${setting}.reason (${suppression.ruleId} on ${suppression.resource})`, suppression.reason),
        ...(suppression.stacks ?? []).map((stack) => ({
          condition: isStackOfSystem(stack, system.system),
          message: `${setting}.stacks must name stacks of ${system.system} (${system.system} or ${system.system}-<environment>), got ${describeValue(stack)}`,
        })),
      ];
    }),
  );
}
