// Measures synthesis of every shipped stack: the cold first run (module loading included), warm
// repeats, and the process's peak memory. Rerun with `npm run bench:synth [-- <runs>]`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const runs = Number(process.argv[2] ?? 5);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-bench-'));
try {
  const loadStart = performance.now();
  // Loaded here, not imported at the top, so the load of cdktf and the provider classes is timed.
  const { synthesizeSystems } = require('../../stacks/synthesis/synthesize-systems');
  const { SYSTEMS } = require('../../stacks/systems');
  const loadMs = performance.now() - loadStart;

  const timings: number[] = [];
  let stacks: string[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    stacks = synthesizeSystems(SYSTEMS, outdir).stacks;
    timings.push(performance.now() - start);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`stacks: ${stacks.length} (${stacks.join(', ')})`);
  console.log(`module load: ${loadMs.toFixed(0)} ms`);
  console.log(`first synthesis: ${timings[0].toFixed(0)} ms; median of ${runs}: ${median.toFixed(0)} ms`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
