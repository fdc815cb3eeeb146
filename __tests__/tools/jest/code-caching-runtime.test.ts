// jest's runtime with V8's code cache per worker (tools/jest-runtime.js): a module loaded again by a later test
// file compiles from the cache, and a module whose code changed in between is compiled afresh, never run from
// the old cache (V8 itself would take a cache made for any source of the same length); a module that calls
// `import()` is left to jest, whose scripts keep the callback that import needs.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the code-caching jest runtime', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-code-cache-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('GIVEN two test files in one worker WHEN both load a module THEN the second compiles it from the cache; WHEN its code changed in between THEN the new code runs; a module calling import() works in both', () => {
    const write = (name: string, content: string) => fs.writeFileSync(path.join(scratch, name), content);
    write('shared.js', "module.exports = () => 'shared';\n");
    write('changing.js', "module.exports = () => 'first';\n");
    write('importing.js', "module.exports = () => import('path').then((imported) => imported.sep);\n");
    // Runs first (the sequencer below orders by name): loads both modules, then rewrites one with code of the
    // same length.
    write(
      'a.test.js',
      [
        "const fs = require('fs');",
        "test('first file', async () => {",
        "  expect(require('./shared')()).toBe('shared');",
        "  expect(await require('./importing')()).toBe('/');",
        "  expect(require('./changing')()).toBe('first');",
        "  fs.writeFileSync(require.resolve('./changing'), \"module.exports = () => 'other';\\n\");",
        '});',
        '',
      ].join('\n'),
    );
    write(
      'b.test.js',
      "test('second file', async () => {\n  expect(require('./shared')()).toBe('shared');\n  expect(require('./changing')()).toBe('other');\n  expect(await require('./importing')()).toBe('/');\n});\n",
    );
    const sequencer = JSON.stringify(require.resolve('@jest/test-sequencer'));
    write('by-name.js', `module.exports = class extends require(${sequencer}).default { sort(tests) { return [...tests].sort((a, b) => a.path.localeCompare(b.path)); } };\n`);
    const config = {
      rootDir: scratch,
      testEnvironment: 'node',
      transform: {},
      runtime: path.join(ROOT, 'tools', 'jest-runtime.js'),
      testSequencer: path.join(scratch, 'by-name.js'),
      cacheDirectory: path.join(scratch, 'jest-cache'),
    };
    const log = path.join(scratch, 'code-cache.log');

    const run = spawnSync(process.execPath, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', '--ci', '--config', JSON.stringify(config)], {
      cwd: scratch,
      env: { ...process.env, DATASTACK_JEST_CODE_CACHE_LOG: log },
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect({ status: run.status, output: run.stderr }).toEqual({ status: 0, output: expect.stringMatching(/Tests:\s+2 passed, 2 total/) });
    const loads = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => /(shared|changing|importing)\.js$/.test(line))
      .map((line) => line.replace(scratch + path.sep, ''));
    expect(loads).toEqual([
      'compiled shared.js',
      'left to jest importing.js',
      'compiled changing.js',
      'cached shared.js',
      'compiled changing.js',
      'left to jest importing.js',
    ]);
  });
});
