// The provider schema the stand-in serves, in Terraform's own terms (cty type JSON, nesting modes).

/** A cty type as Terraform writes it in JSON: "string", ["list", "string"], ["object", {...}], "dynamic". */
export type CtyType = string | [string, CtyType] | ['object', Record<string, CtyType>];

export interface AttributeSchema {
  readonly type: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly writeOnly?: boolean;
}

export type BlockNesting = 'list' | 'set';

export interface NestedBlockSchema {
  readonly nesting: BlockNesting;
  readonly minItems: number;
  readonly maxItems: number;
  readonly block: BlockSchema;
}

export interface BlockSchema {
  readonly attributes: Record<string, AttributeSchema>;
  readonly blocks: Record<string, NestedBlockSchema>;
}

export interface ProviderSchema {
  /** Registry type of the provider: `aws`, `random`. */
  readonly name: string;
  /** The provider version the bindings were generated from (hashicorp/aws 6.25.0). */
  readonly version: string;
  readonly provider: BlockSchema;
  readonly resources: Record<string, BlockSchema>;
  readonly dataSources: Record<string, BlockSchema>;
  readonly ephemeralResources: Record<string, BlockSchema>;
}

/** The cty type of a block's value as a whole: what references to it and its state have. */
export function blockType(block: BlockSchema): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, attribute] of Object.entries(block.attributes)) attributes[name] = attribute.type;
  for (const [name, nested] of Object.entries(block.blocks)) attributes[name] = [nested.nesting, blockType(nested.block)];
  return ['object', attributes];
}

export function containsDynamic(type: CtyType): boolean {
  if (type === 'dynamic') return true;
  if (typeof type === 'string') return false;
  if (type[0] === 'object') return Object.values(type[1] as Record<string, CtyType>).some(containsDynamic);
  return containsDynamic(type[1] as CtyType);
}
