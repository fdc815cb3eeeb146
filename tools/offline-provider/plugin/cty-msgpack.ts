// Terraform's values on the wire: cty's msgpack encoding. Unknown values are msgpack extension 0 (12 when
// refined, Terraform >= 1.6): kept as opaque markers and written back byte for byte.
import { ExtensionCodec, decode, encode } from '@msgpack/msgpack';

/** A value Terraform does not know yet ("known after apply"). */
export class Unknown {
  constructor(
    readonly extensionType: number,
    readonly data: Uint8Array,
  ) {}
}

/** A fresh unknown value, as cty writes it: fixext1, type 0, payload 0. */
export const UNKNOWN = new Unknown(0, new Uint8Array([0]));

const UNKNOWN_EXTENSIONS = [0, 12];

const codec = new ExtensionCodec();
for (const type of UNKNOWN_EXTENSIONS) {
  codec.register({
    type,
    encode: (input: unknown) => (input instanceof Unknown && input.extensionType === type ? input.data : null),
    decode: (data: Uint8Array) => new Unknown(type, data),
  });
}

export type CtyValue = null | string | number | boolean | Unknown | CtyValue[] | { [key: string]: CtyValue } | Uint8Array;

export function decodeValue(bytes: Uint8Array | undefined | null): CtyValue {
  if (!bytes || bytes.length === 0) return null;
  return decode(bytes, { extensionCodec: codec }) as CtyValue;
}

export function encodeValue(value: CtyValue): Buffer {
  return Buffer.from(encode(value, { extensionCodec: codec }));
}

export function isObject(value: CtyValue): value is { [key: string]: CtyValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown) && !(value instanceof Uint8Array);
}
