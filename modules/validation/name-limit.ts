// The limits AWS documents for a name or identifier, checked before synthesis: a name one character too
// long passes `terraform plan` and fails at apply, after other resources were created.
import { describeValue } from './rules';
import { ValidationRule } from './validation-rule';

export interface NameLimit {
  /** What the name is, for the message (`an RDS DB instance identifier`). */
  readonly what: string;
  /** The characters, length and shape AWS accepts. */
  readonly pattern: RegExp;
  /** The same in words (`1-63 letters, digits and single hyphens, starting with a letter`). */
  readonly accepted: string;
}

/** `value` within `limit`; the message names the setting, the value, its length and what AWS accepts. */
export function nameRule(setting: string, value: string | undefined, limit: NameLimit): ValidationRule {
  const length = typeof value === 'string' ? ` (${value.length} characters)` : '';
  return {
    condition: typeof value === 'string' && limit.pattern.test(value),
    message: `${setting} must be ${limit.what}: ${limit.accepted}, got ${describeValue(value)}${length}`,
  };
}

/**
 * A name DataStack derives from the system, environment and component: the message says which setting
 * to shorten, since the name itself is not a setting.
 */
export function derivedNameRule(name: string, limit: NameLimit, shorten: string): ValidationRule {
  return {
    condition: limit.pattern.test(name),
    message: `the derived name ${describeValue(name)} (${name.length} characters) must be ${limit.what}: ${limit.accepted}; shorten ${shorten}`,
  };
}
