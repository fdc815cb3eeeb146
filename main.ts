// The DataStack app: validates every system's configuration, then synthesizes one stack per
// system x environment (plus the state-backend bootstrap stack) into cdktf.out/stacks/<stack>/.
import { ConfigurationError } from './modules/validation';
import { SystemDefinition } from './stacks/system';
import { SYSTEMS } from './stacks/systems';
import { synthesizeSystems } from './stacks/synthesis/synthesize-systems';
import { policyChecksSummary } from './tools/policy-pack/synth-hook';

/** Runs the app for `systems`; the process exit code is 1 for bad configuration. */
export function runApp(systems: readonly SystemDefinition[]): void {
  // cdktf-cli sets CDKTF_OUTDIR; run directly (`npm run synth`), the output goes to cdktf.out.
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  try {
    const { stacks, warnings } = synthesizeSystems(systems, outdir);
    for (const warning of warnings) console.warn(`Warning: ${warning}`);
    console.log(`Synthesized ${stacks.length} stacks into ${outdir}/stacks: ${stacks.join(', ')}`);
    console.log(policyChecksSummary(outdir));
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`${error.message}\nNothing was written to ${outdir}.`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

if (require.main === module) {
  runApp(SYSTEMS);
}
