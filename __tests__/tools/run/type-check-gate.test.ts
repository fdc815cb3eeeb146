// `npm run synth` and cdktf.json's app run TypeScript without ts-node's type check; the gate preloaded before
// them still stops a run whose program has a type error, before anything is synthesized.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface TypeCheckResult {
  readonly checked: boolean;
  readonly errors: string;
}
const { typeCheck } = require('../../../tools/run/type-check-gate') as {
  typeCheck(options: { entry: string; tsconfig: string; cacheDirectory?: string }): TypeCheckResult;
};

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');
const VALID_ENVIRONMENT = "export const environment: { readonly masterUsername: string } = { masterUsername: 'gameadmin' };\n";
const BROKEN_ENVIRONMENT = "export const environment: { readonly masterUsername: string } = { masterUsername: 42 };\n";

const temporaryDirectories: string[] = [];
afterAll(() => temporaryDirectories.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

/** An app (entry.ts) that imports an environment file and writes a marker file when it runs. */
function app(environment: string) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-type-check-'));
  temporaryDirectories.push(directory);
  const entry = path.join(directory, 'entry.ts');
  fs.writeFileSync(path.join(directory, 'environment.ts'), environment);
  fs.writeFileSync(entry, "import * as fs from 'fs';\nimport { environment } from './environment';\nfs.writeFileSync(process.env.MARKER as string, environment.masterUsername);\n");
  return { directory, entry, cache: path.join(directory, 'cache'), marker: path.join(directory, 'ran') };
}

describe('the type-check gate', () => {
  test('GIVEN an environment file with a type error WHEN checked THEN TypeScript names the file and the mismatch', () => {
    const { entry, cache } = app(BROKEN_ENVIRONMENT);
    const result = typeCheck({ entry, tsconfig: TSCONFIG, cacheDirectory: cache });
    expect(result.checked).toBe(true);
    expect(result.errors).toMatch(/environment\.ts\(1,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  test('GIVEN a clean program WHEN checked twice THEN the second check is skipped; WHEN the environment file then breaks THEN it is checked and fails', () => {
    const { directory, entry, cache } = app(VALID_ENVIRONMENT);
    expect(typeCheck({ entry, tsconfig: TSCONFIG, cacheDirectory: cache })).toEqual({ checked: true, errors: '' });
    expect(typeCheck({ entry, tsconfig: TSCONFIG, cacheDirectory: cache })).toEqual({ checked: false, errors: '' });

    fs.writeFileSync(path.join(directory, 'environment.ts'), BROKEN_ENVIRONMENT);
    const afterEdit = typeCheck({ entry, tsconfig: TSCONFIG, cacheDirectory: cache });

    expect(afterEdit.checked).toBe(true);
    expect(afterEdit.errors).toContain("Type 'number' is not assignable to type 'string'");
  });

  test.each([
    ['a type error', 1, false, BROKEN_ENVIRONMENT],
    ['no type error', 0, true, VALID_ENVIRONMENT],
  ])('GIVEN an app with %s WHEN run the way npm run synth runs main.ts THEN it exits %d and the app ran: %s', (_, status, ran, environment) => {
    const { entry, marker } = app(environment);
    const result = spawnSync(process.execPath, ['-r', path.join(ROOT, 'tools/run/type-check-gate.js'), '-r', path.join(ROOT, 'tools/run/typescript-require-hook.js'), entry], {
      cwd: ROOT,
      env: { ...process.env, MARKER: marker },
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(result.status).toBe(status);
    expect(fs.existsSync(marker)).toBe(ran);
    if (!ran) expect(result.stderr).toContain('Type errors: nothing was synthesized');
  }, 180_000);
});
