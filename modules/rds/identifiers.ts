import { matches, ValidationRule } from '../validation';

/** A PostgreSQL identifier RDS accepts for a database name or a master user name. */
export function postgresIdentifierRule(setting: string, value: string): ValidationRule {
  return matches(setting, value, /^[A-Za-z][A-Za-z0-9_]{0,62}$/, 'a letter followed by up to 62 letters, digits or underscores');
}

/** RDS instance identifiers: 1-63 letters, digits and hyphens, a letter first, no two hyphens in a row, no hyphen last. */
const DB_INSTANCE_IDENTIFIER = /^(?=.{1,63}$)[a-zA-Z](?:-?[a-zA-Z0-9])*$/;

export function dbInstanceIdentifierRule(setting: string, value: string): ValidationRule {
  return matches(setting, value, DB_INSTANCE_IDENTIFIER, '1-63 letters, digits and single hyphens, starting with a letter (shorten the system or component)');
}
