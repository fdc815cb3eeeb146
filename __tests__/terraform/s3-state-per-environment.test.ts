// State per environment, for real: each environment's stack initialized with its own S3 backend block
// (only endpoint and credentials added) against s3rver, applied through the offline stand-in. One system's
// environments are applied in full (the largest states, and dev's two applies racing for the lock); every
// other environment for one KMS key, which is enough for Terraform to write its state to its key (every
// stack's full apply is the offline lifecycle's).
import * as fs from 'fs';
import * as path from 'path';
import { OfflineTerraform, TerraformResult, WorkingCopy } from '../../tools/offline-provider/terraform/offline-terraform';
import { SynthesizedStack } from '../../tools/offline-provider/terraform/stack-selection';
import { LocalS3Server, ObjectEvent, localBackendConfig } from './local-s3-server';
import { synthesizeEveryStack } from './offline-fixture';

jest.setTimeout(240_000);

interface S3Backend {
  readonly bucket: string;
  readonly key: string;
}

function s3Backend(stack: SynthesizedStack): S3Backend | undefined {
  return JSON.parse(fs.readFileSync(path.join(stack.directory, 'cdk.tf.json'), 'utf8')).terraform?.backend?.s3;
}

/** The system whose environments are applied in full. */
const FULLY_APPLIED_SYSTEM = 'gaming-platform';

function apply(copy: WorkingCopy, extra: string[] = []): Promise<TerraformResult> {
  return copy.run(['apply', '-no-color', '-input=false', '-auto-approve', ...extra]);
}

/** FULLY_APPLIED_SYSTEM's stacks: no target; any other: its first KMS key (and what that key depends on). */
function applyScope(stack: SynthesizedStack): string[] {
  if (stack.name.startsWith(`${FULLY_APPLIED_SYSTEM}-`)) return [];
  const keys = Object.keys(JSON.parse(fs.readFileSync(path.join(stack.directory, 'cdk.tf.json'), 'utf8')).resource?.aws_kms_key ?? {});
  if (keys.length === 0) throw new Error(`${stack.name} has no aws_kms_key to apply alone`);
  return [`-target=aws_kms_key.${keys[0]}`];
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('Terraform state per environment in S3 (s3rver on 127.0.0.1)', () => {
  const { outdir, stacks } = synthesizeEveryStack();
  const environments = stacks.filter((stack) => s3Backend(stack)).map((stack) => ({ stack, backend: s3Backend(stack)! }));
  const dev = environments.find(({ stack }) => stack.name === `${FULLY_APPLIED_SYSTEM}-dev`)!;
  const prod = environments.find(({ stack }) => stack.name === `${FULLY_APPLIED_SYSTEM}-prod`)!;
  const terraform = new OfflineTerraform();
  const server = new LocalS3Server(environments[0].backend.bucket);
  const results = new Map<string, TerraformResult>();
  let prodStateBeforeDev = '';
  let eventsDuringDevApply: ObjectEvent[] = [];
  let secondDevApply: TerraformResult;
  let lockObjectWhileApplying = false;

  async function initialized(stack: SynthesizedStack): Promise<WorkingCopy> {
    const copy = terraform.workingCopy(stack.directory, 'configured');
    const backendFile = path.join(copy.directory, 'local-s3.s3.tfbackend');
    fs.writeFileSync(backendFile, localBackendConfig(server.endpoint));
    const init = await copy.init([backendFile]);
    if (init.exitCode !== 0) throw new Error(`${stack.name}: terraform init failed:\n${init.stdout}${init.stderr}`);
    return copy;
  }

  beforeAll(async () => {
    await server.start();
    // Every environment but dev first, in parallel.
    const others = environments.filter((environment) => environment !== dev);
    await Promise.all(others.map(async ({ stack }) => results.set(stack.name, await apply(await initialized(stack), applyScope(stack)))));
    prodStateBeforeDev = await server.read(prod.backend.key);

    // dev: a second apply on the same state starts once the first holds the lock.
    const [first, second] = [await initialized(dev.stack), await initialized(dev.stack)];
    const eventsBefore = server.events.length;
    const firstApply = apply(first);
    const locked = await waitFor(() => server.events.slice(eventsBefore).some((event) => event.key === `${dev.backend.key}.tflock`), 60_000);
    lockObjectWhileApplying = locked && (await server.exists(`${dev.backend.key}.tflock`));
    secondDevApply = locked ? await apply(second, ['-lock-timeout=0s']) : { exitCode: -1, stdout: '', stderr: 'the first apply never took the lock', seconds: 0 };
    results.set(dev.stack.name, await firstApply);
    eventsDuringDevApply = server.events.slice(eventsBefore);
  });

  afterAll(async () => {
    await server.stop();
    terraform.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('GIVEN the synthesized stacks THEN dev, staging and prod each have an S3 backend in the same bucket', () => {
    expect(environments.map(({ stack }) => stack.name)).toEqual(expect.arrayContaining(['gaming-platform-dev', 'gaming-platform-staging', 'gaming-platform-prod']));
    expect(new Set(environments.map(({ backend }) => backend.bucket)).size).toBe(1);
  });

  test(`WHEN each environment is applied (${FULLY_APPLIED_SYSTEM}'s in full, the others' for one KMS key) THEN every apply succeeds`, () => {
    const failures = [...results].filter(([, result]) => result.exitCode !== 0).map(([name, result]) => `${name}: ${result.stderr}`);
    expect(failures).toEqual([]);
  });

  test('WHEN applied THEN each environment state is at its own key <system>/<env>/terraform.tfstate', async () => {
    for (const { stack, backend } of environments) {
      const environment = stack.name.split('-').pop();
      const system = stack.name.slice(0, -(environment!.length + 1));
      expect(backend.key).toBe(`${system}/${environment}/terraform.tfstate`);
      const state = JSON.parse(await server.read(backend.key));
      expect(state.resources.filter((resource: any) => resource.mode === 'managed').length).toBeGreaterThan(0);
    }
    const keys = new Set(environments.map(({ backend }) => backend.key));
    expect(keys.size).toBe(environments.length);
  });

  test('WHEN dev is applied THEN its lock object exists while the state is written and is gone after', async () => {
    const lock = `${dev.backend.key}.tflock`;
    expect(lockObjectWhileApplying).toBe(true);
    const order = eventsDuringDevApply.filter((event) => event.key.startsWith(dev.backend.key)).map((event) => `${event.event} ${event.key === lock ? 'lock' : 'state'}`);
    expect(order[0]).toBe('put lock');
    expect(order).toContain('put state');
    expect(order.indexOf('put state')).toBeLessThan(order.lastIndexOf('delete lock'));
    expect(order[order.length - 1]).toBe('delete lock');
    expect(await server.exists(lock)).toBe(false);
  });

  test('WHEN a second apply on dev starts while the first holds the lock THEN it is refused by the lock', () => {
    expect(secondDevApply.exitCode).toBe(1);
    expect(secondDevApply.stderr).toContain('Error acquiring the state lock');
  });

  test("WHEN dev is applied THEN prod's state object is untouched", async () => {
    expect(await server.read(prod.backend.key)).toBe(prodStateBeforeDev);
    expect(eventsDuringDevApply.filter((event) => !event.key.startsWith(dev.backend.key))).toEqual([]);
  });
});
