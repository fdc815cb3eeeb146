// What the stand-in does with a resource's values: the checks Terraform core leaves to providers, the plan
// (unknown computed values, write-only arguments dropped) and the apply (unknowns filled with fakes).
import { BlockSchema, CtyType, blockType } from '../schema/provider-schema';
import { CtyValue, UNKNOWN, Unknown, isObject } from './cty-msgpack';
import { fakeValue } from './fake-values';

export interface Problem {
  readonly summary: string;
  readonly detail: string;
  readonly path: readonly (string | number)[];
}

/**
 * Checks core does not: a required argument set to null, and a value for a computed-only attribute
 * (the messages are the real providers' own).
 */
export function validateConfig(block: BlockSchema, config: CtyValue, path: (string | number)[] = []): Problem[] {
  if (!isObject(config)) return [];
  const problems: Problem[] = [];
  for (const [name, attribute] of Object.entries(block.attributes)) {
    const value = config[name] ?? null;
    if (attribute.required && value === null) {
      problems.push({ summary: 'Missing required argument', detail: `The argument "${name}" is required, but no definition was found.`, path: [...path, name] });
    }
    if (attribute.computed && !attribute.optional && !attribute.required && value !== null && !(value instanceof Unknown)) {
      problems.push({
        summary: 'Invalid Configuration for Read-Only Attribute',
        detail: `Cannot set value for this attribute as the provider has marked it as read-only. Remove the configuration line setting the value.\n\nRefer to the provider documentation or contact the provider developers for additional information about configurable and read-only attributes that are supported.`,
        path: [...path, name],
      });
    }
  }
  for (const [name, nested] of Object.entries(block.blocks)) {
    const value = config[name];
    if (Array.isArray(value)) value.forEach((element, index) => problems.push(...validateConfig(nested.block, element, [...path, name, index])));
  }
  return problems;
}

/** The planned state: the proposed new state with unknown computed values on create and write-only arguments null. */
export function planState(block: BlockSchema, proposed: CtyValue, creating: boolean): CtyValue {
  if (!isObject(proposed)) return proposed;
  const planned: Record<string, CtyValue> = { ...proposed };
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.writeOnly) planned[name] = null;
    else if (creating && attribute.computed && (planned[name] ?? null) === null) planned[name] = UNKNOWN;
  }
  for (const [name, nested] of Object.entries(block.blocks)) {
    // Set elements cannot be matched to prior ones, so their computed attributes stay null (or re-plans differ).
    const value = planned[name];
    if (nested.nesting === 'list' && Array.isArray(value)) planned[name] = value.map((element) => planState(nested.block, element, creating));
  }
  return planned;
}

/** Replaces every unknown in `value` (of `type`) by a known fake value. */
export function fillUnknowns(type: CtyType, value: CtyValue, path: string[], seed: string, resourceType: string): CtyValue {
  if (value instanceof Unknown) return fakeValue(type, path, seed, resourceType);
  if (value === null || typeof type === 'string') return value;
  const [kind, element] = type;
  if (kind === 'object' && isObject(value)) {
    const filled: Record<string, CtyValue> = {};
    for (const [name, attributeType] of Object.entries(element as Record<string, CtyType>)) {
      filled[name] = fillUnknowns(attributeType, value[name] ?? null, [...path, name], seed, resourceType);
    }
    return filled;
  }
  if (kind === 'map' && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillUnknowns(element as CtyType, item, [...path, key], seed, resourceType)]));
  }
  if (Array.isArray(value)) return value.map((item, index) => fillUnknowns(element as CtyType, item, [...path, String(index)], seed, resourceType));
  return value;
}

/** The state after a (pretend) apply or read: every unknown filled, computed nulls too when `fillComputed`. */
export function completeState(block: BlockSchema, value: CtyValue, seed: string, resourceType: string, fillComputed: boolean): CtyValue {
  if (!isObject(value)) return value;
  const completed: Record<string, CtyValue> = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.writeOnly) completed[name] = null;
    else if (fillComputed && attribute.computed && (completed[name] ?? null) === null) completed[name] = UNKNOWN;
  }
  return fillUnknowns(blockType(block), completed, [], seed, resourceType);
}
