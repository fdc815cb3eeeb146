// Each rule against its fixtures: the compliant stack gives no finding, the noncompliant one exactly
// one finding of that rule, at the expected address.
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../tools/policy-pack/rules';
import { StackDocument } from '../../../tools/policy-pack/terraform/stack-document';
import { RULE_CASES } from './fixtures';
import { DEV } from './fixtures/terraform-fixture';

const ruleById = (id: string) => {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
};

const cases = RULE_CASES.map((ruleCase) => [ruleCase.ruleId, ruleCase.defect, ruleCase] as const);

describe('every rule against its fixtures', () => {
  test.each(cases)('GIVEN the compliant fixture for %s (vs %s) WHEN the rule runs THEN it finds nothing', (ruleId, _defect, ruleCase) => {
    const findings = ruleById(ruleId).check(new StackDocument(ruleCase.stack ?? DEV, ruleCase.compliant));
    expect(findings).toEqual([]);
  });

  test.each(cases)('GIVEN %s and a fixture with %s WHEN the rule runs THEN it reports exactly that resource', (ruleId, _defect, ruleCase) => {
    const findings = ruleById(ruleId).check(new StackDocument(ruleCase.stack ?? DEV, ruleCase.noncompliant));
    expect(findings.map((finding) => finding.address)).toEqual([ruleCase.address]);
    expect(findings[0].message.length).toBeGreaterThan(10);
  });

  test.each(RULES.map((rule) => [rule.id]))('GIVEN rule %s WHEN the fixtures are listed THEN it has a compliant and a noncompliant one', (id) => {
    expect(RULE_CASES.some((ruleCase) => ruleCase.ruleId === id)).toBe(true);
  });
});

describe('the rule registry', () => {
  const folder = path.resolve(__dirname, '..', '..', '..', 'tools', 'policy-pack', 'rules');
  const files = fs.readdirSync(folder).filter((file) => file.startsWith('ds-') && file.endsWith('.ts'));

  test('GIVEN the rules folder WHEN compared with RULES THEN every file is registered once, in id order, its name starting with its id', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(files.map((file) => file.split('-').slice(0, 3).join('-').toUpperCase()));
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  test('GIVEN the pack WHEN counted THEN it covers at least 40 controls', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(RULES.map((rule) => [rule.id, rule] as const))('GIVEN rule %s WHEN its metadata is read THEN it is complete and its controls are well-formed ids', (_id, rule) => {
    expect(rule.id).toMatch(/^DS-[A-Z0-9]+-\d{3}$/);
    expect(['error', 'warning']).toContain(rule.severity);
    expect(rule.resourceTypes.length).toBeGreaterThan(0);
    expect(rule.rationale).not.toMatch(/\n/);
    expect(rule.rationale.length).toBeGreaterThan(30);
    for (const control of rule.controls) expect(control).toMatch(/^([A-Za-z0-9]+\.\d+|AwsSolutions-[A-Z0-9]+|CKV2?_AWS_\d+)$/);
  });
});
