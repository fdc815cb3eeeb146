// Preloaded before the app (`node -r ./tools/run/type-check-gate.js -r ./tools/run/typescript-require-hook.js
// main.ts`): type errors in the program the app is built from (main.ts and everything it imports, environment
// files included) stop the run before anything is synthesized, with TypeScript's messages and exit code 1.
// The check is incremental and skipped when no file of that program changed since the last clean check
// (their contents are hashed, ~20 ms), so a repeated synthesis pays nothing and an edit pays one check.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_CACHE_DIRECTORY = path.join(ROOT, 'node_modules', '.cache', 'datastack-type-check');

const sha256 = (content) => crypto.createHash('sha256').update(content).digest('hex');

function fileHash(file) {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

function writeAtomically(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/**
 * Type-checks the program rooted at `entry` with the compiler options of `tsconfig`, unless every file of the
 * program passed last time and is unchanged. Returns `{ checked, errors }`: `checked` false when skipped,
 * `errors` TypeScript's formatted messages ('' when clean).
 */
function typeCheck({ entry, tsconfig, cacheDirectory = DEFAULT_CACHE_DIRECTORY }) {
  const key = sha256(`${path.resolve(entry)}\0${path.resolve(tsconfig)}`).slice(0, 32);
  const stampFile = path.join(cacheDirectory, `${key}.passed.json`);
  const typescriptVersion = require('typescript/package.json').version;
  // The lock file stands for the installed type definitions (@types/node, cdktf, the provider bindings).
  const configHash = `${fileHash(tsconfig)} ${fileHash(path.join(ROOT, 'package-lock.json')) ?? ''}`;
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    const unchanged =
      stamp.typescriptVersion === typescriptVersion &&
      stamp.configHash === configHash &&
      Object.entries(stamp.files).every(([file, hash]) => fileHash(file) === hash);
    if (unchanged) return { checked: false, errors: '' };
  } catch {
    // No clean check recorded yet: check below.
  }

  const ts = require('typescript');
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) return { checked: true, errors: `cannot read ${tsconfig}\n` };
  const options = { ...parsed.options, noEmit: true, incremental: true, tsBuildInfoFile: path.join(cacheDirectory, `${key}.tsbuildinfo`) };
  const host = ts.createIncrementalCompilerHost(options);
  // Atomic, so a parallel run never reads half a build-info file.
  host.writeFile = (file, content) => writeAtomically(file, content);
  const builder = ts.createIncrementalProgram({ rootNames: [entry], options, host });
  const program = builder.getProgram();
  const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()];
  builder.emit();
  if (diagnostics.length > 0) {
    const formatHost = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
    return { checked: true, errors: ts.formatDiagnostics(diagnostics, formatHost) };
  }
  const files = Object.fromEntries(
    program
      .getSourceFiles()
      .filter((source) => !program.isSourceFileDefaultLibrary(source) && !source.fileName.includes('/node_modules/'))
      .map((source) => [source.fileName, fileHash(source.fileName)]),
  );
  try {
    writeAtomically(stampFile, JSON.stringify({ typescriptVersion, configHash, files }));
  } catch {
    // A read-only cache only costs the next check.
  }
  return { checked: true, errors: '' };
}

module.exports = { typeCheck };

// Preloaded (-r): check the program of the script node is about to run.
if (require.main !== module && process.argv[1] !== undefined && module.parent?.id === 'internal/preload') {
  const { errors } = typeCheck({ entry: path.resolve(process.argv[1]), tsconfig: path.join(ROOT, 'tsconfig.json') });
  if (errors !== '') {
    process.stderr.write(`${errors}\nType errors: nothing was synthesized (npm run typecheck checks the whole project).\n`);
    process.exit(1);
  }
}
