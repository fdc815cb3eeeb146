// The one line `npm run synth` prints about the policy pack: it reads the JSON the synthesis just wrote.
import { synthesizedStacks } from '../offline-provider/terraform/synthesized-stacks';
import { checkStacks, countFindings, summaryLine } from './check-stacks';
import { RULES } from './rules';
import { SYSTEM_SUPPRESSIONS } from './suppressions';
import { readStack } from './synthesized-stacks';

/** `Policy checks: 0 errors, 3 warnings (3 suppressed) over 4 stacks`, or why the checks could not run. */
export function policyChecksSummary(outdir: string): string {
  try {
    const report = checkStacks(
      synthesizedStacks(outdir).map((stack) => readStack(stack.name, stack.directory)),
      RULES,
      SYSTEM_SUPPRESSIONS,
    );
    const counts = countFindings(report);
    const open = counts.unsuppressedErrors + counts.unsuppressedWarnings;
    return open > 0 ? `${summaryLine(report)}; ${open} not suppressed: run npm run check` : summaryLine(report);
  } catch (error) {
    return `Policy checks: not run (${(error as Error).message})`;
  }
}
