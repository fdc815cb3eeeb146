/**
 * One check of a validation table: when `condition` is false, `message` says what is wrong.
 *
 * Modules and stacks build a table of these from their props and run it with `assertValid`
 * before creating any resource, so that bad input fails before anything is synthesized.
 */
export interface ValidationRule {
  /** True when the input is acceptable. */
  readonly condition: boolean;
  /** Names the setting, the value given and what is accepted. */
  readonly message: string;
}

/** Raised for configuration that DataStack will not synthesize; carries every failed message. */
export class ConfigurationError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** The messages of the rules that failed, in table order. */
export function failedMessages(rules: readonly ValidationRule[]): string[] {
  return rules.filter((rule) => !rule.condition).map((rule) => rule.message);
}

/** Throws a ConfigurationError listing every failed rule; returns quietly when all pass. */
export function assertValid(rules: readonly ValidationRule[]): void {
  const problems = failedMessages(rules);
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
}
