import { derivedNameRule, NameLimit, nameRule, ValidationRule } from '../validation';
import { RDS_DATABASE_NAME, RDS_MASTER_USERNAME } from './name-limits';

/** The database name given for a cluster or instance, within RDS's limit. */
export function databaseNameRule(setting: string, value: string): ValidationRule {
  return nameRule(setting, value, RDS_DATABASE_NAME);
}

/** The master user name given for a cluster or instance, within RDS's limit (1-16, not PostgreSQL's 63). */
export function masterUsernameRule(setting: string, value: string): ValidationRule {
  return nameRule(setting, value, RDS_MASTER_USERNAME);
}

/** A name DataStack derives, and the limit AWS documents for it. */
export interface DerivedRdsName {
  readonly name: string;
  readonly limit: NameLimit;
}

/**
 * Derived names checked in order, stopping at the first that fails: names are built from one another
 * (an instance's from its cluster's), so one name too long is one message, not five.
 */
export function derivedRdsNameRules(names: readonly DerivedRdsName[], shorten: string): ValidationRule[] {
  const rules: ValidationRule[] = [];
  for (const { name, limit } of names) {
    const rule = derivedNameRule(name, limit, shorten);
    rules.push(rule);
    if (!rule.condition) break;
  }
  return rules;
}
