// SARIF 2.1.0, the format GitHub code scanning reads: one run, the pack's rules as reportingDescriptors,
// one result per finding located in the stack's cdk.tf.json, suppressed findings carrying their reason.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { Finding, PolicyReport, StackInput } from '../check-stacks';
import { PolicyRule } from '../rule';
import { addressKeyPath, keyLines } from './json-locations';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'DataStack policy pack';

function descriptor(rule: PolicyRule): ReportingDescriptor {
  const controls = rule.controls.length > 0 ? rule.controls.join(', ') : 'DataStack';
  return {
    id: rule.id,
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase()).replace(/^./, (first) => first.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale} Controls: ${controls}. Resource types: ${rule.resourceTypes.join(', ')}.` },
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['security', ...rule.controls], resourceTypes: [...rule.resourceTypes] },
  };
}

/** The file URI relative to `root` with forward slashes (what code scanning maps onto the repository). */
function artifactUri(file: string, root: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}

export function sarifLog(report: PolicyReport, root: string = process.cwd(), version = '0.0.0'): Log {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const lines = new Map<string, Map<string, number>>();
  const stacks = new Map<string, StackInput>(report.stacks.map((stack) => [stack.name, stack]));
  const lineOf = (finding: Finding): number | undefined => {
    const file = stacks.get(finding.stack)?.file;
    if (file === undefined || !fs.existsSync(file)) return undefined;
    if (!lines.has(file)) lines.set(file, keyLines(fs.readFileSync(file, 'utf8')));
    return lines.get(file)?.get(addressKeyPath(finding.address));
  };
  const results: Result[] = report.findings.map((finding) => {
    const file = stacks.get(finding.stack)?.file ?? `cdktf.out/stacks/${finding.stack}/cdk.tf.json`;
    const line = lineOf(finding);
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity,
      message: { text: `${finding.stack}: ${finding.address}: ${finding.message}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: artifactUri(file, root) }, ...(line === undefined ? {} : { region: { startLine: line } }) },
          logicalLocations: [{ fullyQualifiedName: `${finding.stack}/${finding.address}`, name: finding.address, kind: 'resource' }],
        },
      ],
      partialFingerprints: { 'datastackFinding/v1': createHash('sha256').update(`${finding.stack}\n${finding.ruleId}\n${finding.address}`).digest('hex') },
      ...(finding.suppression ? { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.suppression.reason }] } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: TOOL_NAME, version, rules: report.rules.map(descriptor) } }, results }],
  };
}

export function sarifReport(report: PolicyReport, root?: string, version?: string): string {
  return `${JSON.stringify(sarifLog(report, root, version), null, 2)}\n`;
}
