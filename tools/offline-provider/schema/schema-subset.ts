// The stand-in serves Terraform only the resource, data source and ephemeral resource types a configuration
// names: the aws schema has ~1,500 types and Terraform decodes whatever a provider serves, at every provider
// start (several per command), for a stack that uses a few dozen. A type the configuration names that the
// provider does not have is absent from the subset as it is from the full schema, so Terraform refuses it
// with the same message.
import * as fs from 'fs';
import * as path from 'path';
import { ProviderSchema } from './provider-schema';

export interface ConfigurationTypes {
  readonly resources: ReadonlySet<string>;
  readonly dataSources: ReadonlySet<string>;
  readonly ephemeralResources: ReadonlySet<string>;
}

/** The types named in the Terraform JSON files (`*.tf.json`) of `directory`. */
export function configurationTypes(directory: string): ConfigurationTypes {
  const resources = new Set<string>();
  const dataSources = new Set<string>();
  const ephemeralResources = new Set<string>();
  for (const file of fs.readdirSync(directory).filter((name) => name.endsWith('.tf.json'))) {
    const configuration = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as Record<string, unknown>;
    const typesOf = (key: string) => Object.keys((configuration[key] as Record<string, unknown> | undefined) ?? {});
    typesOf('resource').forEach((type) => resources.add(type));
    typesOf('data').forEach((type) => dataSources.add(type));
    typesOf('ephemeral').forEach((type) => ephemeralResources.add(type));
  }
  return { resources, dataSources, ephemeralResources };
}

function pick<T>(all: Record<string, T>, names: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries([...names].filter((name) => Object.prototype.hasOwnProperty.call(all, name)).sort().map((name) => [name, all[name]]));
}

/** `schema` with only the types in `types` that it has; the provider block is kept whole. */
export function subsetSchema(schema: ProviderSchema, types: ConfigurationTypes): ProviderSchema {
  return {
    ...schema,
    resources: pick(schema.resources, types.resources),
    dataSources: pick(schema.dataSources, types.dataSources),
    ephemeralResources: pick(schema.ephemeralResources, types.ephemeralResources),
  };
}
