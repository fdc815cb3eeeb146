// A stand-in provider process started once and shared by every Terraform command that names it in
// TF_REATTACH_PROVIDERS (Terraform's mechanism for providers it does not manage). Terraform would otherwise
// start each provider 2-6 times per command, ~0.3 s each: most of an offline validate or plan.
import { spawn } from 'child_process';
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

export interface AttachedProvider {
  readonly reattach: ReattachConfig;
  stop(): void;
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

/**
 * Starts `launcher` (a provider executable from the filesystem mirror) as a plugin host would, and resolves
 * once it listens. The process ends with `stop()`, and on its own when this process ends.
 */
export function attachProvider(launcher: string, environment: NodeJS.ProcessEnv): Promise<AttachedProvider> {
  const child = spawn(launcher, [], { env: { ...environment, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-16_384)));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`${launcher}: ${reason}${stderr ? `\n${stderr}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no handshake within ${HANDSHAKE_TIMEOUT_MS / 1000} s`), HANDSHAKE_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before its handshake`));
    const onHandshake = (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes('\n')) return;
      child.stdout.off('data', onHandshake);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      try {
        const reattach = parseHandshake(stdout.split('\n')[0], child.pid!);
        // The provider must not keep a finished command (or test worker) alive.
        child.unref();
        for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref(): void }).unref();
        resolve({ reattach, stop });
      } catch (error) {
        fail((error as Error).message);
      }
    };
    child.stdout.on('data', onHandshake);
  });
}
