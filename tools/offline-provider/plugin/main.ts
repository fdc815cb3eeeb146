// The stand-in provider process, started by Terraform or by the offline tools (attached-provider.ts): go-plugin's
// handshake over a Unix socket, then tfplugin6.
// Usage (from the launcher in the filesystem mirror): node main.js <schema.json> <proto directory> [<encoded schema>]
import * as grpc from '@grpc/grpc-js';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { ProviderSchema } from '../schema/provider-schema';
import { MAGIC_COOKIE } from './handshake';
import { loadProtocol, readEncodedSchema } from './protocol';
import { providerHandlers } from './provider-service';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The Provider service, except that a handler may answer with bytes already encoded (the schema). */
function withPreEncodedResponses(service: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const schemaMethod = service.GetProviderSchema;
  const serialize = schemaMethod.responseSerialize;
  return {
    ...service,
    GetProviderSchema: { ...schemaMethod, responseSerialize: (value: unknown) => (Buffer.isBuffer(value) ? value : serialize(value)) },
  };
}

/** Every socket this process listens on, removed when it exits. */
const SOCKETS: string[] = [];

/** Serves the provider for one schema on a new Unix socket; resolves to go-plugin's handshake line for it. */
function serveSchema(loaded: any, schemaFile: string, encodedSchemaFile: string | undefined, socket: string): Promise<string> {
  const server = new grpc.Server({ 'grpc.max_send_message_length': -1, 'grpc.max_receive_message_length': -1 });
  const handlers = providerHandlers(() => JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as ProviderSchema);
  const unary: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(handlers)) {
    unary[name] = (call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) => {
      try {
        callback(null, handler(call.request));
      } catch (error) {
        process.stderr.write(`${name}: ${(error as Error).stack}\n`);
        callback({ code: grpc.status.INTERNAL, message: `${name}: ${(error as Error).message}` });
      }
    };
  }
  const encodedSchema = readEncodedSchema(encodedSchemaFile);
  if (encodedSchema) unary.GetProviderSchema = (_call: unknown, callback: grpc.sendUnaryData<any>) => callback(null, encodedSchema);
  server.addService(withPreEncodedResponses(loaded.tfplugin6.Provider.service), unary);
  // go-plugin opens the stdio stream and keeps it; the stand-in writes nothing to it.
  server.addService(loaded.plugin.GRPCStdio.service, { StreamStdio: () => undefined });
  server.addService(loaded.plugin.GRPCController.service, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setImmediate(() => process.exit(0));
    },
  });
  server.addService(loaded.grpc.health.v1.Health.service, {
    Check: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, { status: 'SERVING' }),
  });
  SOCKETS.push(socket);
  return new Promise((resolve, reject) => {
    server.bindAsync(`unix:${socket}`, grpc.ServerCredentials.createInsecure(), (error) => {
      if (error) reject(new Error(`cannot listen on ${socket}: ${error.message}`));
      else resolve(`1|6|unix|${socket}|grpc|\n`);
    });
  });
}

/**
 * With DATASTACK_STAND_IN_MORE_SCHEMAS=1 (set by the offline tools, never by Terraform), each line on stdin
 * names one more schema subset, `<prefix>` for `<prefix>.json` and its encoded response `<prefix>.bin`; it is
 * served on a new socket and its handshake line written to stdout, in the order asked. One process then
 * serves many working copies.
 */
function serveMoreSchemas(loaded: any, socketFor: (index: number) => string): void {
  let served = 0;
  let answered = Promise.resolve();
  readline.createInterface({ input: process.stdin }).on('line', (prefix) => {
    const socket = socketFor(++served);
    answered = answered
      .then(() => serveSchema(loaded, `${prefix}.json`, `${prefix}.bin`, socket))
      .then((handshake) => void process.stdout.write(handshake))
      .catch((error) => fail((error as Error).message));
  });
}

function main(): void {
  const [schemaFile, protoDir, encodedSchemaFile] = process.argv.slice(2);
  if (process.env.TF_PLUGIN_MAGIC_COOKIE !== MAGIC_COOKIE) {
    fail('This is a Terraform provider plugin (the DataStack offline stand-in): Terraform starts it, not you.');
  }
  if (process.env.PLUGIN_CLIENT_CERT) {
    fail('The offline stand-in speaks plain gRPC over a Unix socket: run Terraform with TF_DISABLE_PLUGIN_TLS=1.');
  }
  const loaded = loadProtocol(protoDir);
  const socketFor = (index: number) => path.join(os.tmpdir(), `tf-offline-${process.pid}-${Date.now()}-${index}.sock`);
  process.on('exit', () => SOCKETS.forEach((socket) => fs.rmSync(socket, { force: true })));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
  // Terraform normally ends the process through Shutdown; if Terraform (or the tool that started it) dies
  // first, so does this.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(0), 1000).unref();
  serveSchema(loaded, schemaFile, encodedSchemaFile, socketFor(0)).then(
    (handshake) => {
      process.stdout.write(handshake);
      if (process.env.DATASTACK_STAND_IN_MORE_SCHEMAS === '1') serveMoreSchemas(loaded, socketFor);
    },
    (error) => fail((error as Error).message),
  );
}

main();
