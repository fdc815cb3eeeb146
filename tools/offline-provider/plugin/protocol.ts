import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
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

/** Where the encoded GetProviderSchema response of a cached schema file is kept: re-encoded when the protocol or the encoding changes. */
export function encodedSchemaFile(schemaFile: string, protoDirectory: string): string {
  const hash = createHash('sha256');
  for (const file of [path.join(protoDirectory, 'tfplugin6.proto'), path.join(__dirname, 'schema-response.ts')]) {
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  }
  return schemaFile.replace(/\.json$/, `.GetProviderSchema-${hash.digest('hex').slice(0, 12)}.bin`);
}

/**
 * The GetProviderSchema response, protobuf-encoded. Encoding the aws schema takes ~0.8 s and Terraform
 * starts the provider several times per command, so it is encoded once, next to the cached schema.
 */
export function encodeSchemaResponse(protocol: any, schema: ProviderSchema): Buffer {
  return protocol.tfplugin6.Provider.service.GetProviderSchema.responseSerialize(schemaResponse(schema));
}

export function readEncodedSchema(encodedFile: string | undefined): Buffer | undefined {
  return encodedFile && fs.existsSync(encodedFile) ? fs.readFileSync(encodedFile) : undefined;
}
