import { describeValue, ValidationRule } from '../validation';

/** DynamoDB's scalar key types: string, number, binary. */
export type KeyAttributeType = 'S' | 'N' | 'B';

/** An attribute a key or index is built on; DynamoDB takes definitions for key attributes only. */
export interface KeyAttributeDefinition {
  /** The attribute's name as items carry it. */
  readonly name: string;
  /** Its type. */
  readonly type: KeyAttributeType;
}

/** Which attributes an index copies from the table: keys only, all, or keys plus a list. */
export type IndexProjection = 'ALL' | 'KEYS_ONLY' | { readonly include: readonly string[] };

/** A global secondary index: its own partition key, optionally a sort key. */
export interface GlobalSecondaryIndexDefinition {
  /** The index name, used in Query's `IndexName`. */
  readonly name: string;
  /** The index's partition key (a declared attribute). */
  readonly hashKey: string;
  /**
   * The index's sort key (a declared attribute).
   * @default - none: the index has a partition key only
   */
  readonly rangeKey?: string;
  /** The attributes the index copies. */
  readonly projection: IndexProjection;
}

/** A local secondary index: the table's partition key with another sort key (only at table creation). */
export interface LocalSecondaryIndexDefinition {
  /** The index name, used in Query's `IndexName`. */
  readonly name: string;
  /** The index's sort key (a declared attribute). */
  readonly rangeKey: string;
  /** The attributes the index copies. */
  readonly projection: IndexProjection;
}

/** One access pattern the table's keys are designed for, served by GetItem or Query (never Scan). */
export interface AccessPatternDefinition {
  /** A short identifier, e.g. `game-by-id`; the emulator test runs a query for each. */
  readonly name: string;
  /** What the application asks. */
  readonly description: string;
  /** The call that serves it. */
  readonly operation: 'GetItem' | 'Query';
  /**
   * The index the Query reads.
   * @default - the table itself
   */
  readonly indexName?: string;
}

/**
 * A table's logical design: keys, indexes, TTL and the access patterns they serve. Data, read by the
 * `GlobalTable` construct and by the tests that rebuild the synthesized tables in an emulator.
 */
export interface TableDefinition {
  /** The table's component name; the physical name is `<system>-<environment>-<name>`. */
  readonly name: string;
  /** What the table holds. */
  readonly description: string;
  /** Every attribute a key or index uses, and no other (DynamoDB rejects unused definitions). */
  readonly attributes: readonly KeyAttributeDefinition[];
  /** The table's partition key. */
  readonly hashKey: string;
  /**
   * The table's sort key.
   * @default - none: one item per partition key
   */
  readonly rangeKey?: string;
  /**
   * Global secondary indexes.
   * @default - none
   */
  readonly globalSecondaryIndexes?: readonly GlobalSecondaryIndexDefinition[];
  /**
   * Local secondary indexes (need a table sort key; only possible when the table is created).
   * @default - none
   */
  readonly localSecondaryIndexes?: readonly LocalSecondaryIndexDefinition[];
  /**
   * The Number attribute holding an epoch-seconds expiry; DynamoDB deletes expired items (within days).
   * @default - no TTL
   */
  readonly ttlAttribute?: string;
  /**
   * The access patterns the keys serve; documentation checked against the indexes.
   * @default - none
   */
  readonly accessPatterns?: readonly AccessPatternDefinition[];
}

/** The names of the attributes a table's keys and indexes use, in first-use order. */
export function keyAttributeNames(definition: TableDefinition): string[] {
  const names = [
    definition.hashKey,
    definition.rangeKey,
    ...(definition.globalSecondaryIndexes ?? []).flatMap((index) => [index.hashKey, index.rangeKey]),
    ...(definition.localSecondaryIndexes ?? []).map((index) => index.rangeKey),
  ].filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

/** The names of the table's indexes, global then local. */
export function indexNames(definition: TableDefinition): string[] {
  return [...(definition.globalSecondaryIndexes ?? []), ...(definition.localSecondaryIndexes ?? [])].map((index) => index.name);
}

const TABLE_NAME_PART = /^[a-zA-Z0-9_.-]+$/;

/**
 * The checks of a table definition: keys and indexes only over declared attributes, no declared
 * attribute left unused, unique index names, LSIs only with a table sort key, access patterns over
 * existing indexes. `setting` names the definition in messages (`dynamodb.tables.games`).
 */
export function tableDefinitionRules(setting: string, definition: TableDefinition): ValidationRule[] {
  const attributes = definition.attributes ?? [];
  const declared = attributes.map((attribute) => attribute.name);
  const accepted = `a declared attribute (${declared.join(', ')})`;
  const declaredRule = (prop: string, value: string | undefined): ValidationRule => ({
    condition: value !== undefined && declared.includes(value),
    message: `${setting}.${prop} must be ${accepted}, got ${describeValue(value)}`,
  });
  const optionalDeclaredRule = (prop: string, value: string | undefined): ValidationRule[] =>
    value === undefined ? [] : [declaredRule(prop, value)];

  const gsis = definition.globalSecondaryIndexes ?? [];
  const lsis = definition.localSecondaryIndexes ?? [];
  const used = keyAttributeNames(definition);
  const names = indexNames(definition);

  const rules: ValidationRule[] = [
    {
      condition: typeof definition.name === 'string' && TABLE_NAME_PART.test(definition.name),
      message: `${setting}.name must be letters, digits, "_", "-" or ".", got ${describeValue(definition.name)}`,
    },
    declaredRule('hashKey', definition.hashKey),
    ...optionalDeclaredRule('rangeKey', definition.rangeKey),
    ...gsis.flatMap((index, i) => [
      declaredRule(`globalSecondaryIndexes[${i}].hashKey`, index.hashKey),
      ...optionalDeclaredRule(`globalSecondaryIndexes[${i}].rangeKey`, index.rangeKey),
    ]),
    ...lsis.map((index, i) => declaredRule(`localSecondaryIndexes[${i}].rangeKey`, index.rangeKey)),
    ...attributes.map((attribute, i) => ({
      condition: used.includes(attribute.name),
      message: `${setting}.attributes[${i}] must be used by the table's key or an index (DynamoDB rejects unused attribute definitions), got ${describeValue(attribute.name)} which no key uses`,
    })),
    ...attributes.map((attribute, i) => ({
      condition: declared.indexOf(attribute.name) === i,
      message: `${setting}.attributes[${i}] must declare each attribute once, got ${describeValue(attribute.name)} again`,
    })),
    ...names.map((name, i) => ({
      condition: names.indexOf(name) === i,
      message: `${setting} index names must be unique, got ${describeValue(name)} more than once`,
    })),
    // Limits of one table: 20 GSIs (default quota), 5 LSIs.
    { condition: gsis.length <= 20, message: `${setting}.globalSecondaryIndexes must have at most 20 entries, got ${gsis.length}` },
    { condition: lsis.length <= 5, message: `${setting}.localSecondaryIndexes must have at most 5 entries, got ${lsis.length}` },
  ];
  if (lsis.length > 0) {
    rules.push({
      condition: definition.rangeKey !== undefined,
      message: `${setting}.localSecondaryIndexes need the table to have a rangeKey, got none`,
    });
  }
  (definition.accessPatterns ?? []).forEach((pattern, i) => {
    if (pattern.indexName !== undefined) {
      rules.push({
        condition: names.includes(pattern.indexName),
        message: `${setting}.accessPatterns[${i}].indexName must be one of the table's indexes (${names.join(', ') || 'none'}), got ${describeValue(pattern.indexName)}`,
      });
    }
  });
  return rules;
}
