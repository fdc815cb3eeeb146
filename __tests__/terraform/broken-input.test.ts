// Bad input fails with Terraform's own message: through `npm run validate` (one line per stack, exit 1)
// and, for a sensitive value in a plain output, through plan.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OfflineTerraform } from '../../tools/offline-provider/terraform/offline-terraform';
import { planStack } from '../../tools/offline-provider/terraform/plan-stack';
import { BROKEN_STACKS, SENSITIVE_OUTPUT_STACK, VALID_STACK, fixtureOutdir } from './broken-fixtures';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');

function runValidate(outdir: string, stacks: string[] = []): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', path.join(ROOT, 'tools', 'run', 'typescript-require-hook.js'), path.join(ROOT, 'tools/offline-provider/validate-cli.ts'), ...stacks],
      { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** stderr of `npm run validate` holds `\n<stack>:\n<terraform output>` for each invalid stack. */
function outputOf(stderr: string, stack: string): string {
  const start = stderr.indexOf(`\n${stack}:\n`);
  if (start < 0) return '';
  const next = stderr.slice(start + 1).search(/\n[a-z-]+:\n/);
  return next < 0 ? stderr.slice(start) : stderr.slice(start, start + 1 + next);
}

describe('npm run validate on broken stacks', () => {
  const outdir = fixtureOutdir({ ...Object.fromEntries(Object.entries(BROKEN_STACKS).map(([name, [json]]) => [name, json])), valid: VALID_STACK });
  let result: { exitCode: number; stdout: string; stderr: string };

  beforeAll(async () => {
    result = await runValidate(outdir);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN broken stacks and a valid one WHEN validated THEN the exit code is 1 and each stack has one line', () => {
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((line) => line.replace(/ \(\d+\.\d s\)$/, '')).sort()).toEqual(
      [...Object.keys(BROKEN_STACKS).map((name) => `INVALID ${name}`), 'valid   valid'].sort(),
    );
  });

  test.each(Object.entries(BROKEN_STACKS).map(([name, [, message]]) => [name, message]))('GIVEN the %s stack WHEN validated THEN Terraform says: %s', (name, message) => {
    expect(outputOf(result.stderr, name).replace(/\s+/g, ' ')).toContain(message.replace(/\s+/g, ' '));
  });

  test('GIVEN a stack name that was not synthesized WHEN validated THEN it exits 2 naming the stacks there are', async () => {
    const unknown = await runValidate(outdir, ['no-such-stack']);
    expect({ exitCode: unknown.exitCode, stderr: unknown.stderr.trim() }).toEqual({
      exitCode: 2,
      stderr: expect.stringContaining(`unknown stack no-such-stack: ${outdir} holds `),
    });
  });
});

describe('plan with a sensitive value in a plain output', () => {
  const outdir = fixtureOutdir({ 'sensitive-output': SENSITIVE_OUTPUT_STACK });
  const terraform = new OfflineTerraform();
  afterAll(() => {
    terraform.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('GIVEN an output showing aws_rds_cluster.master_password WHEN planned THEN Terraform refuses: Output refers to sensitive values', async () => {
    const plan = await planStack(terraform, { name: 'sensitive-output', directory: path.join(outdir, 'stacks', 'sensitive-output') });
    expect(plan.succeeded).toBe(false);
    expect(plan.output).toContain('Output refers to sensitive values');
  });
});
