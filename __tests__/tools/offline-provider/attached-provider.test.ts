// Terraform attaches to stand-in provider processes started once (TF_REATTACH_PROVIDERS) instead of starting
// them for every command: proven on a real stack with Terraform's own debug log, and the start-up failures
// shown with real launchers.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { attachProvider, parseHandshake } from '../../../tools/offline-provider/terraform/attached-provider';
import { OfflineTerraform, TerraformResult } from '../../../tools/offline-provider/terraform/offline-terraform';
import { stateBackendSystem } from '../../../stacks/state-backend/state-backend-system';
import { STATE_BUCKET } from '../../../stacks/state-backend/state-bucket-config';
import { synthesizeSystems } from '../../../stacks/synthesis/synthesize-systems';

jest.setTimeout(120_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-attached-provider-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function launcher(name: string, script: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return file;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilStopped(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100 && isRunning(pid); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  return !isRunning(pid);
}

describe('parseHandshake', () => {
  test('GIVEN go-plugin handshake line WHEN parsed THEN it is the reattach entry Terraform reads', () => {
    expect(parseHandshake('1|6|unix|/tmp/tf-offline-1.sock|grpc|\n', 42)).toEqual({
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: 42,
      Test: true,
      Addr: { Network: 'unix', String: '/tmp/tf-offline-1.sock' },
    });
  });

  test.each([
    ['a message instead of a handshake', 'listening'],
    ['the net/rpc protocol', '1|5|unix|/tmp/a.sock|netrpc|'],
    ['no address', '1|6|unix||grpc|'],
    ['a protocol version that is not a number', '1|six|unix|/tmp/a.sock|grpc|'],
  ])('GIVEN %s WHEN parsed THEN it is refused, quoting the line', (_case, line) => {
    expect(() => parseHandshake(line, 1)).toThrow(`the stand-in provider's handshake is not go-plugin's "1|<version>|<network>|<address>|grpc|": ${JSON.stringify(line)}`);
  });
});

describe('attachProvider', () => {
  test('GIVEN a launcher that exits before its handshake WHEN attached THEN it fails naming the launcher, the exit code and what it wrote', async () => {
    const failing = launcher('exits', 'echo "schema file missing" >&2; exit 3');
    await expect(attachProvider(failing, process.env)).rejects.toThrow(`${failing}: exited (code 3) before its handshake\nschema file missing`);
  });

  test('GIVEN a launcher that prints something else WHEN attached THEN it fails quoting the line and the process is stopped', async () => {
    const pidFile = path.join(scratch, 'chatty.pid');
    const chatty = launcher('chatty', `echo $$ > '${pidFile}'; echo "hello"; exec sleep 30`);
    await expect(attachProvider(chatty, process.env)).rejects.toThrow(`${chatty}: the stand-in provider's handshake is not go-plugin's`);
    expect(await waitUntilStopped(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  test('GIVEN a launcher WHEN attached THEN it is started with the plugin cookie in its environment', async () => {
    const pidFile = path.join(scratch, 'cookie.pid');
    const echoing = launcher('cookie', `echo $$ > '${pidFile}'; echo "1|6|unix|$TF_PLUGIN_MAGIC_COOKIE|grpc|"; exec sleep 30`);
    const attached = await attachProvider(echoing, process.env);
    attached.stop();
    expect(attached.reattach.Addr.String).toMatch(/^[0-9a-f]{64}$/);
    expect(await waitUntilStopped(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(true);
  });
});

describe('offline Terraform with attached providers', () => {
  const outdir = path.join(scratch, 'cdktf.out');
  // The smallest shipped stack is enough: what is tested is how Terraform reaches the providers.
  synthesizeSystems([stateBackendSystem(STATE_BUCKET)], outdir);
  const terraform = new OfflineTerraform();
  const copy = terraform.workingCopy(path.join(outdir, 'stacks', 'state-backend'), 'local');
  const runs: TerraformResult[] = [];
  let pids: number[] = [];

  beforeAll(async () => {
    const debug = { TF_LOG: 'debug' };
    runs.push(await copy.run(['init', '-input=false', '-no-color'], debug));
    runs.push(await copy.run(['validate', '-no-color'], debug));
    runs.push(await copy.run(['plan', '-no-color', '-input=false'], debug));
    pids = (await terraform.attachedProviders()).map((provider) => provider.Pid);
  });
  afterAll(() => terraform.dispose());

  test('WHEN init runs THEN Terraform installs the providers from the mirror and locks their versions', () => {
    expect(runs[0].exitCode).toBe(0);
    const lock = fs.readFileSync(path.join(copy.directory, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toMatch(/provider "registry\.terraform\.io\/hashicorp\/aws" \{\n\s+version\s+= "6\.25\.0"/);
  });

  test('WHEN validate and plan run THEN they succeed without Terraform starting any provider process', () => {
    expect(runs.slice(1).map((run) => run.exitCode)).toEqual([0, 0]);
    for (const run of runs.slice(1)) {
      expect(run.stderr).not.toContain('starting plugin');
      expect(run.stderr).toContain('Provider registry.terraform.io/hashicorp/aws is overridden as an "unmanaged provider"');
    }
  });

  test('WHEN the working copy is disposed THEN the provider processes it started are stopped', async () => {
    expect(pids).toHaveLength(2);
    expect(pids.every(isRunning)).toBe(true);
    terraform.dispose();
    expect(await Promise.all(pids.map(waitUntilStopped))).toEqual([true, true]);
  });
});
