// What the stand-in does with values between Terraform's calls, checked without Terraform.
import { UNKNOWN, Unknown, decodeValue, encodeValue } from '../../../tools/offline-provider/plugin/cty-msgpack';
import { completeState, planState, validateConfig } from '../../../tools/offline-provider/plugin/resource-logic';
import { BlockSchema } from '../../../tools/offline-provider/schema/provider-schema';

const CLUSTER: BlockSchema = {
  attributes: {
    arn: { type: 'string', computed: true },
    engine: { type: 'string', required: true },
    port: { type: 'number', optional: true, computed: true },
    tags: { type: ['map', 'string'], optional: true },
    availability_zones: { type: ['set', 'string'], optional: true, computed: true },
    master_password_wo: { type: 'string', optional: true, sensitive: true, writeOnly: true },
  },
  blocks: {
    timeouts: { nesting: 'list', minItems: 0, maxItems: 1, block: { attributes: { create: { type: 'string', optional: true } }, blocks: {} } },
  },
};

const CONFIG = { arn: null, engine: 'aurora-postgresql', port: null, tags: null, availability_zones: null, master_password_wo: 'secret', timeouts: [] };

describe('cty msgpack values', () => {
  test.each([
    ['an unknown value (extension 0)', Buffer.from([0xd4, 0x00, 0x00])],
    ['a refined unknown value (extension 12)', Buffer.from([0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3])],
  ])('GIVEN %s WHEN decoded and encoded again THEN the bytes are unchanged', (_name, bytes) => {
    const value = decodeValue(bytes);
    expect(value).toBeInstanceOf(Unknown);
    expect(encodeValue(value)).toEqual(bytes);
  });
});

describe('validateConfig', () => {
  test.each([
    ['a required argument set to null', { ...CONFIG, engine: null }, 'Missing required argument', 'The argument "engine" is required, but no definition was found.'],
    ['a value for a computed-only attribute', { ...CONFIG, arn: 'arn:aws:rds:x' }, 'Invalid Configuration for Read-Only Attribute', 'Cannot set value for this attribute'],
  ])('GIVEN %s WHEN validated THEN the provider rejects it as the real one does', (_name, config, summary, detail) => {
    const [problem, ...others] = validateConfig(CLUSTER, config);
    expect(others).toEqual([]);
    expect(problem.summary).toBe(summary);
    expect(problem.detail).toContain(detail);
  });

  test('GIVEN a complete configuration, with an unknown computed value WHEN validated THEN there is no problem', () => {
    expect(validateConfig(CLUSTER, { ...CONFIG, arn: UNKNOWN })).toEqual([]);
  });
});

describe('planState and completeState', () => {
  test('GIVEN a create WHEN planned THEN computed nulls are unknown, configured values stay and write-only arguments are null', () => {
    const planned = planState(CLUSTER, CONFIG, true) as Record<string, unknown>;
    expect(planned).toEqual({ ...CONFIG, arn: UNKNOWN, port: UNKNOWN, availability_zones: UNKNOWN, master_password_wo: null });
  });

  test('GIVEN an update WHEN planned THEN the proposed state is kept as it is (no change appears from nothing)', () => {
    const proposed = { ...CONFIG, arn: 'arn:x', port: 5432, availability_zones: ['a'], master_password_wo: null };
    expect(planState(CLUSTER, proposed, false)).toEqual(proposed);
  });

  test('GIVEN a planned create WHEN applied THEN unknowns get known values, collections one element, the same ones every time', () => {
    const planned = planState(CLUSTER, CONFIG, true);
    const state = completeState(CLUSTER, planned, 'seed', 'aws_rds_cluster', false) as Record<string, any>;
    expect(state.arn).toMatch(/^arn:aws:offline:eu-west-2:123456789012:aws_rds_cluster\/[0-9a-f]{12}$/);
    expect(state.port).toBe(1);
    expect(state.availability_zones).toHaveLength(1);
    expect(state.engine).toBe('aurora-postgresql');
    expect(completeState(CLUSTER, planned, 'seed', 'aws_rds_cluster', false)).toEqual(state);
  });
});
