import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const PEAK_MEMORY_PRELOAD = path.join(__dirname, 'peak-memory.js');

export interface Measurement {
  readonly wallMs: number;
  /** The largest peak RSS of the node processes the command ran, in kilobytes; NaN if none reported. */
  readonly peakKb: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  /** Added to the environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Modules every node process of the command preloads (NODE_OPTIONS --require), beside the memory probe. */
  readonly preload?: readonly string[];
}

/** The command line of an npm script in package.json, which the bench runs the way npm does (sh, node_modules/.bin first in PATH). */
export function scriptCommand(script: string): string {
  const scripts = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const command = scripts[script];
  if (command === undefined) throw new Error(`package.json has no script ${script}`);
  return command;
}

/** Runs `command` through sh in the repository, waits for it, and returns its wall time and peak memory. */
export function measure(command: string, options: MeasureOptions = {}): Measurement {
  const peakDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-bench-peak-'));
  try {
    const requires = [PEAK_MEMORY_PRELOAD, ...(options.preload ?? [])].map((file) => `--require ${JSON.stringify(file)}`);
    const env = {
      ...process.env,
      ...options.env,
      PATH: `${path.join(REPOSITORY_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...requires].join(' ').trim(),
      DATASTACK_BENCH_PEAK_DIR: peakDirectory,
    };
    const started = process.hrtime.bigint();
    const result = spawnSync('/bin/sh', ['-c', command], { cwd: REPOSITORY_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const peaks = fs.readdirSync(peakDirectory).map((file) => Number(fs.readFileSync(path.join(peakDirectory, file), 'utf8')));
    return {
      wallMs,
      peakKb: peaks.length === 0 ? Number.NaN : Math.max(...peaks),
      exitCode: result.status ?? 1,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? '',
    };
  } finally {
    fs.rmSync(peakDirectory, { recursive: true, force: true });
  }
}

/** `measurement`, or an error with the command's output when it failed: a failed run is never a timing. */
export function succeeded(what: string, measurement: Measurement): Measurement {
  if (measurement.exitCode !== 0) {
    throw new Error(`${what} exited ${measurement.exitCode}:\n${measurement.stdout}${measurement.stderr}`);
  }
  return measurement;
}
