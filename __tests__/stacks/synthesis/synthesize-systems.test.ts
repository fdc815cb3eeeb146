import { spawnSync } from 'child_process';
import { Annotations, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SYSTEMS } from '../../../stacks/systems';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';
import { directorySnapshot } from '../../fixtures/directory-snapshot';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Absolute paths that name places on AWS, not on the build machine: AWS services' CloudWatch log groups and the Lambda runtime's CA bundle. */
const AWS_SIDE_PATHS = [/^\/aws\/(lambda|rds|elasticache|vpc)\//, /^\/var\/runtime\//];

/** Every string in a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
  return [];
}

describe('synthesizing every system', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-synth-'));
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN the shipped configuration WHEN synthesized THEN the stacks of every system are written with their manifest', () => {
    const { stacks } = synthesizeSystems(SYSTEMS, outdir);
    expect(stacks).toEqual(['content-hub-dev', 'content-hub-prod', 'content-hub-staging', 'gaming-platform-dev', 'gaming-platform-prod', 'gaming-platform-staging', 'shop-pulse-dev', 'shop-pulse-prod', 'skillancer-dev', 'skillancer-prod', 'skillancer-staging', 'state-backend', 'trivia-nft-prod', 'trivia-nft-staging']);
    for (const stack of stacks) {
      expect(fs.existsSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'))).toBe(true);
    }
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).stacks).sort()).toEqual(stacks);
    expect(fs.readdirSync(path.dirname(outdir)).filter((name) => name.startsWith(`.${path.basename(outdir)}.staging`))).toEqual([]);
  });

  test('GIVEN a module that warns WHEN synthesized THEN the warning is returned with its construct path', () => {
    const warning = {
      name: 'warning-system',
      validationRules: () => [],
      addStacks: (app: any) => Annotations.of(new TerraformStack(app, 'warning-stack')).addWarning('one node is not fault-tolerant'),
    };
    expect(synthesizeSystems([warning], outdir).warnings).toEqual(['warning-stack: one node is not fault-tolerant']);
  });

  test('GIVEN the synthesized output WHEN every string is read THEN none is an absolute path of the build machine', () => {
    synthesizeSystems(SYSTEMS, outdir);
    const files = Object.keys(directorySnapshot(outdir)).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = fs.readFileSync(path.join(outdir, file), 'utf8');
      expect(text).not.toContain(ROOT);
      expect(text).not.toContain(outdir);
      expect(text).not.toContain(os.tmpdir());
      // "//" is cdktf's metadata key, not a path.
      const absolute = strings(JSON.parse(text)).filter(
        (value) => value !== '//' && path.isAbsolute(value) && !AWS_SIDE_PATHS.some((awsSide) => awsSide.test(value)),
      );
      expect({ file, absolute }).toEqual({ file, absolute: [] });
    }
  });

  test('GIVEN a stack directory Terraform already initialized WHEN synthesized again THEN its .terraform and local files stay and the JSON is replaced', () => {
    const stackDir = path.join(outdir, 'stacks', 'gaming-platform-dev');
    fs.mkdirSync(path.join(stackDir, '.terraform'), { recursive: true });
    fs.writeFileSync(path.join(stackDir, '.terraform', 'terraform.tfstate'), 'backend settings');
    fs.writeFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'locks');
    fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), '{"stale":true}');
    synthesizeSystems(SYSTEMS, outdir);
    expect(fs.readFileSync(path.join(stackDir, '.terraform', 'terraform.tfstate'), 'utf8')).toBe('backend settings');
    expect(fs.readFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe('locks');
    expect(JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')).terraform.backend.s3.key).toBe('gaming-platform/dev/terraform.tfstate');
  });

  test('GIVEN a bad configuration WHEN the app runs as a process THEN it exits non-zero, names the setting and writes nothing', () => {
    fs.mkdirSync(path.join(outdir, 'stacks'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'manifest.json'), '{"previous":"manifest"}');
    const before = directorySnapshot(outdir);
    const result = spawnSync(process.execPath, ['-r', path.join(ROOT, 'tools', 'run', 'typescript-require-hook.js'), path.join(ROOT, '__tests__/fixtures/bad-configuration-app.ts')], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('gaming-platform.environments.prod.secondaryRegion must differ from primaryRegion (eu-west-2), got "eu-west-2"');
    expect(result.stderr).toContain(`Nothing was written to ${outdir}.`);
    expect(directorySnapshot(outdir)).toEqual(before);
  });
});
