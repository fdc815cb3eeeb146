import { eachResource, PolicyRule } from '../rule';
import { isTrue } from '../terraform/values';

export const rule: PolicyRule = {
  id: 'DS-PROXY-001',
  title: 'RDS Proxy requires TLS',
  severity: 'error',
  resourceTypes: ['aws_db_proxy'],
  rationale: 'Without require_tls the proxy accepts plaintext client connections even when the database behind it forces TLS.',
  controls: ['RDS.43'],
  check: (stack) => eachResource(stack, rule.resourceTypes, (block) => (isTrue(block.body.require_tls) ? undefined : 'require_tls must be true')),
};
