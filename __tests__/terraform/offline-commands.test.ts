// `npm run validate` and `npm run plan:offline` as a user runs them, on output they synthesize themselves.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');

function runTool(script: string, args: string[], outdir: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', path.join(ROOT, 'tools', 'run', 'typescript-require-hook.js'), path.join(ROOT, 'tools/offline-provider', script), ...args],
      { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, maxBuffer: 16 * 1024 * 1024, timeout: 110_000 },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run validate and npm run plan:offline', () => {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-commands-')), 'cdktf.out');
  afterAll(() => fs.rmSync(path.dirname(outdir), { recursive: true, force: true }));

  test('GIVEN no synthesized output WHEN validate runs for one stack THEN it synthesizes, then prints one valid line for that stack only', async () => {
    const result = await runTool('validate-cli.ts', ['state-backend'], outdir);
    expect(result.exitCode).toBe(0);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`No synthesized output in ${outdir}: synthesizing every system first.`);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^valid {3}state-backend \(\d+\.\d s\)$/)]);
  });

  test('GIVEN a synthesized stack WHEN plan:offline runs THEN it prints the plan summary and one line per planned resource address', async () => {
    const result = await runTool('plan-cli.ts', ['state-backend'], outdir);
    expect(result.exitCode).toBe(0);
    const [summary, ...changes] = result.stdout.trim().split('\n');
    const toAdd = Number(/^state-backend: Plan: (\d+) to add, 0 to change, 0 to destroy\.$/.exec(summary)?.[1]);
    expect(changes.filter((line) => line.startsWith('  create ')).length).toBe(toAdd);
    expect(changes).toContainEqual(expect.stringMatching(/^ {2}create aws_s3_bucket\.StateBucket_[0-9A-F]+$/));
  });

  test('GIVEN no stack name WHEN plan:offline runs THEN it exits 2 with its usage', async () => {
    const result = await runTool('plan-cli.ts', [], outdir);
    expect({ exitCode: result.exitCode, stderr: result.stderr.trim() }).toEqual({ exitCode: 2, stderr: 'usage: npm run plan:offline -- <stack>' });
  });
});
