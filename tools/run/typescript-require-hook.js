// Runs the project's TypeScript directly: `node -r ./tools/run/typescript-require-hook.js main.ts`. Each .ts
// file is transpiled by esbuild when first required (no type check here: `npm run typecheck`, `npm test` and
// the type-check gate do that), and the JavaScript is kept under node_modules/.cache by the source's content,
// so a repeated run only hashes and reads files. It replaces ts-node, whose TypeScript compiler took about
// half of every synthesis (docs/performance.md). tsconfig.json's isolatedModules makes per-file
// transpilation exact.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIRECTORY = process.env.DATASTACK_TYPESCRIPT_CACHE_DIRECTORY || path.join(ROOT, 'node_modules', '.cache', 'datastack-typescript');
const TSCONFIG = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
/** Bump when the options below change. */
const FORMAT = 2;

let esbuild;

function transpile(source, filename) {
  esbuild ??= require('esbuild');
  return esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    // import() becomes require(), as TypeScript compiles it for CommonJS (tsconfig's module).
    supported: { 'dynamic-import': false },
    // Used only when node runs with --enable-source-maps: traces then point at the .ts lines.
    sourcemap: 'inline',
    sourcesContent: false,
    tsconfigRaw: TSCONFIG,
  }).code;
}

/** The JavaScript for `filename`, from the cache when the source, the options and esbuild are unchanged. */
function javascriptFor(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const esbuildVersion = require('esbuild/package.json').version;
  const key = crypto.createHash('sha256').update(`${FORMAT}\0${esbuildVersion}\0${TSCONFIG}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(CACHE_DIRECTORY, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not cached yet: transpile and keep it.
  }
  const code = transpile(source, filename);
  try {
    fs.mkdirSync(CACHE_DIRECTORY, { recursive: true });
    // Through a temporary file and a rename: a parallel run never reads half a file.
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, cached);
  } catch {
    // A read-only node_modules only costs the cache.
  }
  return code;
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(javascriptFor(filename), filename);
};
