// Suppressions: which findings they cover, that the reason is printed, and that a suppression without
// a reason (or for an unknown rule, or another system's stack) stops the check.
import { ConfigurationError } from '../../../modules/validation';
import { checkStacks, countFindings, summaryLine } from '../../../tools/policy-pack/check-stacks';
import { SystemSuppressions } from '../../../tools/policy-pack/policy-suppression';
import { textReport } from '../../../tools/policy-pack/report/text-report';
import { RULES } from '../../../tools/policy-pack/rules';
import { stack } from './fixtures/terraform-fixture';

const unencrypted = stack({ resource: { aws_rds_cluster: { db_one: { storage_encrypted: false }, db_two: { storage_encrypted: false } } } });
const rule = RULES.filter((candidate) => candidate.id === 'DS-RDS-001');
const reason = 'The fixture cluster holds no data and is deleted after the test.';
const system = (suppressions: SystemSuppressions['suppressions']): SystemSuppressions[] => [{ system: 'shop', suppressions }];

describe('suppressions', () => {
  test('GIVEN a suppression by exact address WHEN checked THEN that finding is suppressed with its reason and the other is not', () => {
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, system([{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.db_one', reason }]));
    expect(report.findings.map((finding) => [finding.address, finding.suppression?.reason])).toEqual([
      ['aws_rds_cluster.db_one', reason],
      ['aws_rds_cluster.db_two', undefined],
    ]);
    expect(countFindings(report)).toMatchObject({ errors: 2, suppressed: 1, unsuppressedErrors: 1 });
  });

  test('GIVEN a pattern WHEN checked THEN it covers every matching address', () => {
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, system([{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.db_*', reason }]));
    expect(countFindings(report).unsuppressedErrors).toBe(0);
    expect(summaryLine(report)).toBe('Policy checks: 0 errors, 0 warnings (2 suppressed) over 1 stack');
  });

  test('GIVEN a suppression limited to dev WHEN prod is checked THEN it does not apply there, and it is reported unused', () => {
    const suppressions = system([{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.*', stacks: ['shop-dev'], reason }]);
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }, { name: 'shop-dev', json: unencrypted }], rule, suppressions);
    expect(report.findings.filter((finding) => finding.suppression !== undefined).map((finding) => finding.stack)).toEqual(['shop-dev', 'shop-dev']);
    const prodOnly = checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, suppressions);
    expect(prodOnly.unusedSuppressions).toEqual([]); // it names no checked stack, so it is not "unused" here
  });

  test('GIVEN another system s suppression WHEN its stacks are not checked THEN it neither applies nor counts as unused', () => {
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, [{ system: 'blog', suppressions: [{ ruleId: 'DS-RDS-001', resource: '*', reason }] }]);
    expect(countFindings(report).suppressed).toBe(0);
    expect(report.unusedSuppressions).toEqual([]);
  });

  test('GIVEN one suppression shared by two systems WHEN only one system has the finding THEN it is unused in the other', () => {
    const shared = { ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.*', reason };
    const clean = stack({ resource: { aws_rds_cluster: { db_one: { storage_encrypted: true } } } });
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }, { name: 'blog-prod', json: clean }], rule, [
      { system: 'shop', suppressions: [shared] },
      { system: 'blog', suppressions: [shared] },
    ]);
    expect(countFindings(report).unsuppressedErrors).toBe(0);
    expect(report.unusedSuppressions).toEqual([{ system: 'blog', suppression: shared }]);
  });

  test('GIVEN a suppression matching nothing WHEN its system is checked THEN the text report notes it', () => {
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, system([{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.gone', reason }]));
    expect(textReport(report)).toContain('note: the shop suppression of DS-RDS-001 on aws_rds_cluster.gone matched no finding');
  });

  test('GIVEN suppressed findings WHEN the text report is printed THEN each shows the reason under it', () => {
    const report = checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, system([{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.db_one', reason }]));
    expect(textReport(report).split('\n')).toEqual([
      'shop-prod error DS-RDS-001 aws_rds_cluster.db_two: storage_encrypted must be true, got false',
      '',
      'Suppressed (the system accepts these findings, for the reason given):',
      'shop-prod suppressed DS-RDS-001 aws_rds_cluster.db_one: storage_encrypted must be true, got false',
      `    reason: ${reason}`,
      'Policy checks: 1 error, 0 warnings (1 suppressed) over 1 stack',
      '',
    ]);
  });

  test.each([
    [{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.db_one', reason: '' }, 'policy suppression shop[0].reason (DS-RDS-001 on aws_rds_cluster.db_one) must be set to a non-empty string, got ""'],
    [{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.db_one', reason: '   ' }, 'policy suppression shop[0].reason (DS-RDS-001 on aws_rds_cluster.db_one) must be set to a non-empty string, got "   "'],
    [{ ruleId: 'DS-RDS-999', resource: 'aws_rds_cluster.db_one', reason }, 'policy suppression shop[0].ruleId must be one of "DS-RDS-001", got "DS-RDS-999"'],
    [{ ruleId: 'DS-RDS-001', resource: '', reason }, 'policy suppression shop[0].resource must be set to a non-empty string, got ""'],
    [{ ruleId: 'DS-RDS-001', resource: '*', stacks: ['blog-prod'], reason }, 'policy suppression shop[0].stacks must name stacks of shop (shop or shop-<environment>), got "blog-prod"'],
  ])('GIVEN the suppression %j WHEN the pack runs THEN it stops before checking with: %s', (suppression, message) => {
    const run = () => checkStacks([{ name: 'shop-prod', json: unencrypted }], rule, system([suppression]));
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(message);
  });
});
