// The SARIF output checked by an independent validator: Microsoft's SARIF Multitool (npm
// @microsoft/sarif-multitool, a self-contained binary) validates it against the SARIF 2.1.0 schema and
// its own rules, offline.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Log } from 'sarif';
import { checkStacks } from '../../../tools/policy-pack/check-stacks';
import { sarifLog } from '../../../tools/policy-pack/report/sarif-report';
import { RULES } from '../../../tools/policy-pack/rules';
import { readStack } from '../../../tools/policy-pack/synthesized-stacks';
import { ref, stack } from './fixtures/terraform-fixture';

// The multitool's package exports the path of the platform binary.
const MULTITOOL = require('@microsoft/sarif-multitool') as string;

// Validator warnings accepted, with why: DataStack has no public web page to give as informationUri.
const ACCEPTED_WARNINGS = ['SARIF2005'];

interface ValidatorFinding {
  readonly ruleId: string;
  readonly level: string;
  readonly text: string;
}

/** Runs `sarif-multitool validate` on `log`; its findings as rule, level and text. */
function validate(log: unknown, directory: string): ValidatorFinding[] {
  const input = path.join(directory, 'input.sarif');
  const output = path.join(directory, 'validation.sarif');
  fs.writeFileSync(input, JSON.stringify(log, null, 2));
  const run = spawnSync(MULTITOOL, ['validate', input, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status).toBe(0);
  const validation = JSON.parse(fs.readFileSync(output, 'utf8')) as Log;
  return (validation.runs[0].results ?? []).map((result) => ({
    ruleId: String(result.ruleId),
    level: result.level ?? 'warning',
    text: (result.message.arguments ?? []).join(' '),
  }));
}

describe('SARIF 2.1.0 output', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-sarif-'));
  const stackDirectory = path.join(directory, 'cdktf.out', 'stacks', 'shop-prod');
  fs.mkdirSync(stackDirectory, { recursive: true });
  const json = stack({
    resource: {
      aws_rds_cluster: { db: { storage_encrypted: false, deletion_protection: true, kms_key_id: ref('aws_kms_key.key', 'arn') } },
      aws_kms_key: { key: { enable_key_rotation: true } },
    },
  });
  fs.writeFileSync(path.join(stackDirectory, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  const report = checkStacks([readStack('shop-prod', stackDirectory)], RULES, [
    { system: 'shop', suppressions: [{ ruleId: 'DS-KMS-002', resource: 'aws_kms_key.key', reason: 'The fixture key never leaves the test.' }] },
  ]);
  const log = sarifLog(report, directory, '1.2.3');
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('GIVEN a report with open and suppressed findings WHEN the SARIF Multitool validates it THEN it reports no error and only accepted warnings', () => {
    const findings = validate(log, directory);
    expect(findings.filter((finding) => finding.level === 'error')).toEqual([]);
    expect(findings.filter((finding) => !ACCEPTED_WARNINGS.includes(finding.ruleId))).toEqual([]);
  });

  test('GIVEN a result without its message WHEN the validator checks it THEN it reports a schema error (the validator is really checking)', () => {
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0].results[0].message;
    expect(validate(broken, directory)).toContainEqual(expect.objectContaining({ ruleId: 'JSON1002', level: 'error' }));
  });

  test('GIVEN the report WHEN written as SARIF THEN every rule is described and every finding is a result at its resource line', () => {
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(run.results).toHaveLength(report.findings.length);
    const encryption = run.results?.find((result) => result.ruleId === 'DS-RDS-001');
    const lines = fs.readFileSync(path.join(stackDirectory, 'cdk.tf.json'), 'utf8').split('\n');
    expect(encryption).toMatchObject({
      level: 'error',
      ruleIndex: RULES.findIndex((rule) => rule.id === 'DS-RDS-001'),
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'cdktf.out/stacks/shop-prod/cdk.tf.json' }, region: { startLine: lines.findIndex((line) => line.includes('"db": {')) + 1 } },
          logicalLocations: [{ fullyQualifiedName: 'shop-prod/aws_rds_cluster.db', kind: 'resource' }],
        },
      ],
    });
    expect(encryption?.suppressions).toBeUndefined();
  });

  test('GIVEN a suppressed finding WHEN written as SARIF THEN its result carries the reason as an accepted external suppression', () => {
    const suppressed = log.runs[0].results?.find((result) => result.ruleId === 'DS-KMS-002');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'The fixture key never leaves the test.' }]);
  });
});
