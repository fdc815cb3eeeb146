// The allowed directions: main.ts -> stacks/ -> modules/ -> provider classes, never back. A module's index.ts
// is its public surface: from outside a module, only the module itself is imported, never one of its files.
// migrations/runner is a library modules/ and stacks/ may use; tools/ use the project but nothing uses tools/,
// except the one hook main.ts calls to print the policy-pack summary after synthesis.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_AREAS = ['main.ts', 'stacks', 'modules', 'migrations', 'tools'];
const SYNTH_HOOK = path.join('tools', 'policy-pack', 'synth-hook.ts');
const RELATIVE_IMPORT = /(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return entry.endsWith('.ts') && !entry.endsWith('.d.ts') ? [entry] : [];
  return fs.readdirSync(full).flatMap((name) => (name === 'node_modules' ? [] : sourceFiles(path.join(entry, name))));
}

/** Where an import lands, relative to the repository (`modules/aurora/index.ts`, `stacks/system.ts`). */
function resolveImport(fromFile: string, specifier: string): string {
  const base = path.normalize(path.join(path.dirname(fromFile), specifier));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return base;
}

/** The area a file belongs to: main, stacks, modules/<name>, migrations, tools. */
function areaOf(file: string): string {
  const [top, second] = file.split(path.sep);
  if (top === 'main.ts') return 'main';
  if (top === 'modules') return `modules/${second}`;
  return top;
}

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** What is wrong with one import, or undefined when it is allowed. */
export function boundaryViolation({ from, to }: ImportEdge): string | undefined {
  const source = areaOf(from);
  const target = areaOf(to);
  if (target === 'tools' && source === 'main' && to === SYNTH_HOOK) return undefined;
  if (target === 'tools' && source !== 'tools') return `${from} imports ${to}: nothing outside tools/ may use development tooling`;
  if (target.startsWith('__tests__') || to.startsWith('__tests__')) return `${from} imports ${to}: sources never import tests`;
  if (target === 'main' && source !== 'tools') return `${from} imports ${to}: nothing but tools may import the app`;
  if (source.startsWith('modules/') && target === 'stacks') return `${from} imports ${to}: modules never import stacks (stacks compose modules)`;
  if (source === 'migrations' && (target === 'stacks' || target.startsWith('modules/'))) return `${from} imports ${to}: the migration runner stands alone`;
  if (target.startsWith('modules/') && target !== source && !to.endsWith(`${target}/index.ts`.split('/').join(path.sep))) {
    return `${from} imports ${to}: outside ${target}, import the module itself (its index.ts), not one of its files`;
  }
  return undefined;
}

function edges(): ImportEdge[] {
  return SOURCE_AREAS.flatMap(sourceFiles).flatMap((file) =>
    [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(RELATIVE_IMPORT)].map((match) => ({ from: file, to: resolveImport(file, match[1]) })),
  );
}

describe('module boundaries and import directions', () => {
  const all = edges();

  test('GIVEN the sources WHEN their imports are read THEN the scan sees imports between every area (it works)', () => {
    const pairs = new Set(all.map((edge) => `${areaOf(edge.from).split('/')[0]}->${areaOf(edge.to).split('/')[0]}`));
    expect([...pairs]).toEqual(expect.arrayContaining(['main->stacks', 'stacks->modules', 'modules->modules', 'modules->migrations', 'tools->stacks']));
  });

  test('GIVEN every import of main.ts, stacks/, modules/, migrations/ and tools/ WHEN checked THEN each goes an allowed direction through a module\'s public surface', () => {
    expect(all.map(boundaryViolation).filter((violation) => violation !== undefined)).toEqual([]);
  });

  test('GIVEN every module WHEN listed THEN each has an index.ts, its public surface', () => {
    const modules = fs.readdirSync(path.join(ROOT, 'modules'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(modules.filter((name) => !fs.existsSync(path.join(ROOT, 'modules', name, 'index.ts')))).toEqual([]);
  });

  test.each<[string, boolean, ImportEdge]>([
    ['a module importing a stack', false, { from: 'modules/aurora/aurora-cluster.ts', to: 'stacks/common/environment.ts' }],
    ['a stack reaching into a module file', false, { from: 'stacks/components/dax.ts', to: 'modules/dax/dax-cluster.ts' }],
    ['a module reaching into another module file', false, { from: 'modules/cache/validate-cache.ts', to: 'modules/windows/maintenance-windows.ts' }],
    ['a module importing the app', false, { from: 'modules/aurora/aurora-cluster.ts', to: 'main.ts' }],
    ['the runner importing a module', false, { from: 'migrations/runner/cli.ts', to: 'modules/validation/index.ts' }],
    ['a stack importing tools', false, { from: 'stacks/systems.ts', to: 'tools/bench/synth-benchmark.ts' }],
    ['the app importing a policy-pack file other than its synth hook', false, { from: 'main.ts', to: 'tools/policy-pack/check-stacks.ts' }],
    ['a stack importing the synth hook', false, { from: 'stacks/systems.ts', to: 'tools/policy-pack/synth-hook.ts' }],
    ['the app importing the synth hook', true, { from: 'main.ts', to: 'tools/policy-pack/synth-hook.ts' }],
    ['a stack importing a module index', true, { from: 'stacks/components/dax.ts', to: 'modules/dax/index.ts' }],
    ['a module importing its own file', true, { from: 'modules/dax/dax-cluster.ts', to: 'modules/dax/dax-alarms.ts' }],
    ['a module importing another module index', true, { from: 'modules/cache/validate-cache.ts', to: 'modules/windows/index.ts' }],
    ['a module using the migration runner', true, { from: 'modules/migrations/migration-bundle.ts', to: 'migrations/runner/migration-files.ts' }],
    ['a tool importing the stacks', true, { from: 'tools/bench/synth-benchmark.ts', to: 'stacks/systems.ts' }],
  ])('GIVEN %s WHEN checked THEN allowed = %s (the check can fail)', (_case, allowed, edge) => {
    const normalized = { from: edge.from.split('/').join(path.sep), to: edge.to.split('/').join(path.sep) };
    expect(boundaryViolation(normalized) === undefined).toBe(allowed);
  });
});
