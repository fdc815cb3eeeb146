import { eachResource, PolicyRule } from '../rule';
import { asStringList, isFalse } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-ALARM-001',
  title: 'Alarms notify someone',
  severity: 'error',
  resourceTypes: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm'],
  rationale: 'An alarm without an ALARM action, or with actions disabled, changes colour on a dashboard nobody is watching.',
  controls: ['CloudWatch.15', 'CloudWatch.17', 'CKV_AWS_319'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      if (isFalse(block.body.actions_enabled)) return 'actions_enabled is false: the alarm notifies nobody';
      return asStringList(block.body.alarm_actions).length === 0 ? 'alarm_actions is empty: the alarm notifies nobody' : undefined;
    }),
};
