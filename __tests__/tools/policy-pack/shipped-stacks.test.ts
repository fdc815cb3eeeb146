// The policy pack over every stack the app synthesizes today (SYSTEMS, no list kept by hand): no error,
// and every warning either fixed or suppressed with a reason.
import * as fs from 'fs';
import { SYSTEMS } from '../../../stacks/systems';
import { checkStacks, countFindings, PolicyReport, summaryLine } from '../../../tools/policy-pack/check-stacks';
import { RULES } from '../../../tools/policy-pack/rules';
import { SYSTEM_SUPPRESSIONS } from '../../../tools/policy-pack/suppressions';
import { readStack } from '../../../tools/policy-pack/synthesized-stacks';
import { policyChecksSummary } from '../../../tools/policy-pack/synth-hook';
import { synthesizeEveryStack } from '../../terraform/offline-fixture';

describe('the policy pack on the shipped stacks', () => {
  let outdir: string;
  let report: PolicyReport;
  beforeAll(() => {
    const synthesized = synthesizeEveryStack();
    outdir = synthesized.outdir;
    report = checkStacks(
      synthesized.stacks.map((stack) => readStack(stack.name, stack.directory)),
      RULES,
      SYSTEM_SUPPRESSIONS,
    );
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN every synthesized stack WHEN checked THEN no finding of severity error is left unsuppressed', () => {
    const open = report.findings.filter((finding) => finding.severity === 'error' && finding.suppression === undefined);
    expect(open).toEqual([]);
  });

  test('GIVEN every synthesized stack WHEN checked THEN every warning is suppressed with a reason (none is left open)', () => {
    const open = report.findings.filter((finding) => finding.severity === 'warning' && finding.suppression === undefined);
    expect(open).toEqual([]);
  });

  test('GIVEN the systems suppressions WHEN the shipped stacks are checked THEN each one still matches a finding', () => {
    expect(report.unusedSuppressions).toEqual([]);
  });

  test('GIVEN the suppression registry WHEN compared with SYSTEMS THEN it has one entry per system the app builds, no more', () => {
    expect(SYSTEM_SUPPRESSIONS.map((entry) => entry.system).sort()).toEqual(SYSTEMS.map((system) => system.name).sort());
  });

  test('GIVEN the synthesized output WHEN synth prints its summary THEN it is the pack summary over every stack', () => {
    expect(policyChecksSummary(outdir)).toBe(summaryLine(report));
    expect(summaryLine(report)).toMatch(new RegExp(`^Policy checks: \\d+ errors?, \\d+ warnings? \\(${countFindings(report).suppressed} suppressed\\) over ${report.stacks.length} stacks$`));
  });
});
