// Terraform attaches to stand-in provider processes started once (TF_REATTACH_PROVIDERS) instead of starting
// them for every command: proven on a real stack with Terraform's own debug log, and the start-up failures
// shown with real launchers.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProviderProcess, parseHandshake } from '../../../tools/offline-provider/terraform/attached-provider';
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

describe('ProviderProcess', () => {
  test('GIVEN a launcher that exits before its handshake WHEN started THEN it fails naming the launcher, the exit code and what it wrote', async () => {
    const failing = launcher('exits', 'echo "schema file missing" >&2; exit 3');
    await expect(ProviderProcess.start(failing, process.env)).rejects.toThrow(`${failing}: exited (code 3)\nschema file missing`);
  });

  test('GIVEN a launcher that prints something else WHEN started THEN it fails quoting the line and the process is stopped', async () => {
    const pidFile = path.join(scratch, 'chatty.pid');
    const chatty = launcher('chatty', `echo $$ > '${pidFile}'; echo "hello"; exec sleep 30`);
    await expect(ProviderProcess.start(chatty, process.env)).rejects.toThrow(`${chatty}: the stand-in provider's handshake is not go-plugin's`);
    expect(await waitUntilStopped(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  test('GIVEN a launcher WHEN started THEN it runs with the plugin cookie and is asked to serve more schemas; each request gets the next handshake line', async () => {
    const pidFile = path.join(scratch, 'echo.pid');
    // Answers the start with the cookie and the mode it was asked for, then each request line with the line itself.
    const echoing = launcher(
      'echo',
      `echo $$ > '${pidFile}'; echo "1|6|unix|$TF_PLUGIN_MAGIC_COOKIE-$DATASTACK_STAND_IN_MORE_SCHEMAS|grpc|"; while read prefix; do echo "1|6|unix|$prefix|grpc|"; done`,
    );
    const { process: started, reattach } = await ProviderProcess.start(echoing, process.env);
    const [first, second] = await Promise.all([started.serve('/cache/subset-a'), started.serve('/cache/subset-b')]);
    started.stop();
    expect(reattach.Addr.String).toMatch(/^[0-9a-f]{64}-1$/);
    expect([first.Addr.String, second.Addr.String]).toEqual(['/cache/subset-a', '/cache/subset-b']);
    expect(new Set([reattach.Pid, first.Pid, second.Pid]).size).toBe(1);
    expect(await waitUntilStopped(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  test('GIVEN a process that has exited WHEN asked to serve another schema THEN it fails with why it ended', async () => {
    const once = launcher('once', 'echo "1|6|unix|/tmp/only.sock|grpc|"; echo "no more schemas" >&2; exit 4');
    const { process: started } = await ProviderProcess.start(once, process.env);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(started.serve('/cache/subset-a')).rejects.toThrow(`${once}: exited (code 4)\nno more schemas`);
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

describe('offline Terraform with one process per provider serving several working copies', () => {
  const outdir = path.join(scratch, 'shared');
  synthesizeSystems([stateBackendSystem(STATE_BUCKET)], outdir);
  const original = path.join(outdir, 'stacks', 'state-backend');
  // The same stack with one more resource type: its schema subset differs from the original's.
  const widened = path.join(outdir, 'stacks', 'state-backend-with-topic');
  fs.cpSync(original, widened, { recursive: true });
  const json = JSON.parse(fs.readFileSync(path.join(widened, 'cdk.tf.json'), 'utf8'));
  json.resource.aws_sns_topic = { extra: { name: 'extra-topic' } };
  fs.writeFileSync(path.join(widened, 'cdk.tf.json'), JSON.stringify(json));

  const terraform = new OfflineTerraform({ providerProcesses: 1 });
  const validations: TerraformResult[] = [];

  beforeAll(async () => {
    for (const directory of [original, widened]) {
      const copy = terraform.workingCopy(directory, 'disabled');
      await copy.init();
      validations.push(await copy.run(['validate', '-no-color']));
    }
  });
  afterAll(() => terraform.dispose());

  test('GIVEN two stacks with different resource types WHEN validated THEN both pass, each served its own subset', () => {
    expect(validations.map((validation) => [validation.exitCode, validation.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
  });

  test('GIVEN one process per provider WHEN two subsets are served THEN they are two sockets of the same process', async () => {
    const sockets = await terraform.attachedProviders();
    const byPid = new Map<number, Set<string>>();
    for (const socket of sockets) byPid.set(socket.Pid, (byPid.get(socket.Pid) ?? new Set()).add(socket.Addr.String));
    // aws (two subsets) and random (the same subset twice): two processes, three sockets.
    expect(byPid.size).toBe(2);
    expect([...byPid.values()].map((addresses) => addresses.size).sort()).toEqual([1, 2]);
  });
});
