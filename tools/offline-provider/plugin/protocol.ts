import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import * as fs from 'fs';
import { ProviderSchema } from '../schema/provider-schema';
import { schemaResponse } from './schema-response';

/** tfplugin6, go-plugin's services and gRPC health, loaded from the .proto files in `protoDirectory`. */
export function loadProtocol(protoDirectory: string): any {
  const definition = protoLoader.loadSync(['tfplugin6.proto', 'go-plugin.proto', 'health.proto'], {
    includeDirs: [protoDirectory],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition);
}

/** Where the encoded GetProviderSchema response of a cached schema file is kept. */
export function encodedSchemaFile(schemaFile: string): string {
  return schemaFile.replace(/\.json$/, '.GetProviderSchema.bin');
}

/**
 * The GetProviderSchema response, protobuf-encoded. Encoding the aws schema takes ~0.8 s and Terraform
 * starts the provider several times per command, so it is encoded once, next to the cached schema.
 */
export function encodeSchemaResponse(protocol: any, schema: ProviderSchema): Buffer {
  return protocol.tfplugin6.Provider.service.GetProviderSchema.responseSerialize(schemaResponse(schema));
}

export function readEncodedSchema(schemaFile: string): Buffer | undefined {
  const file = encodedSchemaFile(schemaFile);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}
