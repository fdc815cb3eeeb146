// Values the stand-in invents for what only AWS would know (ids, ARNs, endpoints). They are derived from
// the resource's type, the attribute's path and the planned values, so the same configuration always gets
// the same values: data sources read twice agree, and a re-plan shows no changes.
import { createHash } from 'crypto';
import { CtyType } from '../schema/provider-schema';
import { CtyValue } from './cty-msgpack';

export const FAKE_ACCOUNT_ID = '123456789012';
export const FAKE_REGION = 'eu-west-2';

const WELL_KNOWN: Record<string, string> = {
  account_id: FAKE_ACCOUNT_ID,
  partition: 'aws',
  dns_suffix: 'amazonaws.com',
  region: FAKE_REGION,
};

function digest(seed: string, path: readonly string[]): string {
  return createHash('sha256').update(seed).update(path.join('.')).digest('hex').slice(0, 12);
}

/**
 * A known value of `type` for the attribute at `path`. Collections get one element, so that `x[0]`
 * references in the configuration resolve; dynamic attributes stay null.
 */
export function fakeValue(type: CtyType, path: readonly string[], seed: string, resourceType: string): CtyValue {
  if (type === 'string') {
    const name = path[path.length - 1] ?? 'value';
    if (WELL_KNOWN[name]) return WELL_KNOWN[name];
    const hash = digest(seed, path);
    if (name === 'arn' || name.endsWith('_arn')) return `arn:aws:offline:${FAKE_REGION}:${FAKE_ACCOUNT_ID}:${resourceType}/${hash}`;
    return `${name}-${hash}`;
  }
  if (type === 'number') return 1;
  if (type === 'bool') return false;
  if (typeof type === 'string') return null;
  const [kind, element] = type;
  if (kind === 'object') {
    const object: Record<string, CtyValue> = {};
    for (const [name, attributeType] of Object.entries(element as Record<string, CtyType>)) {
      object[name] = fakeValue(attributeType, [...path, name], seed, resourceType);
    }
    return object;
  }
  if (kind === 'map') return {};
  return [fakeValue(element as CtyType, [...path, '0'], seed, resourceType)];
}

export function seedOf(typeName: string, bytes: Uint8Array): string {
  return createHash('sha256').update(typeName).update(bytes).digest('hex');
}
