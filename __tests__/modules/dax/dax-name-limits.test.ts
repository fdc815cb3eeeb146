import { DAX_NAME_LIMITS } from '../../../modules/dax';
import { DYNAMODB_TABLE_NAME_LIMIT } from '../../../modules/dynamodb';
import { NameLimit, nameRule } from '../../../modules/validation';

// Each DAX and DynamoDB limit AWS documents, at its boundary: the last accepted value passes, one beyond fails.
const CASES: [string, NameLimit, string, string, string][] = [
  ['DAX cluster name', DAX_NAME_LIMITS.clusterName, `d${'x'.repeat(19)}`, `d${'x'.repeat(20)}`, 'a DAX cluster name: 1-20 letters, digits and single hyphens, starting with a letter and not ending with a hyphen'],
  ['DAX cluster name starting with a digit', DAX_NAME_LIMITS.clusterName, 'gp-prod-dax', '1gp-prod-dax', 'a DAX cluster name'],
  ['DAX parameter group name', DAX_NAME_LIMITS.parameterGroupName, `p${'x'.repeat(254)}`, `p${'x'.repeat(255)}`, 'a DAX parameter group name: 1-255 letters, digits and single hyphens'],
  ['DAX subnet group name', DAX_NAME_LIMITS.subnetGroupName, `s${'x'.repeat(254)}`, `s${'x'.repeat(255)}`, 'a DAX subnet group name: 1-255 letters, digits and single hyphens'],
  ['IAM role name', DAX_NAME_LIMITS.roleName, `r${'x'.repeat(63)}`, `r${'x'.repeat(64)}`, "an IAM role name: 1-64 letters, digits and '_+=,.@-'"],
  ['DynamoDB table name (longest)', DYNAMODB_TABLE_NAME_LIMIT, 't'.repeat(255), 't'.repeat(256), "a DynamoDB table name: 3-255 letters, digits, '_', '-' and '.'"],
  ['DynamoDB table name (shortest)', DYNAMODB_TABLE_NAME_LIMIT, 'abc', 'ab', 'a DynamoDB table name'],
];

describe('DAX and DynamoDB name limits', () => {
  test.each(CASES)('GIVEN the %s limit WHEN the last accepted value and one beyond are checked THEN only the first passes, and the message says why', (_case, limit, accepted, refused, expected) => {
    expect(nameRule('dax.name', accepted, limit).condition).toBe(true);
    const rule = nameRule('dax.name', refused, limit);
    expect(rule.condition).toBe(false);
    expect(rule.message).toContain(`dax.name must be ${expected}`);
    expect(rule.message).toContain(`(${refused.length} characters)`);
  });
});
