import { Testing } from 'cdktf';
import { failedMessages } from '../../../modules/validation';
import { SKILLANCER_ENVIRONMENTS } from '../../../stacks/skillancer/environments';
import { SkillancerEnvironment } from '../../../stacks/skillancer/skillancer-environment';
import { SKILLANCER, skillancerSystem } from '../../../stacks/skillancer/skillancer-system';
import { resourcesByPath } from '../../modules/postgres-instance/region-context-fixture';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type SkillancerEnvironmentName = (typeof ENVIRONMENTS)[number];

/** The synthesized JSON of a shipped skillancer environment's stack, parsed. */
export function synthSkillancer(environment: SkillancerEnvironment): any {
  return JSON.parse(Testing.synth(SKILLANCER.addStack(Testing.app(), environment)));
}

/** Every shipped environment's stack, synthesized once per test file. */
export function synthShipped(): Record<SkillancerEnvironmentName, any> {
  return Object.fromEntries(ENVIRONMENTS.map((name) => [name, synthSkillancer(SKILLANCER_ENVIRONMENTS[name])])) as Record<SkillancerEnvironmentName, any>;
}

/** The one resource of a type at a construct path (`Postgres/InstanceUsEast1/Instance`). */
export function at(json: any, type: string, path: string): any {
  const resource = resourcesByPath(json, type)[path];
  if (resource === undefined) throw new Error(`no ${type} at ${path}`);
  return resource;
}

/** Alarms keyed by alarm name. */
export function alarmsByName(json: any): Record<string, any> {
  return Object.fromEntries(Object.values(json.resource.aws_cloudwatch_metric_alarm as Record<string, any>).map((alarm) => [alarm.alarm_name, alarm]));
}

/** A shipped environment with overrides, typed loosely so tests can build invalid configuration. */
export function environmentWith(name: SkillancerEnvironmentName, overrides: (environment: SkillancerEnvironment) => Record<string, unknown>): SkillancerEnvironment {
  const environment = SKILLANCER_ENVIRONMENTS[name];
  return { ...environment, ...overrides(environment) } as SkillancerEnvironment;
}

/** The configuration problems the app reports for one environment (before any stack exists). */
export function configurationProblems(environment: SkillancerEnvironment): string[] {
  return failedMessages(skillancerSystem({ [environment.name]: environment }).validationRules());
}
