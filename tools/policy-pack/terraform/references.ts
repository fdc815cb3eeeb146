// The reference resolver the rules share: `${aws_kms_key.Key_1A2B.arn}` → the aws_kms_key block.
// What does not resolve to a block of the same stack (a literal ARN, a variable, a remote state
// output) is reported as unknown; rules treat unknown as not compliant.
import { StackDocument, TerraformBlock } from './stack-document';
import { isExpression } from './values';

/** A reference found in an expression: the block's address and the attribute read from it. */
export interface Reference {
  readonly address: string;
  /** `arn`, `id`, `json`...; undefined for a bare `aws_x.y`. */
  readonly attribute?: string;
}

export type Resolution =
  /** The value is exactly a reference to a block of this stack. */
  | { readonly kind: 'block'; readonly block: TerraformBlock; readonly attribute?: string }
  /** The value is a plain string, no expression. */
  | { readonly kind: 'literal'; readonly value: string }
  /** Nothing there. */
  | { readonly kind: 'absent' }
  /** An expression that does not resolve to one block of this stack. */
  | { readonly kind: 'unknown'; readonly expression: string };

// `data.` / `ephemeral.` prefix, a type (provider_kind), a name, then attribute path segments.
const REFERENCE = /(?<![\w.])((?:data|ephemeral)\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*)/g;
const WHOLE_REFERENCE = /^\$\{\s*((?:data|ephemeral)\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*)\s*\}$/;

function toReference(prefix: string | undefined, type: string, name: string, path: string): Reference {
  const attribute = path.split(/[.[\]]/).find((segment) => segment !== '');
  return { address: `${prefix ?? ''}${type}.${name}`, attribute };
}

/** The expressions inside a string's `${...}` parts, nested braces (`jsonencode({...})`) included. */
export function interpolations(value: string): string[] {
  const expressions: string[] = [];
  let start = value.indexOf('${');
  while (start !== -1) {
    let depth = 0;
    let end = start + 1;
    for (; end < value.length; end++) {
      if (value[end] === '{') depth++;
      else if (value[end] === '}' && --depth === 0) break;
    }
    expressions.push(value.slice(start + 2, end));
    start = value.indexOf('${', end);
  }
  return expressions;
}

// Rules ask for the references of the same arguments many times; JSON values are never mutated, so
// the answer is kept per object (and per expression string).
const objectReferences = new WeakMap<object, readonly Reference[]>();
const stringReferences = new Map<string, readonly Reference[]>();

/** Every block reference inside the `${...}` parts of every string in `value` (searched deeply). */
export function referencesIn(value: unknown): readonly Reference[] {
  if (typeof value === 'string') {
    if (!isExpression(value)) return [];
    let found = stringReferences.get(value);
    if (found === undefined) {
      found = interpolations(value).flatMap((expression) =>
        [...expression.matchAll(REFERENCE)].map((match) => toReference(match[1], match[2], match[3], match[4])),
      );
      stringReferences.set(value, found);
    }
    return found;
  }
  if (typeof value !== 'object' || value === null) return [];
  let found = objectReferences.get(value);
  if (found === undefined) {
    found = (Array.isArray(value) ? value : Object.values(value)).flatMap(referencesIn);
    objectReferences.set(value, found);
  }
  return found;
}

/** The reference when `value` is exactly one `${type.name.attribute}`; undefined otherwise. */
export function wholeReference(value: unknown): Reference | undefined {
  if (typeof value !== 'string') return undefined;
  const match = WHOLE_REFERENCE.exec(value);
  return match ? toReference(match[1], match[2], match[3], match[4]) : undefined;
}

/** What an argument's value is: a block of this stack, a literal, nothing, or unknown. */
export function resolve(stack: StackDocument, value: unknown): Resolution {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'unknown', expression: JSON.stringify(value) };
  if (!isExpression(value)) return { kind: 'literal', value };
  const reference = wholeReference(value);
  const block = reference ? stack.block(reference.address) : undefined;
  return block ? { kind: 'block', block, attribute: reference?.attribute } : { kind: 'unknown', expression: value };
}

/** The blocks of the given types that `value` references anywhere (deeply). */
export function referencedBlocks(stack: StackDocument, value: unknown, ...types: readonly string[]): TerraformBlock[] {
  const blocks = referencesIn(value)
    .map((reference) => stack.block(reference.address))
    .filter((block): block is TerraformBlock => block !== undefined && (types.length === 0 || types.includes(block.type)));
  return [...new Map(blocks.map((block) => [block.address, block])).values()];
}

/** True when `value` references the block at `address` (any attribute). */
export function refersTo(value: unknown, address: string): boolean {
  if (typeof value === 'string' && !value.includes(address)) return false;
  return referencesIn(value).some((reference) => reference.address === address);
}

/** Blocks of `types` one of whose arguments references `target` (e.g. the instances of a cluster). */
export function blocksReferencing(stack: StackDocument, target: TerraformBlock, ...types: readonly string[]): TerraformBlock[] {
  return stack.resources(...types).filter((block) => refersTo(block.body, target.address));
}

/**
 * True when `block` is ordered after `target`: it lists it in `depends_on`, or one of its arguments
 * references it (an implicit dependency).
 */
export function dependsOn(block: TerraformBlock, target: TerraformBlock): boolean {
  const { depends_on: explicit, ...rest } = block.body;
  const listed = Array.isArray(explicit) && explicit.some((entry) => entry === target.address);
  return listed || refersTo(rest, target.address);
}
