// One synthesized system stack through offline Terraform, validate then plan, for suites that prove a new
// resource kind passes the provider schema: registers the suite's beforeAll and afterAll.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SystemDefinition } from '../../stacks/system';
import { synthesizeSystems } from '../../stacks/synthesis/synthesize-systems';
import { OfflineTerraform } from '../../tools/offline-provider/terraform/offline-terraform';
import { planStack, StackPlan } from '../../tools/offline-provider/terraform/plan-stack';
import { synthesizedStacks } from '../../tools/offline-provider/terraform/stack-selection';
import { StackValidation, validateStack } from '../../tools/offline-provider/terraform/validate-stacks';

export interface OfflineResults {
  readonly validation: () => StackValidation;
  readonly plan: () => StackPlan;
}

/** Synthesizes `system()` (its first stack) before the suite, validates and plans it offline, cleans up after. */
export function validateAndPlanOffline(tmpPrefix: string, system: () => SystemDefinition): OfflineResults {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const terraform = new OfflineTerraform();
  let validation: StackValidation | undefined;
  let plan: StackPlan | undefined;
  beforeAll(async () => {
    synthesizeSystems([system()], outdir);
    const [stack] = synthesizedStacks(outdir);
    validation = await validateStack(terraform, stack);
    plan = await planStack(terraform, stack);
  });
  afterAll(() => {
    terraform.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
  });
  return { validation: () => validation!, plan: () => plan! };
}
