import { Testing } from 'cdktf';
import { failedMessages } from '../../../modules/validation';
import { PostgresInstanceOptions } from '../../../stacks/components/postgres-instance';
import { TEST_ENVIRONMENT, testSystem, TestSystemEnvironment } from './data-tier-test-system';

/** The test system's environment with overrides, typed loosely so tests can build invalid configuration. */
export function environmentWith(overrides: Record<string, unknown>): TestSystemEnvironment {
  return { ...TEST_ENVIRONMENT, ...overrides } as TestSystemEnvironment;
}

/** Synthesizes the test system's one environment; the JSON and the stack. */
export function synthTestSystem(environment: TestSystemEnvironment = TEST_ENVIRONMENT, postgresOptions: PostgresInstanceOptions = {}) {
  const stack = testSystem(environment, postgresOptions).addStack(Testing.app(), environment);
  const text = Testing.synth(stack);
  return { json: JSON.parse(text), text, stack };
}

/** The failed configuration checks of the test system (what the app refuses before any stack exists). */
export function configurationProblems(environment: TestSystemEnvironment, postgresOptions: PostgresInstanceOptions = {}): string[] {
  return failedMessages(testSystem(environment, postgresOptions).validationRules());
}
