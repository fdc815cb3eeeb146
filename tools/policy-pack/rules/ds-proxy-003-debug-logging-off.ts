import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-PROXY-003',
  title: 'RDS Proxy debug logging off',
  severity: 'warning',
  resourceTypes: ['aws_db_proxy'],
  rationale: 'Debug logging writes the text of every SQL statement, parameters included, to CloudWatch Logs; turn it on only while troubleshooting.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => (isTrue(block.body.debug_logging) ? 'debug_logging must be false outside troubleshooting' : undefined)),
};
