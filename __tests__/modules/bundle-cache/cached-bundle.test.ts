import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BundleOptions, cachedBundle } from '../../../modules/bundle-cache';

const temporaryDirectories: string[] = [];
function temporaryDirectory(prefix: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryDirectories.push(directory);
  return directory;
}
afterAll(() => temporaryDirectories.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

/** A two-file program to bundle, and a cache directory of its own. */
function fixture() {
  const source = temporaryDirectory('datastack-bundle-source-');
  fs.writeFileSync(path.join(source, 'entry.ts'), "import { greeting } from './greeting';\nexport const message: string = greeting('cache');\n");
  fs.writeFileSync(path.join(source, 'greeting.ts'), 'export const greeting = (name: string) => `hello ${name}`;\n');
  const options: BundleOptions = { entryPoint: path.join(source, 'entry.ts'), absWorkingDir: source, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' };
  const { entryPoint, ...buildOptions } = options;
  const fresh = () => buildSync({ ...buildOptions, entryPoints: [entryPoint], write: false }).outputFiles[0].text;
  return { source, options, cache: temporaryDirectory('datastack-bundle-cache-'), fresh };
}

const cachedOutputs = (cache: string) => fs.readdirSync(cache).filter((file) => file.endsWith('.js'));

describe('cachedBundle', () => {
  test('GIVEN a program WHEN bundled through the cache, cold and then warm THEN both are byte for byte a fresh esbuild build', () => {
    const { options, cache, fresh } = fixture();
    const cold = cachedBundle(options, cache);
    const warm = cachedBundle(options, cache);
    expect(cold).toBe(fresh());
    expect(warm).toBe(fresh());
    expect(cold).toContain('hello ${name}');
  });

  test('GIVEN a cached bundle WHEN a file it imports changes THEN the bundle is rebuilt with the change', () => {
    const { source, options, cache, fresh } = fixture();
    cachedBundle(options, cache);
    fs.writeFileSync(path.join(source, 'greeting.ts'), 'export const greeting = (name: string) => `goodbye ${name}`;\n');

    const rebuilt = cachedBundle(options, cache);

    expect(rebuilt).toContain('goodbye ${name}');
    expect(rebuilt).toBe(fresh());
  });

  test('GIVEN a cached output damaged on disk WHEN bundled again THEN the damage is not returned', () => {
    const { options, cache, fresh } = fixture();
    cachedBundle(options, cache);
    const [output] = cachedOutputs(cache);
    fs.writeFileSync(path.join(cache, output), 'module.exports = "tampered";');

    expect(cachedBundle(options, cache)).toBe(fresh());
  });

  test('GIVEN an unchanged program WHEN bundled twice THEN the second call reads the cache instead of writing it again', () => {
    const { options, cache } = fixture();
    cachedBundle(options, cache);
    const [output] = cachedOutputs(cache);
    fs.utimesSync(path.join(cache, output), new Date(2001, 0, 1), new Date(2001, 0, 1));

    cachedBundle(options, cache);

    expect(fs.statSync(path.join(cache, output)).mtime.getFullYear()).toBe(2001);
  });
});
