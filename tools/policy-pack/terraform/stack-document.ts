// A synthesized stack's Terraform JSON (cdk.tf.json) as the rules read it: blocks by address, the
// provider each block uses, and whether the stack is a production one.

/** The Terraform JSON cdktf writes: `resource`, `data`, `ephemeral`, `output`, `provider`, `terraform`. */
export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, TerraformBody>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, TerraformBody>>>>;
  readonly ephemeral?: Readonly<Record<string, Readonly<Record<string, TerraformBody>>>>;
  readonly output?: Readonly<Record<string, TerraformBody>>;
  readonly provider?: Readonly<Record<string, readonly TerraformBody[]>>;
  readonly [key: string]: unknown;
}

/** A block's arguments as synthesized (nested blocks are objects or arrays of objects). */
export type TerraformBody = Readonly<Record<string, unknown>>;

export type BlockMode = 'resource' | 'data' | 'ephemeral';

/** One resource, data source or ephemeral resource of the stack. */
export interface TerraformBlock {
  readonly mode: BlockMode;
  readonly type: string;
  readonly name: string;
  /** Terraform's address: `aws_kms_key.Key_1A2B`, `data.aws_iam_policy_document.Policy_3C4D`. */
  readonly address: string;
  readonly body: TerraformBody;
}

/** `aws_kms_key.X`, `data.aws_vpc.Y`, `ephemeral.random_password.Z`. */
export function blockAddress(mode: BlockMode, type: string, name: string): string {
  return mode === 'resource' ? `${type}.${name}` : `${mode}.${type}.${name}`;
}

const PRODUCTION_ENVIRONMENTS = ['prod', 'production'];

/** The blocks of one synthesized stack, indexed by address and by type. */
export class StackDocument {
  private readonly byAddress = new Map<string, TerraformBlock>();
  private readonly byType = new Map<string, TerraformBlock[]>();

  constructor(
    /** The stack's name (`gaming-platform-prod`). */
    public readonly stack: string,
    public readonly json: TerraformJson,
  ) {
    for (const mode of ['resource', 'data', 'ephemeral'] as const) {
      for (const [type, blocks] of Object.entries(json[mode] ?? {})) {
        for (const [name, body] of Object.entries(blocks)) {
          const block: TerraformBlock = { mode, type, name, address: blockAddress(mode, type, name), body };
          this.byAddress.set(block.address, block);
          const key = `${mode}:${type}`;
          this.byType.set(key, [...(this.byType.get(key) ?? []), block]);
        }
      }
    }
  }

  /** Managed resources of the given types (every managed resource when none is given), in document order. */
  resources(...types: readonly string[]): TerraformBlock[] {
    if (types.length === 0) return this.allBlocks().filter((block) => block.mode === 'resource');
    return types.flatMap((type) => this.byType.get(`resource:${type}`) ?? []);
  }

  /** Data sources of the given type. */
  dataSources(type: string): TerraformBlock[] {
    return this.byType.get(`data:${type}`) ?? [];
  }

  /** Every block (resources, data sources, ephemeral resources). */
  allBlocks(): TerraformBlock[] {
    return [...this.byAddress.values()];
  }

  /** The block at `address`, if the stack declares it. */
  block(address: string): TerraformBlock | undefined {
    return this.byAddress.get(address);
  }

  /** The stack's outputs by name. */
  outputs(): [string, TerraformBody][] {
    return Object.entries(this.json.output ?? {});
  }

  /** The `aws` provider configuration a block uses (its `provider` argument names an alias, or the default). */
  awsProviderOf(block: TerraformBlock): TerraformBody | undefined {
    const providers = this.json.provider?.aws ?? [];
    const reference = typeof block.body.provider === 'string' ? block.body.provider : undefined;
    const alias = reference?.startsWith('aws.') ? reference.slice('aws.'.length) : undefined;
    return providers.find((provider) => (alias === undefined ? provider.alias === undefined : provider.alias === alias));
  }

  /** The Region a block is created in, from its provider's `region`; undefined when not stated. */
  regionOf(block: TerraformBlock): string | undefined {
    const region = this.awsProviderOf(block)?.region;
    return typeof region === 'string' && !region.includes('${') ? region : undefined;
  }

  /**
   * A production stack: its name ends with `-prod`, or an aws provider's default tags say
   * `Environment = prod` (or `production`).
   */
  get isProduction(): boolean {
    if (this.stack.endsWith('-prod')) return true;
    return (this.json.provider?.aws ?? []).some((provider) =>
      asBlocks(provider.default_tags).some((tags) => {
        const environment = (tags.tags as Record<string, unknown> | undefined)?.Environment;
        return typeof environment === 'string' && PRODUCTION_ENVIRONMENTS.includes(environment.toLowerCase());
      }),
    );
  }
}

/** A nested block as cdktf writes it (an object, or a list of objects), as a list. */
export function asBlocks(value: unknown): TerraformBody[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((item): item is TerraformBody => typeof item === 'object' && item !== null);
  return typeof value === 'object' ? [value as TerraformBody] : [];
}
