// What a policy rule is: an id, a severity, the resource types it reads, why it exists (with the
// published controls it implements) and the check itself.
import { StackDocument, TerraformBlock } from './terraform/stack-document';

/** An error fails `npm run check`; a warning is reported and must be fixed or suppressed with a reason. */
export type Severity = 'error' | 'warning';

/** One thing a rule found wrong: where, and what. */
export interface RuleFinding {
  /** The Terraform address of the resource at fault (`aws_rds_cluster.Aurora_Cluster_8F35`). */
  readonly address: string;
  /** What is wrong and what would be right, in one sentence. */
  readonly message: string;
}

export interface PolicyRule {
  /** `DS-<AREA>-<NNN>`, stable once published (suppressions and SARIF results refer to it). */
  readonly id: string;
  /** A short name, the check in a few words (`Aurora and RDS storage encrypted`). */
  readonly title: string;
  readonly severity: Severity;
  /** The Terraform resource types whose findings the rule reports. */
  readonly resourceTypes: readonly string[];
  /** One line: why the rule exists. */
  readonly rationale: string;
  /** Published controls the rule implements: Security Hub (`RDS.3`), cdk-nag (`AwsSolutions-RDS2`), checkov (`CKV_AWS_16`). */
  readonly controls: readonly string[];
  /** The findings in one stack (none when it complies). */
  check(stack: StackDocument): RuleFinding[];
}

/**
 * The common shape of a rule: look at every resource of `types` and report the message `problem`
 * returns (or each of the messages, for a list), nothing for `undefined`.
 */
export function eachResource(
  stack: StackDocument,
  types: readonly string[],
  problem: (block: TerraformBlock) => string | readonly string[] | undefined,
): RuleFinding[] {
  return stack.resources(...types).flatMap((block) => {
    const found = problem(block);
    const messages = found === undefined ? [] : typeof found === 'string' ? [found] : found;
    return messages.map((message) => ({ address: block.address, message }));
  });
}
