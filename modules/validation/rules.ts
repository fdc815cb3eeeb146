import { ValidationRule } from './validation-rule';

// Builders for the rules every module needs. Each message follows one shape:
// `<setting> must be <what is accepted>, got <value given>`.

/** Renders a value given by the user for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** An integer between `min` and `max`, both included. */
export function integerInRange(setting: string, value: number, min: number, max: number): ValidationRule {
  return {
    condition: Number.isInteger(value) && value >= min && value <= max,
    message: `${setting} must be an integer ${min}-${max}, got ${describeValue(value)}`,
  };
}

/** A number between `min` and `max`, both included, in steps of `step` (0.5 ACU, for instance). */
export function numberInRange(setting: string, value: number, min: number, max: number, step?: number): ValidationRule {
  const onStep = step === undefined || Number.isInteger(value / step);
  const stepText = step === undefined ? '' : ` in steps of ${step}`;
  return {
    condition: typeof value === 'number' && value >= min && value <= max && onStep,
    message: `${setting} must be ${min}-${max}${stepText}, got ${describeValue(value)}`,
  };
}

/** One of a closed set of values. */
export function oneOf<T>(setting: string, value: T, accepted: readonly T[]): ValidationRule {
  return {
    condition: accepted.includes(value),
    message: `${setting} must be one of ${accepted.map((item) => describeValue(item)).join(', ')}, got ${describeValue(value)}`,
  };
}

/** A string that is present and not blank. */
export function nonEmpty(setting: string, value: string | undefined): ValidationRule {
  return {
    condition: typeof value === 'string' && value.trim().length > 0,
    message: `${setting} must be set to a non-empty string, got ${describeValue(value)}`,
  };
}

/** A string matching a pattern, described in words for the message. */
export function matches(setting: string, value: string | undefined, pattern: RegExp, accepted: string): ValidationRule {
  return {
    condition: typeof value === 'string' && pattern.test(value),
    message: `${setting} must be ${accepted}, got ${describeValue(value)}`,
  };
}

/** A lower bound that does not exceed its upper bound. */
export function minNotAboveMax(minSetting: string, min: number, maxSetting: string, max: number): ValidationRule {
  return {
    condition: min <= max,
    message: `${minSetting} must not be above ${maxSetting} (${max}), got ${describeValue(min)}`,
  };
}
