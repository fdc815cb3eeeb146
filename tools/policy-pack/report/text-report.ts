// The plain-text report: one line per finding, suppressed findings with their reason, the summary.
import { Finding, PolicyReport, summaryLine } from '../check-stacks';

/** `<stack> <severity> <rule id> <resource address>: <message>`. */
export function findingLine(finding: Finding): string {
  return `${finding.stack} ${finding.severity} ${finding.ruleId} ${finding.address}: ${finding.message}`;
}

export function textReport(report: PolicyReport): string {
  const active = report.findings.filter((finding) => finding.suppression === undefined);
  const suppressed = report.findings.filter((finding) => finding.suppression !== undefined);
  const lines = active.map(findingLine);
  if (suppressed.length > 0) {
    lines.push('', 'Suppressed (the system accepts these findings, for the reason given):');
    for (const finding of suppressed) lines.push(`${finding.stack} suppressed ${finding.ruleId} ${finding.address}: ${finding.message}`, `    reason: ${finding.suppression?.reason}`);
  }
  for (const { system, suppression } of report.unusedSuppressions) {
    lines.push(`note: the ${system} suppression of ${suppression.ruleId} on ${suppression.resource} matched no finding; remove it if the finding is fixed`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
