// Run by `npm run bench` in a fresh process: times, inside the app, the load of cdktf, of the project's
// modules (the provider classes among them), and synthesis of every stack (first and repeated), then prints
// them as one JSON line. Not meant to be run by hand.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const REPEATS = 3;

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-bench-phases-'));
try {
  const frameworkStart = performance.now();
  require('constructs');
  require('cdktf');
  const frameworkMs = performance.now() - frameworkStart;

  // Loaded here, not imported at the top, so the load of the project's modules is timed.
  const loadStart = performance.now();
  const { synthesizeSystems } = require('../../stacks/synthesis/synthesize-systems');
  const { SYSTEMS } = require('../../stacks/systems');
  const moduleLoadMs = performance.now() - loadStart;

  const synthesisMs: number[] = [];
  let stacks = 0;
  for (let run = 0; run < REPEATS; run++) {
    const start = performance.now();
    stacks = synthesizeSystems(SYSTEMS, outdir).stacks.length;
    synthesisMs.push(performance.now() - start);
  }
  console.log(JSON.stringify({ frameworkMs, moduleLoadMs, synthesisMs, stacks }));
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
