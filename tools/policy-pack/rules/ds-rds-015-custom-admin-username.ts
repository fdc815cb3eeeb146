import { eachResource, PolicyRule } from '../rule';
import { asLiteralString } from '../terraform/values';

// The usernames tools try first: engine defaults and the console's suggestions.
const DEFAULT_USERNAMES = ['postgres', 'admin', 'root', 'master', 'administrator', 'awsuser', 'sa'];

export const rule: PolicyRule = {
  id: 'DS-RDS-015',
  title: 'Custom administrator username',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance'],
  rationale: 'A default administrator name (postgres, admin) is half of a guessed credential.',
  controls: ['RDS.24', 'RDS.25'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const username = asLiteralString(block.type === 'aws_rds_cluster' ? block.body.master_username : block.body.username);
      return username !== undefined && DEFAULT_USERNAMES.includes(username.toLowerCase())
        ? `the administrator username ${JSON.stringify(username)} is a default one; choose a name of the system's own`
        : undefined;
    }),
};
