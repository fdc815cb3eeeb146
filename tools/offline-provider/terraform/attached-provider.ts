// Stand-in provider processes started once and shared by every Terraform command that names them in
// TF_REATTACH_PROVIDERS (Terraform's mechanism for providers it does not manage). Terraform would otherwise
// start each provider 2-6 times per command, ~0.3 s each: most of an offline validate or plan. One process
// serves several schema subsets, each on its own socket (plugin/main.ts, DATASTACK_STAND_IN_MORE_SCHEMAS).
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { MAGIC_COOKIE } from '../plugin/handshake';

/** A provider answers its handshake in well under a second; a wedged one is stopped rather than waited on. */
const HANDSHAKE_TIMEOUT_MS = 30_000;

/** One entry of TF_REATTACH_PROVIDERS, as go-plugin reads it. */
export interface ReattachConfig {
  readonly Protocol: 'grpc';
  readonly ProtocolVersion: number;
  readonly Pid: number;
  /** Terraform neither stops nor kills the process: its owner (`stop()`) does. */
  readonly Test: true;
  readonly Addr: { readonly Network: string; readonly String: string };
}

/**
 * Parses go-plugin's handshake line, `<core version>|<protocol version>|<network>|<address>|grpc|`.
 * Anything else is reported with the line, so a plugin that fails before listening says why.
 */
export function parseHandshake(line: string, pid: number): ReattachConfig {
  const [core, protocolVersion, network, address, protocol] = line.trim().split('|');
  if (core !== '1' || protocol !== 'grpc' || !/^\d+$/.test(protocolVersion ?? '') || !network || !address) {
    throw new Error(`the stand-in provider's handshake is not go-plugin's "1|<version>|<network>|<address>|grpc|": ${JSON.stringify(line.trim())}`);
  }
  return { Protocol: 'grpc', ProtocolVersion: Number(protocolVersion), Pid: pid, Test: true, Addr: { Network: network, String: address } };
}

/** A stand-in provider process: the schema it was started with, and more on request, each on its own socket. */
export class ProviderProcess {
  private stderr = '';
  private stdout = '';
  /** Handshake lines awaited, in the order they were asked for. */
  private readonly waiting: { resolve: (reattach: ReattachConfig) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }[] = [];
  private ended: string | undefined;

  private constructor(
    private readonly launcher: string,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-16_384)));
    child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk.toString()));
    child.once('error', (error) => this.failAll(error.message));
    // 'close', not 'exit': only then has everything it wrote to stderr been read (the error names it).
    child.once('close', (code, signal) => this.failAll(`exited (${signal ?? `code ${code}`})`));
    // The provider must not keep a finished command (or test worker) alive.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref(): void }).unref();
  }

  /**
   * Starts `launcher` (a provider executable from the filesystem mirror) as a plugin host would, and resolves
   * once it listens with the schema its environment names. It stops with `stop()`, and on its own when this
   * process ends.
   */
  static start(launcher: string, environment: NodeJS.ProcessEnv): Promise<{ process: ProviderProcess; reattach: ReattachConfig }> {
    const child = spawn(launcher, [], {
      env: { ...environment, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, DATASTACK_STAND_IN_MORE_SCHEMAS: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const started = new ProviderProcess(launcher, child);
    return started.nextHandshake().then((reattach) => ({ process: started, reattach }));
  }

  /** Serves the schema subset at `<prefix>.json` (encoded response `<prefix>.bin`) on a new socket of this process. */
  serve(prefix: string): Promise<ReattachConfig> {
    const handshake = this.nextHandshake();
    if (!this.ended) this.child.stdin.write(`${prefix}\n`);
    return handshake;
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
  }

  private nextHandshake(): Promise<ReattachConfig> {
    if (this.ended) return Promise.reject(new Error(this.ended));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(`no handshake within ${HANDSHAKE_TIMEOUT_MS / 1000} s`);
        this.stop();
      }, HANDSHAKE_TIMEOUT_MS);
      this.waiting.push({ resolve, reject, timer });
    });
  }

  private onStdout(text: string): void {
    this.stdout += text;
    let newline: number;
    while ((newline = this.stdout.indexOf('\n')) !== -1) {
      const line = this.stdout.slice(0, newline);
      this.stdout = this.stdout.slice(newline + 1);
      const next = this.waiting.shift();
      if (!next) continue;
      clearTimeout(next.timer);
      try {
        next.resolve(parseHandshake(line, this.child.pid!));
      } catch (error) {
        next.reject(new Error(`${this.launcher}: ${(error as Error).message}`));
        this.failAll((error as Error).message);
        this.stop();
      }
    }
  }

  private failAll(reason: string): void {
    this.ended ??= `${this.launcher}: ${reason}${this.stderr ? `\n${this.stderr}` : ''}`;
    for (const waiting of this.waiting.splice(0)) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(this.ended));
    }
  }
}
