// One TypeScript file to CommonJS JavaScript with esbuild, the project's way: shared by the require hook that
// runs the commands (typescript-require-hook.js) and by jest (jest-typescript-transform.js), so the code the
// tests run is transpiled exactly as the code the commands run. No type check here: `npm run typecheck`,
// `npm test` and the type-check gate do that. tsconfig.json's isolatedModules makes per-file transpilation
// exact.
const fs = require('fs');
const path = require('path');

const TSCONFIG = fs.readFileSync(path.join(__dirname, '..', '..', 'tsconfig.json'), 'utf8');

let esbuild;
let identity;

/**
 * `sourcemap` is 'inline' for the require hook (used when node runs with --enable-source-maps) and
 * 'external' for jest, which maps stack traces itself from the returned map.
 */
function transpileTypeScript(source, filename, sourcemap) {
  esbuild ??= require('esbuild');
  const result = esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    // import() becomes require(), as TypeScript compiles it for CommonJS (tsconfig's module).
    supported: { 'dynamic-import': false },
    sourcemap,
    sourcesContent: false,
    tsconfigRaw: TSCONFIG,
  });
  return { code: result.code, map: result.map || undefined };
}

/** What the transpiled output depends on besides the source: part of every cache key. */
function transpilerIdentity() {
  return (identity ??= `${require('esbuild/package.json').version}\0${TSCONFIG}`);
}

module.exports = { transpileTypeScript, transpilerIdentity };
