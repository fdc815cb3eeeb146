// `npm run check` as a user runs it: exit codes, formats, unknown stacks, suppression reasons printed,
// and a suppression without a reason refused.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CheckEnvironment, runCheck } from '../../../tools/policy-pack/check-cli';
import { rulesMarkdown } from '../../../tools/policy-pack/report/rules-markdown';
import { RULES } from '../../../tools/policy-pack/rules';
import { SYSTEM_SUPPRESSIONS } from '../../../tools/policy-pack/suppressions';
import { stack } from './fixtures/terraform-fixture';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');

function runCli(args: string[], outdir: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', path.join(ROOT, 'tools', 'run', 'typescript-require-hook.js'), path.join(ROOT, 'tools/policy-pack/check-cli.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, maxBuffer: 64 * 1024 * 1024, timeout: 170_000 },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** An output directory holding one stack `shop-prod` whose cluster is not encrypted (no system suppresses it). */
function outdirWithAnError(directory: string): string {
  const outdir = path.join(directory, 'broken.out');
  fs.mkdirSync(path.join(outdir, 'stacks', 'shop-prod'), { recursive: true });
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ stacks: { 'shop-prod': { name: 'shop-prod', workingDirectory: 'stacks/shop-prod' } } }));
  const json = stack({ resource: { aws_rds_cluster: { db: { storage_encrypted: false } } } });
  fs.writeFileSync(path.join(outdir, 'stacks', 'shop-prod', 'cdk.tf.json'), JSON.stringify(json, null, 2));
  return outdir;
}

/** The environment the command gets from its process, with the systems' real suppressions. */
function environment(outdir: string): CheckEnvironment {
  return { outdir, suppressions: SYSTEM_SUPPRESSIONS, root: ROOT, stdout: () => undefined, stderr: () => undefined };
}

describe('npm run check', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-check-'));
  const outdir = path.join(directory, 'cdktf.out');
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('GIVEN no synthesized output WHEN check runs THEN it synthesizes first, prints each suppressed finding with its reason and exits 0', async () => {
    const result = await runCli([], outdir);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`No synthesized output in ${outdir}: synthesizing every system first.`);
    const lines = result.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^Policy checks: 0 errors, 0 warnings \(\d+ suppressed\) over 14 stacks$/);
    expect(result.stdout).toMatch(/^gaming-platform-dev suppressed DS-RDS-005 aws_rds_cluster\.Aurora_\w+: deletion_protection must be true, got false\n {4}reason: Dev turns deletion protection off on purpose/m);
  });

  test('GIVEN --format json WHEN check runs THEN it writes a JSON report with every finding and the counts', async () => {
    const written: string[] = [];
    const exitCode = await runCheck(['--format', 'json'], { ...environment(outdir), stdout: (text) => written.push(text) });
    expect(exitCode).toBe(0);
    const report = JSON.parse(written.join('')) as { summary: { stacks: string[]; unsuppressedErrors: number; suppressed: number }; findings: { suppression?: unknown }[] };
    expect(report.summary.stacks).toEqual(['content-hub-dev', 'content-hub-prod', 'content-hub-staging', 'gaming-platform-dev', 'gaming-platform-prod', 'gaming-platform-staging', 'shop-pulse-dev', 'shop-pulse-prod', 'skillancer-dev', 'skillancer-prod', 'skillancer-staging', 'state-backend', 'trivia-nft-prod', 'trivia-nft-staging']);
    expect(report.summary.unsuppressedErrors).toBe(0);
    expect(report.findings.length).toBe(report.summary.suppressed);
  });

  test('GIVEN --format sarif --output WHEN check runs for two stacks THEN the file is a SARIF 2.1.0 log of those stacks only', async () => {
    const file = path.join(directory, 'check.sarif');
    const result = await runCli(['gaming-platform-dev', 'state-backend', '--format', 'sarif', '--output', file], outdir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/over 2 stacks; sarif report written to /);
    const log = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const files = new Set(log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri));
    expect([...files].every((uri) => uri.endsWith('stacks/gaming-platform-dev/cdk.tf.json'))).toBe(true);
  });

  test('GIVEN an unsuppressed error WHEN check runs THEN it prints the finding line and exits 1', async () => {
    const result = await runCli([], outdirWithAnError(directory));
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')).toContain('shop-prod error DS-RDS-001 aws_rds_cluster.db: storage_encrypted must be true, got false');
  });

  test('GIVEN an unknown stack WHEN check runs THEN it exits 2 naming the stacks there are', async () => {
    const result = await runCli(['nope'], outdir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^unknown stack nope: .* holds content-hub-dev, content-hub-prod, content-hub-staging, gaming-platform-dev, gaming-platform-prod, gaming-platform-staging, shop-pulse-dev, shop-pulse-prod, skillancer-dev, skillancer-prod, skillancer-staging, state-backend, trivia-nft-prod, trivia-nft-staging$/m);
  });

  test.each([
    [['--format', 'xml'], '--format must be one of "text", "json", "sarif", got "xml"'],
    [['--format'], '--format needs a value'],
    [['--verbose'], 'unknown option --verbose'],
  ])('GIVEN the arguments %j WHEN check runs THEN it refuses with: %s', async (args, message) => {
    await expect(runCheck(args, environment(path.join(directory, 'absent')))).rejects.toThrow(message);
  });

  test('GIVEN --rules-markdown WHEN check runs THEN it prints the rule table and checks nothing', async () => {
    const written: string[] = [];
    const exitCode = await runCheck(['--rules-markdown'], { ...environment(path.join(directory, 'absent')), stdout: (text) => written.push(text) });
    expect(exitCode).toBe(0);
    expect(written.join('')).toBe(rulesMarkdown(RULES));
    expect(fs.existsSync(path.join(directory, 'absent'))).toBe(false);
  });

  test('GIVEN a system suppression without a reason WHEN check runs THEN it refuses, naming the suppression, before checking', async () => {
    const written: string[] = [];
    const run = runCheck([], {
      ...environment(outdirWithAnError(directory)),
      suppressions: [{ system: 'shop', suppressions: [{ ruleId: 'DS-RDS-001', resource: 'aws_rds_cluster.db', reason: '' }] }],
      stdout: (text) => written.push(text),
      stderr: (line) => written.push(line),
    });
    await expect(run).rejects.toThrow('policy suppression shop[0].reason (DS-RDS-001 on aws_rds_cluster.db) must be set to a non-empty string, got ""');
    expect(written).toEqual([]);
  });
});
