// A local S3 server for the S3 backend: s3rver on 127.0.0.1, in a temporary directory, stopped by the test.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// s3rver ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver: any = require('s3rver');

export interface ObjectEvent {
  readonly event: 'put' | 'delete';
  readonly key: string;
}

export class LocalS3Server {
  readonly events: ObjectEvent[] = [];
  private readonly directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-s3rver-'));
  private server: any;
  endpoint = '';

  constructor(readonly bucket: string) {}

  async start(): Promise<void> {
    this.server = new S3rver({ address: '127.0.0.1', port: 0, directory: this.directory, silent: true, configureBuckets: [{ name: this.bucket }] });
    // S3 refuses a PUT with `If-None-Match: *` when the key exists (conditional writes, what Terraform's
    // use_lockfile relies on); s3rver 3.7 ignores the header on PUT, so this answers 412 as S3 does.
    this.server.middleware.unshift(async (ctx: any, next: () => Promise<void>) => {
      if (ctx.method === 'PUT' && ctx.get('if-none-match') === '*') {
        const key = decodeURIComponent(ctx.path.replace(`/${this.bucket}/`, ''));
        if (await this.server.store.existsObject(this.bucket, key)) {
          ctx.status = 412;
          ctx.type = 'application/xml';
          ctx.body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>';
          return;
        }
      }
      await next();
    });
    this.server.on('event', (event: any) => {
      for (const record of event.Records) {
        this.events.push({ event: record.eventName.startsWith('ObjectRemoved') ? 'delete' : 'put', key: decodeURIComponent(record.s3.object.key) });
      }
    });
    const address = await this.server.run();
    this.endpoint = `http://127.0.0.1:${address.port}`;
  }

  exists(key: string): Promise<boolean> {
    return this.server.store.existsObject(this.bucket, key);
  }

  async read(key: string): Promise<string> {
    const object = await this.server.store.getObject(this.bucket, key);
    const chunks: Buffer[] = [];
    for await (const chunk of object.content) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }

  async stop(): Promise<void> {
    if (this.server?.httpServer) await this.server.close();
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}

/** The S3 backend settings that point a stack's real backend block at the local server (-backend-config). */
export function localBackendConfig(endpoint: string): string {
  return [
    `endpoints = { s3 = "${endpoint}" }`,
    'use_path_style = true',
    'access_key = "S3RVER"',
    'secret_key = "S3RVER"',
    'skip_credentials_validation = true',
    'skip_requesting_account_id = true',
    'skip_metadata_api_check = true',
    'skip_region_validation = true',
    'skip_s3_checksum = true',
    '',
  ].join('\n');
}
