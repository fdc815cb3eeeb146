// Runs the project's TypeScript directly: `node -r ./tools/run/typescript-require-hook.js main.ts`. Each .ts
// file is transpiled by esbuild when first required (no type check here: `npm run typecheck`, `npm test` and
// the type-check gate do that), and the JavaScript is kept under node_modules/.cache by the source's content,
// so a repeated run only hashes and reads files. It replaces ts-node, whose TypeScript compiler took about
// half of every synthesis (docs/performance.md). tsconfig.json's isolatedModules makes per-file
// transpilation exact.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { transpileTypeScript, transpilerIdentity } = require('./transpile-typescript');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIRECTORY = process.env.DATASTACK_TYPESCRIPT_CACHE_DIRECTORY || path.join(ROOT, 'node_modules', '.cache', 'datastack-typescript');
/** Bump when the options in transpile-typescript.js change. */
const FORMAT = 2;

/** The JavaScript for `filename`, from the cache when the source, the options and esbuild are unchanged. */
function javascriptFor(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(`${FORMAT}\0${transpilerIdentity()}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(CACHE_DIRECTORY, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not cached yet: transpile and keep it.
  }
  const { code } = transpileTypeScript(source, filename, 'inline');
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
