// `npm run bench [-- --runs N]`: synthesis of every stack through the project's path (`npm run synth`'s
// command) and through the naive baseline, alternating, then module load, per-stack cost, `npx cdktf synth`,
// `npm run validate` and `npm run migrate`. Prints medians; docs/performance.md explains the figures.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_USAGE, BenchArguments, BenchUsageError, parseBenchArguments } from './bench-arguments';
import { measure, Measurement, MeasureOptions, scriptCommand, succeeded } from './measure';
import { median } from './statistics';
import { formatTable, megabytes, ratio, seconds } from './table';

const ROOT_IMPORTS_PRELOAD = path.join(__dirname, 'root-imports.js');
/** How the cdktf TypeScript template runs an app (its cdktf.json: `npx ts-node main.ts`): type check, then run. */
const TEMPLATE_RUNNER = 'ts-node main.ts';
/** The in-process probe, run with the project's TypeScript runner. */
const PHASES_COMMAND = 'node -r ./tools/run/typescript-require-hook.js tools/bench/synth-phases.ts';
const FLOOR_COMMAND = `node -e "require('constructs'); require('cdktf')"`;

interface SynthesisPath {
  readonly label: string;
  readonly command: string;
  readonly preload: readonly string[];
}

interface Phases {
  readonly frameworkMs: number;
  readonly moduleLoadMs: number;
  readonly synthesisMs: number[];
  readonly stacks: number;
}

function synthesisPaths(): SynthesisPath[] {
  const synth = scriptCommand('synth');
  return [
    { label: 'project: npm run synth', command: synth, preload: [] },
    { label: 'baseline: ts-node, providers from package roots', command: TEMPLATE_RUNNER, preload: [ROOT_IMPORTS_PRELOAD] },
    { label: 'root imports alone: npm run synth, providers from roots', command: synth, preload: [ROOT_IMPORTS_PRELOAD] },
  ];
}

function row(label: string, runs: readonly Measurement[]): string[] {
  const walls = runs.map((run) => run.wallMs);
  return [label, seconds(median(walls)), seconds(Math.min(...walls)), seconds(Math.max(...walls)), megabytes(median(runs.map((run) => run.peakKb))), seconds(walls[0])];
}

const HEADER = ['what (every stack)', 'median', 'min', 'max', 'peak RSS', 'first run'];

/** The stacks' JSON in an output directory, by stack name: what two paths of the same app must agree on. */
function synthesizedJson(outdir: string): Map<string, string> {
  const stacksDirectory = path.join(outdir, 'stacks');
  return new Map(fs.readdirSync(stacksDirectory).sort().map((stack) => [stack, fs.readFileSync(path.join(stacksDirectory, stack, 'cdk.tf.json'), 'utf8')]));
}

function assertSameOutput(first: string, second: string): void {
  const [a, b] = [synthesizedJson(first), synthesizedJson(second)];
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((stack) => a.get(stack) !== b.get(stack));
  if (differing.length > 0) throw new Error(`the baseline synthesized different JSON for ${differing.join(', ')}: it is not the same app`);
}

function repeat(times: number, what: string, command: string, options: MeasureOptions = {}): Measurement[] {
  return Array.from({ length: times }, () => succeeded(what, measure(command, options)));
}

function bench(args: BenchArguments): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-bench-'));
  try {
    const loadBefore = os.loadavg()[0];
    const paths = synthesisPaths();
    const runs = paths.map((): Measurement[] => []);
    const floor: Measurement[] = [];
    const outdir = (index: number) => path.join(scratch, `path-${index}`);
    process.stderr.write(`bench: ${args.runs} rounds of ${paths.length} synthesis paths`);
    for (let round = 0; round < args.runs; round++) {
      paths.forEach((synthesis, index) => {
        runs[index].push(succeeded(synthesis.label, measure(synthesis.command, { env: { CDKTF_OUTDIR: outdir(index) }, preload: synthesis.preload })));
      });
      floor.push(succeeded('the floor', measure(FLOOR_COMMAND)));
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    paths.slice(1).forEach((_, index) => assertSameOutput(outdir(0), outdir(index + 1)));
    const stacks = synthesizedJson(outdir(0)).size;

    const phases = repeat(Math.min(args.runs, 3), 'the in-process probe', PHASES_COMMAND).map((run) => JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Phases);
    const synthesisMs = median(phases.map((phase) => median(phase.synthesisMs)));
    const others: string[][] = [];
    const cdktfRuns = Math.min(args.runs, 3);
    if (args.cdktf) others.push(row(`npx cdktf synth (cdktf.json app), ${cdktfRuns} runs`, repeat(cdktfRuns, 'cdktf synth', `cdktf synth --output ${JSON.stringify(path.join(scratch, 'cdktf'))}`, { env: { CHECKPOINT_DISABLE: '1' } })));
    if (args.validate) others.push(row(`npm run validate (${stacks} stacks), 1 run`, repeat(1, 'npm run validate', scriptCommand('validate'), { env: { CDKTF_OUTDIR: outdir(0) } })));
    const migrateRuns = Math.min(args.runs, 3);
    if (args.migrate) others.push(row(`npm run migrate (embedded default), ${migrateRuns} runs`, repeat(migrateRuns, 'npm run migrate', scriptCommand('migrate'))));

    const [project, baseline, rootImports] = runs.map((measurements) => median(measurements.map((run) => run.wallMs)));
    const [projectPeak, baselinePeak] = runs.map((measurements) => median(measurements.map((run) => run.peakKb)));
    console.log(`DataStack bench: ${stacks} stacks, ${args.runs} runs per path (alternating), node ${process.version}, ${os.availableParallelism()} cores, load average ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end\n`);
    console.log(formatTable(HEADER, [...paths.map((synthesis, index) => row(synthesis.label, runs[index])), row('floor: node + cdktf + constructs', floor)]));
    console.log(`\nnpm run synth runs \`${scriptCommand('synth')}\` (here without npm's own start-up); the baseline runs \`${TEMPLATE_RUNNER}\`.`);
    console.log(`baseline / project: ${ratio(baseline, project)} wall time, ${ratio(baselinePeak, projectPeak)} peak memory (root imports alone / project: ${ratio(rootImports, project)})`);
    console.log(
      `inside the app (medians of ${phases.length} probes): cdktf + constructs load ${seconds(median(phases.map((phase) => phase.frameworkMs)))}, ` +
        `project modules load ${seconds(median(phases.map((phase) => phase.moduleLoadMs)))}, ` +
        `synthesis ${seconds(synthesisMs)} (${(synthesisMs / stacks).toFixed(0)} ms per stack)`,
    );
    if (others.length > 0) console.log(`\n${formatTable(['other commands', 'median', 'min', 'max', 'peak RSS', 'first run'], others)}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): void {
  try {
    const args = parseBenchArguments(process.argv.slice(2));
    if (args.help) {
      console.log(BENCH_USAGE);
      return;
    }
    bench(args);
  } catch (error) {
    console.error(error instanceof BenchUsageError ? `${error.message}\n${BENCH_USAGE}` : (error as Error).message);
    process.exitCode = error instanceof BenchUsageError ? 2 : 1;
  }
}

main();

