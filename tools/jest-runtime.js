// jest's module runtime, with V8's code cache kept per worker process. jest loads every module afresh for each
// test file, and V8 compiled each again: the functions it passes to vm.Script for dynamic import make every
// script look new to V8's own compilation cache. Compiling cdktf, the provider classes and the project for
// every file was about a fifth of the CPU of the suites that build stacks. Now the first test file in a worker
// to load a module leaves V8's code cache for it (produced at the end of that file, so it holds every function
// that ran), and later files in the same worker compile from it. V8 checks the cache against the source and
// refuses one that does not match (then the script compiles as usual and leaves a new cache); V8 compares
// only the source's length, so a cache is offered only for the same code, by hash. Modules that call `import()`
// (PGlite does) are left to jest: in Node 20 a script compiled from a code cache loses its dynamic-import
// callback.
// DATASTACK_JEST_CODE_CACHE_LOG=<file> appends `compiled <module>`, `cached <module>` or `left to jest <module>`
// for every module loaded.
const { createHash } = require('crypto');
const fs = require('fs');
const vm = require('vm');
const Runtime = require('jest-runtime').default;

/** Per worker: module file → the hash of its wrapped code and V8's code cache for it. */
const codeCaches = new Map();

const hashOf = (code) => createHash('sha1').update(code).digest('hex');

const LOG_FILE = process.env.DATASTACK_JEST_CODE_CACHE_LOG;
const log = (how, filename) => LOG_FILE && fs.appendFileSync(LOG_FILE, `${how} ${filename}\n`);

/** Anything that may be an `import()` call; a false match only costs the cache. */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

class CodeCachingRuntime extends Runtime {
  /** Scripts compiled without a usable cache in this test file: their caches are produced at teardown. */
  #compiledWithoutCache = [];

  createScriptFromCode(scriptSource, filename) {
    if (DYNAMIC_IMPORT.test(scriptSource)) {
      log('left to jest', filename);
      return super.createScriptFromCode(scriptSource, filename);
    }
    const code = this.wrapCodeInModuleWrapper(scriptSource);
    const hash = hashOf(code);
    const cached = codeCaches.get(filename);
    const cachedData = cached?.hash === hash ? cached.data : undefined;
    const scriptFilename = this._resolver.isCoreModule(filename) ? `jest-nodejs-core-${filename}` : filename;
    let script;
    try {
      script = new vm.Script(code, {
        columnOffset: this._fileTransforms.get(filename)?.wrapperLength,
        displayErrors: true,
        filename: scriptFilename,
        cachedData,
      });
    } catch {
      // jest's own treatment of a syntax error in transformed code (a hint about transforms).
      return super.createScriptFromCode(scriptSource, filename);
    }
    const compiled = !cachedData || script.cachedDataRejected;
    if (compiled) this.#compiledWithoutCache.push({ filename, hash, script });
    log(compiled ? 'compiled' : 'cached', filename);
    return script;
  }

  teardown() {
    for (const { filename, hash, script } of this.#compiledWithoutCache) {
      codeCaches.set(filename, { hash, data: script.createCachedData() });
    }
    this.#compiledWithoutCache = [];
    super.teardown();
  }
}

module.exports = CodeCachingRuntime;
