import { Testing } from 'cdktf';
import { EnvironmentPolicy } from '../../../modules/context';
import { PostgresInstance, PostgresInstanceProps } from '../../../modules/postgres-instance';
import { regionContextStack } from './region-context-fixture';

/** The smallest settings an instance takes: skillancer's production class and storage. */
export const BASE_SETTINGS = {
  instanceClass: 'db.r6g.large',
  storage: { allocatedGib: 100 },
} as const;

export type InstanceOverrides = Partial<Omit<PostgresInstanceProps, 'context'>>;

/** Synthesizes one instance in us-east-1 for `skillancer-<environment>`, under a policy. */
export function synthInstance(overrides: InstanceOverrides = {}, options: { readonly policy?: EnvironmentPolicy; readonly environment?: string } = {}) {
  const { stack, context } = regionContextStack({ policy: options.policy, environment: options.environment });
  const instance = new PostgresInstance(stack, 'Postgres', { ...BASE_SETTINGS, ...overrides, context: context('us-east-1') });
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text), stack, instance };
}
