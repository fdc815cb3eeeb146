// The provider schema in tfplugin6's message shapes (GetProviderSchema.Response).
import { AttributeSchema, BlockSchema, ProviderSchema } from '../schema/provider-schema';

function attributeMessage(name: string, attribute: AttributeSchema): object {
  return {
    name,
    type: Buffer.from(JSON.stringify(attribute.type)),
    required: attribute.required ?? false,
    optional: attribute.optional ?? false,
    computed: attribute.computed ?? false,
    sensitive: attribute.sensitive ?? false,
    write_only: attribute.writeOnly ?? false,
  };
}

function blockMessage(block: BlockSchema): object {
  return {
    version: 0,
    attributes: Object.entries(block.attributes).map(([name, attribute]) => attributeMessage(name, attribute)),
    block_types: Object.entries(block.blocks).map(([name, nested]) => ({
      type_name: name,
      block: blockMessage(nested.block),
      nesting: nested.nesting === 'set' ? 'SET' : 'LIST',
      min_items: nested.minItems,
      max_items: nested.maxItems,
    })),
  };
}

function schemas(blocks: Record<string, BlockSchema>): Record<string, object> {
  return Object.fromEntries(Object.entries(blocks).map(([name, block]) => [name, { version: 0, block: blockMessage(block) }]));
}

export function schemaResponse(schema: ProviderSchema): object {
  return {
    provider: { version: 0, block: blockMessage(schema.provider) },
    resource_schemas: schemas(schema.resources),
    data_source_schemas: schemas(schema.dataSources),
    ephemeral_resource_schemas: schemas(schema.ephemeralResources),
    diagnostics: [],
    // get_provider_schema_optional: Terraform reuses the schema it already fetched in this command instead
    // of asking every new provider process again (it starts the aws provider 2-4 times per command).
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false },
  };
}
