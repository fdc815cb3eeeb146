// The summary line `npm run synth` prints is kept by the content of what it is computed from.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { policyChecksSummary, policySummaryCacheDirectory, summaryKey } from '../../../tools/policy-pack/synth-hook';

const ENCRYPTED = { resource: { aws_rds_cluster: { Db: { storage_encrypted: true } } } };
const UNENCRYPTED = { resource: { aws_rds_cluster: { Db: { storage_encrypted: false } } } };

describe('the cached policy summary of npm run synth', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-synth-hook-'));
  const previous = process.env.DATASTACK_POLICY_SUMMARY_CACHE_DIRECTORY;
  let outdir: string;
  let run = 0;
  beforeEach(() => {
    run += 1;
    process.env.DATASTACK_POLICY_SUMMARY_CACHE_DIRECTORY = path.join(scratch, `cache-${run}`);
    outdir = path.join(scratch, `out-${run}`);
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.DATASTACK_POLICY_SUMMARY_CACHE_DIRECTORY;
    else process.env.DATASTACK_POLICY_SUMMARY_CACHE_DIRECTORY = previous;
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** A synthesized output directory as cdktf writes it: the manifest and one cdk.tf.json per stack. */
  function writeOutput(stacks: Record<string, object>): void {
    const manifest: Record<string, { name: string; workingDirectory: string }> = {};
    for (const [name, json] of Object.entries(stacks)) {
      manifest[name] = { name, workingDirectory: `stacks/${name}` };
      fs.mkdirSync(path.join(outdir, 'stacks', name), { recursive: true });
      fs.writeFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    }
    fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ version: 'test', stacks: manifest }));
  }
  const cachedEntries = () => fs.readdirSync(policySummaryCacheDirectory()).filter((file) => file.endsWith('.txt'));

  test('GIVEN a synthesized output WHEN summarized THEN the line counts its findings and is kept under the key of its inputs', () => {
    writeOutput({ 'shop-prod': UNENCRYPTED });
    const line = policyChecksSummary(outdir);
    expect(line).toMatch(/^Policy checks: [1-9]\d* errors?, \d+ warnings? \(0 suppressed\) over 1 stack; \d+ not suppressed: run npm run check$/);
    expect(cachedEntries()).toHaveLength(1);
    expect(fs.readFileSync(path.join(policySummaryCacheDirectory(), cachedEntries()[0]), 'utf8')).toBe(line);
  });

  test('GIVEN a kept line for the same pack and JSON WHEN summarized again THEN the kept line is printed without running the checks', () => {
    writeOutput({ 'shop-prod': UNENCRYPTED });
    policyChecksSummary(outdir);
    // A line the pack cannot produce shows that the second answer came from the cache.
    fs.writeFileSync(path.join(policySummaryCacheDirectory(), cachedEntries()[0]), 'Policy checks: kept line');
    expect(policyChecksSummary(outdir)).toBe('Policy checks: kept line');
  });

  test.each([
    ['a stack\'s JSON changed', () => fs.writeFileSync(path.join(outdir, 'stacks', 'shop-prod', 'cdk.tf.json'), JSON.stringify(ENCRYPTED, null, 2))],
    ['a stack added', () => writeOutput({ 'shop-prod': UNENCRYPTED, 'shop-dev': UNENCRYPTED })],
    ['a stack renamed in the manifest', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
      manifest.stacks['shop-prod'].name = 'shop-dev';
      fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest));
    }],
  ])('GIVEN a kept line WHEN %s THEN the checks run again on what is there now', (_change, change) => {
    writeOutput({ 'shop-prod': UNENCRYPTED });
    const before = policyChecksSummary(outdir);
    fs.writeFileSync(path.join(policySummaryCacheDirectory(), cachedEntries()[0]), 'Policy checks: stale line');
    change();
    const after = policyChecksSummary(outdir);
    expect(after).not.toBe('Policy checks: stale line');
    expect(after).toMatch(/^Policy checks: \d+ errors?, \d+ warnings? \(0 suppressed\) over \d+ stacks?/);
    expect(cachedEntries()).toHaveLength(2);
    expect(before).toMatch(/over 1 stack;/);
  });

  test('GIVEN the same output WHEN the pack\'s code differs THEN the key differs (a rule or suppression edit runs the checks again)', () => {
    writeOutput({ 'shop-prod': UNENCRYPTED });
    expect(summaryKey('pack code', outdir)).toMatch(/^[0-9a-f]{64}$/);
    expect(summaryKey('pack code, one rule edited', outdir)).not.toBe(summaryKey('pack code', outdir));
  });

  test('GIVEN an output directory without a manifest WHEN summarized THEN it says the checks did not run, and keeps nothing', () => {
    fs.mkdirSync(outdir, { recursive: true });
    expect(policyChecksSummary(outdir)).toMatch(/^Policy checks: not run \(.*manifest\.json/);
    expect(fs.existsSync(policySummaryCacheDirectory()) ? cachedEntries() : []).toEqual([]);
  });
});
