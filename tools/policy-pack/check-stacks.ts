// Runs the rules over synthesized stacks and applies the systems' suppressions.
import { assertValid } from '../../modules/validation';
import { PolicyRule, Severity } from './rule';
import { RULES } from './rules';
import { PolicySuppression, suppresses, suppressionRules, SystemSuppressions } from './policy-suppression';
import { StackDocument, TerraformJson } from './terraform/stack-document';

/** A synthesized stack to check: its name and its cdk.tf.json. */
export interface StackInput {
  readonly name: string;
  readonly json: TerraformJson;
  /** Where the JSON was read from, for SARIF locations. */
  readonly file?: string;
}

export interface Finding {
  readonly stack: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly address: string;
  readonly message: string;
  /** Present when a system suppressed the finding. */
  readonly suppression?: { readonly system: string; readonly reason: string };
}

export interface PolicyReport {
  readonly stacks: readonly StackInput[];
  readonly rules: readonly PolicyRule[];
  /** Every finding, suppressed ones included, sorted by stack, severity, rule and address. */
  readonly findings: readonly Finding[];
  /** Suppressions of the checked stacks' systems that matched no finding. */
  readonly unusedSuppressions: readonly { readonly system: string; readonly suppression: PolicySuppression }[];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

/** Checks `stacks` with `rules`; throws a ConfigurationError for an invalid suppression before checking anything. */
export function checkStacks(stacks: readonly StackInput[], rules: readonly PolicyRule[] = RULES, systems: readonly SystemSuppressions[] = []): PolicyReport {
  assertValid(suppressionRules(systems, rules.map((rule) => rule.id)));
  // Per system: systems share suppressions of shared modules, and one system's use says nothing of another's.
  const used = new Map<SystemSuppressions, Set<PolicySuppression>>(systems.map((system) => [system, new Set<PolicySuppression>()]));
  const findings: Finding[] = [];
  for (const stack of stacks) {
    const document = new StackDocument(stack.name, stack.json);
    for (const rule of rules) {
      const seen = new Set<string>();
      for (const found of rule.check(document)) {
        const key = `${found.address}\n${found.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const match = systems
          .flatMap((system) => system.suppressions.map((suppression) => ({ system, suppression })))
          .find(({ system, suppression }) => suppresses(system, suppression, stack.name, rule.id, found.address));
        if (match) used.get(match.system)!.add(match.suppression);
        findings.push({
          stack: stack.name,
          ruleId: rule.id,
          severity: rule.severity,
          address: found.address,
          message: found.message,
          ...(match ? { suppression: { system: match.system.system, reason: match.suppression.reason } } : {}),
        });
      }
    }
  }
  findings.sort(
    (a, b) =>
      a.stack.localeCompare(b.stack) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.address.localeCompare(b.address) ||
      a.message.localeCompare(b.message),
  );
  const checkedSystems = systems.filter((system) => stacks.some((stack) => stack.name === system.system || stack.name.startsWith(`${system.system}-`)));
  const unusedSuppressions = checkedSystems.flatMap((system) =>
    system.suppressions
      .filter((suppression) => !used.get(system)!.has(suppression))
      .filter((suppression) => suppression.stacks === undefined || suppression.stacks.some((name) => stacks.some((stack) => stack.name === name)))
      .map((suppression) => ({ system: system.system, suppression })),
  );
  return { stacks, rules, findings, unusedSuppressions };
}

export interface ReportCounts {
  /** Findings of severity error, suppressed ones included. */
  readonly errors: number;
  readonly warnings: number;
  readonly suppressed: number;
  /** Errors no suppression accepts: these fail `npm run check`. */
  readonly unsuppressedErrors: number;
  readonly unsuppressedWarnings: number;
}

export function countFindings(report: PolicyReport): ReportCounts {
  const count = (predicate: (finding: Finding) => boolean) => report.findings.filter(predicate).length;
  return {
    errors: count((finding) => finding.severity === 'error'),
    warnings: count((finding) => finding.severity === 'warning'),
    suppressed: count((finding) => finding.suppression !== undefined),
    unsuppressedErrors: count((finding) => finding.severity === 'error' && finding.suppression === undefined),
    unsuppressedWarnings: count((finding) => finding.severity === 'warning' && finding.suppression === undefined),
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * `Policy checks: 0 errors, 3 warnings (55 suppressed) over 4 stacks`: the errors and warnings no
 * suppression accepts, then how many findings the systems' suppressions accept.
 */
export function summaryLine(report: PolicyReport): string {
  const counts = countFindings(report);
  return `Policy checks: ${plural(counts.unsuppressedErrors, 'error')}, ${plural(counts.unsuppressedWarnings, 'warning')} (${counts.suppressed} suppressed) over ${plural(report.stacks.length, 'stack')}`;
}
