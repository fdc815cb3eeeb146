// Terraform's http state backend, served on 127.0.0.1 from memory, one state per path, stopped by the test.
// Why not local state: Terraform's local backend rewrites the whole state file after every resource it
// creates or destroys (a 640 KB file 314 times for the largest stack), which made apply and destroy 2-4x
// Terraform's CPU; a remote backend's state is sent at the end of the command (and every 20 s).
import { createHash } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';

/** A request that has not finished within this time is answered with 408; none takes more than milliseconds. */
const REQUEST_TIMEOUT_MS = 30_000;

export class HttpStateServer {
  private readonly states = new Map<string, Buffer>();
  private readonly server = http.createServer((request, response) => this.answer(request, response));
  private port = 0;

  async start(): Promise<void> {
    this.server.requestTimeout = REQUEST_TIMEOUT_MS;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The backend address of the state called `name` (one per working copy). */
  address(name: string): string {
    if (!this.port) throw new Error('the state server is not started');
    return `http://127.0.0.1:${this.port}/${encodeURIComponent(name)}`;
  }

  /** The state Terraform last stored under `name`, as it sent it; undefined before the first store. */
  state(name: string): string | undefined {
    return this.states.get(`/${encodeURIComponent(name)}`)?.toString('utf8');
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // The protocol of Terraform's http backend without locking (no lock_address): GET answers the state or 404
  // for none, POST stores the body (checked against its Content-MD5), DELETE removes it.
  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const key = request.url ?? '/';
      const body = Buffer.concat(chunks);
      const reply = (status: number, content: Buffer | string = '') => {
        response.writeHead(status);
        response.end(content);
      };
      if (request.method === 'GET') {
        const state = this.states.get(key);
        return state ? reply(200, state) : reply(404);
      }
      if (request.method === 'POST') {
        const sentHash = request.headers['content-md5'];
        if (sentHash && sentHash !== createHash('md5').update(body).digest('base64')) return reply(400, 'Content-MD5 does not match the body');
        this.states.set(key, body);
        return reply(200);
      }
      if (request.method === 'DELETE') {
        this.states.delete(key);
        return reply(200);
      }
      reply(405, `${request.method} is not part of the http backend's protocol without locking`);
    });
  }
}
