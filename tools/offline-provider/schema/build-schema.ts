// Reconstructs a provider's schema from its cdktf bindings' TypeScript. Each attribute carries a comment
// `// <name> - computed: x, optional: y, required: z`; `synthesizeHclAttributes` / `<struct>ToHclTerraform`
// give the type of every configurable attribute; getters give the type of computed-only ones; the config
// interfaces' doc comment "<name> block" tells nested blocks from object-typed attributes.
import * as fs from 'fs';
import * as path from 'path';
import { bindingSources } from './binding-source';
import { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema, ProviderSchema, containsDynamic } from './provider-schema';
import { SENSITIVE_ATTRIBUTES, WRITE_ONLY_ATTRIBUTES } from './schema-overrides';

interface Flags {
  readonly computed: boolean;
  readonly optional: boolean;
  readonly required: boolean;
}
interface HclAttribute {
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}
interface Member {
  readonly optional: boolean;
  readonly isBlock: boolean;
}
/** One class's attributes in source order: flags and the getter's code. */
type ClassAttributes = Map<string, { flags: Flags; getter: string }>;

/** The parsed declarations of one binding folder. */
class BindingFile {
  readonly interfaces = new Map<string, Map<string, Member>>();
  readonly hcl = new Map<string, Map<string, HclAttribute>>();
  readonly classes = new Map<string, { base: string; body: string; attributes: ClassAttributes }>();

  constructor(source: string) {
    for (const [, name, body] of source.matchAll(/export interface (\w+)(?: extends [\w.]+)? \{([\s\S]*?)\n\}/g)) {
      const members = new Map<string, Member>();
      for (const [, doc, optional] of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*readonly \w+(\?)?:/g)) {
        const anchor = doc.match(/#(\w+) \w+#/);
        if (!anchor) continue;
        const tfName = anchor[1];
        members.set(tfName, { optional: optional === '?', isBlock: new RegExp(`^\\s*\\* ${tfName} block\\s*$`, 'm').test(doc) });
      }
      this.interfaces.set(name, members);
    }
    for (const [, fn, body] of source.matchAll(/export function (\w+)ToHclTerraform\([^)]*\): any \{([\s\S]*?)\n\}/g)) {
      this.hcl.set(fn.charAt(0).toUpperCase() + fn.slice(1), parseHclAttributes(body));
    }
    for (const [, name, base, body] of source.matchAll(/export class (\w+) extends ([\w.]+) \{([\s\S]*?)\n\}\n/g)) {
      const attributes: ClassAttributes = new Map();
      const parts = body.split(/\n {2}\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)\n/);
      for (let i = 1; i + 4 < parts.length + 1; i += 5) {
        attributes.set(parts[i], {
          flags: { computed: parts[i + 1] === 'true', optional: parts[i + 2] === 'true', required: parts[i + 3] === 'true' },
          getter: parts[i + 4] ?? '',
        });
      }
      this.classes.set(name, { base, body, attributes });
      const synth = body.match(/protected synthesizeHclAttributes\(\)[^{]*\{([\s\S]*?)\n {2}\}/);
      if (synth) this.hcl.set(name, parseHclAttributes(synth[1]));
    }
  }
}

function parseHclAttributes(body: string): Map<string, HclAttribute> {
  const attributes = new Map<string, HclAttribute>();
  const entry = /(\w+): \{\s*value: [^\n]*\n\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",/g;
  for (const [, name, isBlock, type, storageClassType] of body.matchAll(entry)) {
    attributes.set(name, { isBlock: isBlock === 'true', type, storageClassType });
  }
  return attributes;
}

const PRIMITIVES: Record<string, CtyType> = { string: 'string', number: 'number', boolean: 'bool', any: 'dynamic' };

/** Builds block schemas out of one binding folder's declarations. */
class SchemaReader {
  constructor(private readonly file: BindingFile) {}

  /** The schema of a resource, data source or provider class, or of a struct used as a block. */
  block(className: string, interfaceName: string, hclName: string, skip: readonly string[] = []): BlockSchema {
    const declared = this.file.classes.get(className)?.attributes;
    const hcl = this.file.hcl.get(hclName) ?? new Map<string, HclAttribute>();
    const members = this.file.interfaces.get(interfaceName) ?? new Map<string, Member>();
    // Structs without an OutputReference class (provider configuration) are input-only: every field optional.
    const names: [string, Flags, string][] = declared
      ? [...declared].map(([name, { flags, getter }]) => [name, flags, getter])
      : [...hcl.keys()].map((name) => [name, { computed: false, optional: true, required: false }, '']);
    const attributes: Record<string, AttributeSchema> = {};
    const blocks: Record<string, NestedBlockSchema> = {};
    for (const [name, flags, getter] of names) {
      if (skip.includes(name)) continue;
      const hclAttribute = hcl.get(name);
      const member = members.get(name);
      if (hclAttribute && member?.isBlock && !['simple', 'map'].includes(hclAttribute.type)) {
        blocks[name] = this.nestedBlock(hclAttribute, member);
        continue;
      }
      const type = hclAttribute ? this.hclType(hclAttribute) : this.getterType(getter);
      attributes[name] = { type, ...definedFlags(flags) };
    }
    return { attributes, blocks };
  }

  private nestedBlock(hcl: HclAttribute, member: Member): NestedBlockSchema {
    const struct = structName(hcl.storageClassType, hcl.type);
    const block = this.structBlock(struct);
    const single = hcl.type === 'struct';
    // Terraform core rejects set blocks holding dynamic attributes (cdktf typed a few deep ones `any`).
    const nesting = hcl.type === 'set' && !containsDynamic(['object', objectAttributes(block)]) ? 'set' : 'list';
    return { nesting, minItems: member.optional ? 0 : 1, maxItems: single ? 1 : 0, block };
  }

  private structBlock(struct: string): BlockSchema {
    return this.block(`${struct}OutputReference`, struct, struct);
  }

  private structObject(struct: string): CtyType {
    return ['object', objectAttributes(this.structBlock(struct))];
  }

  private hclType({ type, storageClassType }: HclAttribute): CtyType {
    if (type === 'simple') return PRIMITIVES[storageClassType] ?? 'dynamic';
    const kind = type === 'struct' ? 'object' : type;
    const element = /^(string|number|boolean|any)(List|Map)?(List|Map)$/.exec(storageClassType);
    if (element) {
      const inner: CtyType = PRIMITIVES[element[1]];
      const nested: CtyType = element[2] ? [element[2] === 'List' ? 'list' : 'map', inner] : inner;
      return [kind, nested];
    }
    const object = this.structObject(structName(storageClassType, type));
    return kind === 'object' ? object : [kind, object];
  }

  private getterType(getter: string): CtyType {
    const complex = getter.match(/new (\w+)(List|Map|OutputReference)\(this, "\w+"(?:, (true|false))?\)/);
    if (complex && !complex[1].startsWith('cdktf')) {
      const object = this.structObject(complex[1]);
      if (complex[2] === 'Map') return ['map', object];
      if (complex[2] === 'OutputReference') return ['list', object];
      return [complex[3] === 'true' ? 'set' : 'list', object];
    }
    const map = getter.match(/new cdktf\.(String|Number|Boolean|Any)Map\(/);
    if (map) return ['map', PRIMITIVES[map[1].toLowerCase()] ?? 'dynamic'];
    const set = getter.includes('cdktf.Fn.tolist(');
    if (getter.includes('getNumberListAttribute')) return [set ? 'set' : 'list', 'number'];
    if (getter.includes('getListAttribute')) return [set ? 'set' : 'list', 'string'];
    if (getter.includes('getStringAttribute')) return 'string';
    if (getter.includes('getNumberAttribute')) return 'number';
    if (getter.includes('getBooleanAttribute')) return 'bool';
    return 'dynamic';
  }
}

function structName(storageClassType: string, type: string): string {
  return type === 'struct' ? storageClassType : storageClassType.replace(/(List|Map)$/, '');
}

function objectAttributes(block: BlockSchema): Record<string, CtyType> {
  const attributes: Record<string, CtyType> = {};
  for (const [name, attribute] of Object.entries(block.attributes)) attributes[name] = attribute.type;
  for (const [name, nested] of Object.entries(block.blocks)) {
    const object: CtyType = ['object', objectAttributes(nested.block)];
    attributes[name] = nested.nesting === 'set' ? ['set', object] : ['list', object];
  }
  return attributes;
}

function definedFlags(flags: Flags): Omit<AttributeSchema, 'type'> {
  return {
    ...(flags.required ? { required: true } : {}),
    ...(flags.optional ? { optional: true } : {}),
    ...(flags.computed ? { computed: true } : {}),
  };
}

function applyOverrides(type: string, block: BlockSchema): BlockSchema {
  const attributes = { ...block.attributes };
  for (const name of SENSITIVE_ATTRIBUTES[type] ?? []) {
    if (attributes[name]) attributes[name] = { ...attributes[name], sensitive: true };
  }
  for (const name of WRITE_ONLY_ATTRIBUTES[type] ?? []) {
    if (attributes[name]) attributes[name] = { ...attributes[name], sensitive: true, writeOnly: true };
  }
  return { ...block, attributes };
}

/**
 * Ephemeral resources are not in the bindings. The one DataStack uses, random_password, takes the managed
 * resource's arguments (without keepers) and returns result and bcrypt_hash.
 */
function ephemeralResources(resources: Record<string, BlockSchema>): Record<string, BlockSchema> {
  const password = resources.random_password;
  if (!password) return {};
  const attributes = Object.fromEntries(
    Object.entries(password.attributes).filter(([name]) => !['keepers', 'id', 'number'].includes(name)),
  );
  return { random_password: { attributes, blocks: {} } };
}

/** The schema of the provider whose cdktf bindings are installed in `packageDir`. */
export function buildProviderSchema(packageDir: string): ProviderSchema {
  const resources: Record<string, BlockSchema> = {};
  const dataSources: Record<string, BlockSchema> = {};
  let provider: BlockSchema | undefined;
  let name = '';
  let version = '';
  for (const { source } of bindingSources(packageDir)) {
    const file = new BindingFile(source);
    const reader = new SchemaReader(file);
    for (const [className, declaration] of file.classes) {
      const tfType = declaration.body.match(/public static readonly tfResourceType = "(\w+)";/)?.[1];
      if (!tfType) continue;
      if (declaration.base === 'cdktf.TerraformProvider') {
        // `alias` is a meta-argument of every provider block, not part of the provider's schema.
        provider = reader.block(className, `${className}Config`, className, ['alias']);
        name = tfType;
        version = declaration.body.match(/providerVersion: '([^']+)'/)?.[1] ?? '';
      } else if (declaration.base === 'cdktf.TerraformResource') {
        resources[tfType] = applyOverrides(tfType, reader.block(className, `${className}Config`, className));
      } else if (declaration.base === 'cdktf.TerraformDataSource') {
        dataSources[tfType] = reader.block(className, `${className}Config`, className);
      }
    }
  }
  if (!provider) throw new Error(`${packageDir} holds no provider class: not a cdktf provider package`);
  return { name, version, provider, resources, dataSources, ephemeralResources: ephemeralResources(resources) };
}

/** The installed bindings package's own version (the cache key). */
export function packageVersion(packageDir: string): string {
  return JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
}
