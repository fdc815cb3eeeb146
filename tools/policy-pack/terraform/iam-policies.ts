// IAM policies as statements, whatever form the stack writes them in: a data.aws_iam_policy_document
// (with source/override documents), or a literal JSON document. A `jsonencode(...)` expression or a
// reference outside the stack is unknown.
import { resolve } from './references';
import { asBlocks, StackDocument } from './stack-document';
import { asStringList } from './values';

export interface PolicyPrincipal {
  /** `AWS`, `Service`, `Federated` or `*`. */
  readonly type: string;
  readonly identifiers: readonly string[];
}

export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly PolicyPrincipal[];
  readonly notPrincipals: readonly PolicyPrincipal[];
  readonly conditions: readonly PolicyCondition[];
}

export type PolicyResolution =
  | { readonly kind: 'resolved'; readonly statements: readonly PolicyStatement[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

function fromDocumentStatement(statement: Readonly<Record<string, unknown>>): PolicyStatement {
  const principals = (value: unknown): PolicyPrincipal[] =>
    asBlocks(value).map((principal) => ({ type: String(principal.type), identifiers: asStringList(principal.identifiers) }));
  return {
    sid: typeof statement.sid === 'string' ? statement.sid : undefined,
    effect: statement.effect === 'Deny' ? 'Deny' : 'Allow',
    actions: asStringList(statement.actions),
    notActions: asStringList(statement.not_actions),
    resources: asStringList(statement.resources),
    notResources: asStringList(statement.not_resources),
    principals: principals(statement.principals),
    notPrincipals: principals(statement.not_principals),
    conditions: asBlocks(statement.condition).map((condition) => ({
      test: String(condition.test),
      variable: String(condition.variable),
      values: asStringList(condition.values),
    })),
  };
}

function jsonPrincipals(value: unknown): PolicyPrincipal[] {
  if (value === undefined) return [];
  if (value === '*') return [{ type: '*', identifiers: ['*'] }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).map(([type, identifiers]) => ({ type, identifiers: asStringList(identifiers) }));
}

function fromJsonStatement(statement: Readonly<Record<string, unknown>>): PolicyStatement {
  const conditions = Object.entries((statement.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap(([test, variables]) =>
    Object.entries(variables).map(([variable, values]) => ({ test, variable, values: asStringList(values) })),
  );
  return {
    sid: typeof statement.Sid === 'string' ? statement.Sid : undefined,
    effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: asStringList(statement.Action),
    notActions: asStringList(statement.NotAction),
    resources: asStringList(statement.Resource),
    notResources: asStringList(statement.NotResource),
    principals: jsonPrincipals(statement.Principal),
    notPrincipals: jsonPrincipals(statement.NotPrincipal),
    conditions,
  };
}

/** The statements of a policy argument (`policy`, `assume_role_policy`, `source_policy_documents[n]`...). */
export function resolvePolicy(stack: StackDocument, value: unknown, seen: ReadonlySet<string> = new Set()): PolicyResolution {
  const resolution = resolve(stack, value);
  if (resolution.kind === 'absent') return { kind: 'absent' };
  if (resolution.kind === 'unknown') return { kind: 'unknown', reason: `${resolution.expression} is not a policy document of this stack` };
  if (resolution.kind === 'literal') {
    try {
      const document = JSON.parse(resolution.value) as { Statement?: unknown };
      return { kind: 'resolved', statements: asBlocks(document.Statement).map(fromJsonStatement) };
    } catch {
      return { kind: 'unknown', reason: 'the policy is not valid JSON' };
    }
  }
  const { block } = resolution;
  if (block.type !== 'aws_iam_policy_document' || block.mode !== 'data' || seen.has(block.address)) {
    return { kind: 'unknown', reason: `${block.address} is not a policy document` };
  }
  const merged: PolicyStatement[] = [];
  for (const argument of ['source_policy_documents', 'override_policy_documents']) {
    for (const document of asStringList(block.body[argument])) {
      const nested = resolvePolicy(stack, document, new Set([...seen, block.address]));
      if (nested.kind !== 'resolved') return { kind: 'unknown', reason: `${block.address}.${argument}: ${nested.kind === 'unknown' ? nested.reason : 'empty'}` };
      merged.push(...nested.statements);
    }
  }
  return { kind: 'resolved', statements: [...merged, ...asBlocks(block.body.statement).map(fromDocumentStatement)] };
}

/** The service principals (`lambda.amazonaws.com`) a statement names. */
export function servicePrincipals(statement: PolicyStatement): string[] {
  return statement.principals.filter((principal) => principal.type === 'Service').flatMap((principal) => principal.identifiers);
}

/** True when the statement names any principal (`"*"` or an AWS principal of `*`). */
export function hasWildcardPrincipal(statement: PolicyStatement): boolean {
  return statement.principals.some((principal) => principal.type === '*' || (principal.type === 'AWS' && principal.identifiers.includes('*')));
}

/** True when a condition of the statement tests `variable` (case-insensitive, as IAM compares keys). */
export function hasConditionOn(statement: PolicyStatement, ...variables: readonly string[]): boolean {
  const wanted = variables.map((variable) => variable.toLowerCase());
  return statement.conditions.some((condition) => wanted.some((variable) => condition.variable.toLowerCase().startsWith(variable)));
}
