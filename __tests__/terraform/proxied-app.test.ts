// Terraform itself on a system that exists only in this test: a created VPC (endpoints, flow logs) with a
// Serverless v2 Aurora cluster and RDS Proxy in front of it, through the offline stand-in: what
// `npm run validate` and `npm run plan:offline` run, then an apply (state kept by an http backend on
// 127.0.0.1) and a re-plan.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesizeSystems } from '../../stacks/synthesis/synthesize-systems';
import { OfflineTerraform, TerraformResult } from '../../tools/offline-provider/terraform/offline-terraform';
import { planInCopy, StackPlan } from '../../tools/offline-provider/terraform/plan-stack';
import { synthesizedStacks } from '../../tools/offline-provider/terraform/stack-selection';
import { StackValidation, validateStacks } from '../../tools/offline-provider/terraform/validate-stacks';
import { proxiedApp } from '../stacks/components/proxied-app-system';
import { HttpStateServer } from './http-state-server';
import { stateAddresses } from './offline-fixture';

jest.setTimeout(300_000);

describe('the proxied app (created VPC, Aurora Serverless v2, RDS Proxy) through offline Terraform', () => {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-proxied-app-')), 'cdktf.out');
  const terraform = new OfflineTerraform();
  const states = new HttpStateServer();
  let validation: StackValidation;
  let plan: StackPlan;
  let replan: TerraformResult;
  let appliedResources: number;
  let applyFailure = '';

  beforeAll(async () => {
    synthesizeSystems([proxiedApp()], outdir);
    const [stack] = synthesizedStacks(outdir);
    [validation] = await validateStacks(terraform, [stack]);
    // One working copy: init, the plan plan:offline prints, then that plan applied.
    await states.start();
    const copy = terraform.workingCopy(stack.directory, { http: states.address(stack.name) });
    const init = await copy.init();
    if (init.exitCode !== 0) throw new Error(`terraform init:\n${init.stdout}${init.stderr}`);
    plan = await planInCopy(copy, stack.name);
    const apply = await copy.run(['apply', '-no-color', '-input=false', 'plan.bin']);
    if (apply.exitCode !== 0) {
      applyFailure = `terraform apply:\n${apply.stdout}${apply.stderr}`;
      return;
    }
    appliedResources = stateAddresses(states.state(stack.name)).filter((address) => !address.startsWith('data.')).length;
    replan = await copy.run(['plan', '-no-color', '-input=false', '-detailed-exitcode']);
  });
  afterAll(async () => {
    terraform.dispose();
    await states.stop();
    fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  });

  test('GIVEN the synthesized stack WHEN validated THEN Terraform finds it valid against the real provider schema', () => {
    expect({ valid: validation.valid, output: validation.valid ? '' : validation.output }).toEqual({ valid: true, output: '' });
  });

  test('WHEN planned on empty state THEN Terraform only adds', () => {
    expect({ succeeded: plan.succeeded, summary: plan.summary.replace(/\d+ to add/, 'N to add'), output: plan.succeeded ? '' : plan.output }).toEqual({
      succeeded: true,
      summary: 'Plan: N to add, 0 to change, 0 to destroy.',
      output: '',
    });
  });

  test('WHEN planned THEN the network, the proxy and its parts are among the resources created', () => {
    const kinds = plan.changes.filter((change) => change.startsWith('create ')).map((change) => change.replace(/^create (aws_[a-z_]+)\..*$/, '$1'));
    const count = (kind: string) => kinds.filter((found) => found === kind).length;
    expect({
      vpc: count('aws_vpc'),
      subnets: count('aws_subnet'),
      natGateways: count('aws_nat_gateway'),
      endpoints: count('aws_vpc_endpoint'),
      defaultGroup: count('aws_default_security_group'),
      flowLogs: count('aws_flow_log'),
      proxies: count('aws_db_proxy'),
      targetGroups: count('aws_db_proxy_default_target_group'),
      targets: count('aws_db_proxy_target'),
      proxyEndpoints: count('aws_db_proxy_endpoint'),
    }).toEqual({ vpc: 1, subnets: 6, natGateways: 1, endpoints: 6, defaultGroup: 1, flowLogs: 1, proxies: 1, targetGroups: 1, targets: 1, proxyEndpoints: 1 });
  });

  test('WHEN applied THEN every planned resource is created', () => {
    expect(applyFailure).toBe('');
    expect(appliedResources).toBe(Number(/Plan: (\d+) to add/.exec(plan.summary)?.[1]));
  });

  test('WHEN planned again after the apply THEN Terraform finds no changes (nothing depends on a value that changes every run)', () => {
    expect({ exitCode: replan?.exitCode, noChanges: replan?.stdout.includes('No changes.') }).toEqual({ exitCode: 0, noChanges: true });
  });
});
