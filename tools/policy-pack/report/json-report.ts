// The report for scripts: the summary counts and every finding, suppressed ones with their reason.
import { countFindings, PolicyReport } from '../check-stacks';

export function jsonReport(report: PolicyReport): string {
  return `${JSON.stringify(
    {
      summary: { stacks: report.stacks.map((stack) => stack.name), ...countFindings(report) },
      findings: report.findings,
      unusedSuppressions: report.unusedSuppressions,
    },
    null,
    2,
  )}\n`;
}
