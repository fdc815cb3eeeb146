// `npm run synth` runs the app through esbuild-transpiled, cached JavaScript and reuses cached bundles. The
// synthesized bytes must be exactly those of the app compiled by TypeScript's own transpiler (ts-node in
// transpile-only mode, a separate process) with every bundle built afresh: this test synthesizes both ways and
// compares every file, the migration archives included.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SYNTH_COMMAND = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.synth as string;

/** Every file under `root`, by relative path, with its bytes. */
function files(root: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.set(path.relative(root, full), fs.readFileSync(full));
    }
  };
  walk(root);
  return found;
}

/** The paths whose bytes differ between two trees, or that only one holds. */
function differences(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  return [...new Set([...expected.keys(), ...actual.keys()])].filter((file) => !(expected.get(file)?.equals(actual.get(file) ?? Buffer.alloc(0)) ?? false)).sort();
}

describe('the output of npm run synth', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-synth-command-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** Synthesizes every system in a process whose TypeScript is compiled by TypeScript, with empty bundle caches. */
  function typescriptCompiledSynthesis(outdir: string) {
    const script = `require('./stacks/synthesis/synthesize-systems').synthesizeSystems(require('./stacks/systems').SYSTEMS, ${JSON.stringify(outdir)})`;
    return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, DATASTACK_BUNDLE_CACHE_DIRECTORY: path.join(scratch, 'reference-bundles') },
      encoding: 'utf8',
      timeout: 170_000,
    });
  }

  /** Runs `npm run synth`'s command (as npm does: sh, node_modules/.bin first) with its caches in `caches`. */
  function synthCommand(outdir: string, caches: string) {
    return spawnSync('/bin/sh', ['-c', SYNTH_COMMAND], {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        CDKTF_OUTDIR: outdir,
        DATASTACK_TYPESCRIPT_CACHE_DIRECTORY: path.join(caches, 'typescript'),
        DATASTACK_BUNDLE_CACHE_DIRECTORY: path.join(caches, 'bundles'),
      },
      encoding: 'utf8',
      timeout: 170_000,
    });
  }

  test(
    'GIVEN every system WHEN synthesized by npm run synth (cold caches, then warm) and by the TypeScript-compiled app with fresh bundles THEN every file is byte-identical',
    () => {
      const reference = path.join(scratch, 'reference');
      const compiled = typescriptCompiledSynthesis(reference);
      expect({ status: compiled.status, stderr: compiled.stderr.replace(/^Warning: .*\n/gm, '') }).toEqual({ status: 0, stderr: '' });
      expect(fs.readdirSync(path.join(scratch, 'reference-bundles')).length).toBeGreaterThan(0);

      const caches = path.join(scratch, 'caches');
      const cold = synthCommand(path.join(scratch, 'cold'), caches);
      const warm = synthCommand(path.join(scratch, 'warm'), caches);

      expect({ status: cold.status, stderr: cold.stderr.replace(/^Warning: .*\n/gm, '') }).toEqual({ status: 0, stderr: '' });
      expect(warm.status).toBe(0);
      expect(fs.readdirSync(path.join(caches, 'typescript')).length).toBeGreaterThan(0);
      expect(fs.readdirSync(path.join(caches, 'bundles')).length).toBeGreaterThan(0);
      const expected = files(reference);
      expect([...expected.keys()].some((file) => file.endsWith('migrations.zip'))).toBe(true);
      expect(differences(expected, files(path.join(scratch, 'cold')))).toEqual([]);
      expect(differences(expected, files(path.join(scratch, 'warm')))).toEqual([]);
    },
    180_000,
  );
});
