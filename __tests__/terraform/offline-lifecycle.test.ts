// Terraform itself on every stack the app synthesizes, offline through the stand-in provider: init, plan
// (which validates the configuration first, as `terraform validate` does), apply (state kept by an http
// backend on 127.0.0.1), a re-plan that shows no changes, destroy.
import * as fs from 'fs';
import * as os from 'os';
import { OfflineTerraform, TerraformResult } from '../../tools/offline-provider/terraform/offline-terraform';
import { summaryLine } from '../../tools/offline-provider/terraform/plan-stack';
import { SynthesizedStack, eachInParallel } from '../../tools/offline-provider/terraform/stack-selection';
import { HttpStateServer } from './http-state-server';
import { allowDestroy, hasPreventDestroy, stateAddresses, synthesizeEveryStack } from './offline-fixture';

jest.setTimeout(300_000);

interface Lifecycle {
  /** The first step that failed, with Terraform's output; '' when every step succeeded. */
  failure: string;
  /** Terraform's plan summary line on empty state. */
  planSummary?: string;
  appliedResources?: number;
  replan?: TerraformResult;
  refusedDestroy?: TerraformResult;
  resourcesAfterDestroy?: string;
  timings: string[];
  /** After apply: `terraform state list` and the addresses read from the stored state (one stack only). */
  stateListed?: { terraform: string[]; stored: string[] };
}

async function lifecycle(terraform: OfflineTerraform, states: HttpStateServer, stack: SynthesizedStack, compareStateList: boolean): Promise<Lifecycle> {
  const copy = terraform.workingCopy(stack.directory, { http: states.address(stack.name) });
  const addresses = () => stateAddresses(states.state(stack.name));
  const outcome: Lifecycle = { failure: '', timings: [] };
  const step = async (name: string, args: string[]): Promise<TerraformResult> => {
    const result = await copy.run(args);
    outcome.timings.push(`${name} ${result.seconds.toFixed(1)} s`);
    if (result.exitCode !== 0) throw new Error(`terraform ${name} failed:\n${result.stdout}${result.stderr}`);
    return result;
  };
  try {
    await step('init', ['init', '-input=false', '-no-color']);
    outcome.planSummary = summaryLine((await step('plan', ['plan', '-no-color', '-input=false', '-out=plan.bin'])).stdout);
    await step('apply', ['apply', '-no-color', '-input=false', 'plan.bin']);
    outcome.appliedResources = addresses().filter((address) => !address.startsWith('data.')).length;
    if (compareStateList) {
      const listed = (await step('state list', ['state', 'list'])).stdout.split('\n').filter(Boolean);
      outcome.stateListed = { terraform: listed.sort(), stored: addresses().sort() };
    }
    // -detailed-exitcode: 0 = no changes, 2 = changes.
    outcome.replan = await copy.run(['plan', '-no-color', '-input=false', '-detailed-exitcode']);
    outcome.timings.push(`re-plan ${outcome.replan.seconds.toFixed(1)} s`);
    if (hasPreventDestroy(copy.directory)) {
      outcome.refusedDestroy = await copy.run(['destroy', '-no-color', '-input=false', '-auto-approve', '-refresh=false']);
      allowDestroy(copy.directory);
    }
    await step('destroy', ['destroy', '-no-color', '-input=false', '-auto-approve', '-refresh=false']);
    outcome.resourcesAfterDestroy = addresses().join('\n');
  } catch (error) {
    outcome.failure = (error as Error).message;
  }
  return outcome;
}

/** The stack on which the stored state is checked against `terraform state list` (the others read it only). */
const STATE_LIST_CHECKED = 'state-backend';

describe('offline terraform lifecycle of every synthesized stack', () => {
  const { outdir, stacks } = synthesizeEveryStack();
  const terraform = new OfflineTerraform();
  const states = new HttpStateServer();
  const running = new Map<string, Promise<Lifecycle>>();
  const outcomes = new Map<string, Lifecycle>();

  beforeAll(async () => {
    await states.start();
    // Every stack queued at once, one per core at a time (Terraform and the providers are CPU-bound); each
    // stack's tests wait only for their own lifecycle, so no single hook waits for all of them.
    const lifecycles = eachInParallel(stacks, os.availableParallelism(), (stack) => lifecycle(terraform, states, stack, stack.name === STATE_LIST_CHECKED));
    stacks.forEach((stack, index) => running.set(stack.name, lifecycles[index]));
  });
  afterAll(async () => {
    terraform.dispose();
    await states.stop();
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('GIVEN the app WHEN synthesized THEN there are stacks to run Terraform on, the state backend among them', () => {
    expect(stacks.map((stack) => stack.name)).toContain('state-backend');
  });

  test(`GIVEN ${STATE_LIST_CHECKED} applied WHEN its stored state is read THEN it lists the addresses terraform state list prints`, async () => {
    const listed = (await running.get(STATE_LIST_CHECKED)!).stateListed!;
    expect(listed.terraform.length).toBeGreaterThan(0);
    expect(listed.stored).toEqual(listed.terraform);
  });

  describe.each(stacks.map((stack) => stack.name))('%s', (name) => {
    beforeAll(async () => {
      outcomes.set(name, await running.get(name)!);
    });
    const outcome = () => outcomes.get(name)!;

    test('WHEN init, plan (validation first), apply and destroy run THEN every step succeeds', () => {
      expect(outcome().failure).toBe('');
      console.log(`${name}: ${outcome().timings.join(', ')}`);
    });

    test('WHEN planned on empty state THEN it only adds, and apply creates every planned resource', () => {
      const [, toAdd, changeOrDestroy] = /^Plan: (\d+) to add, (\d+ to change, \d+) to destroy\.$/.exec(outcome().planSummary ?? '') ?? [];
      expect({ changeOrDestroy, addsSome: Number(toAdd) > 0 }).toEqual({ changeOrDestroy: '0 to change, 0', addsSome: true });
      expect(outcome().appliedResources).toBe(Number(toAdd));
    });

    test('WHEN planned again after apply THEN Terraform finds no changes', () => {
      const replan = outcome().replan!;
      expect({ exitCode: replan.exitCode, noChanges: replan.stdout.includes('No changes.') }).toEqual({ exitCode: 0, noChanges: true });
    });

    test('WHEN destroyed THEN resources with prevent_destroy refuse it, and without the flag the state ends empty', () => {
      const refused = outcome().refusedDestroy;
      if (refused) expect({ exitCode: refused.exitCode, refused: refused.stderr.includes('Instance cannot be destroyed') }).toEqual({ exitCode: 1, refused: true });
      expect(outcome().resourcesAfterDestroy).toBe('');
    });
  });
});
