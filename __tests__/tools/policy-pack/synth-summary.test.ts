// `npm run synth` prints the policy pack's one-line summary of what it just synthesized.
import { App, TerraformResource, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runApp } from '../../../main';
import { stateBackendSystem } from '../../../stacks/state-backend/state-backend-system';
import { SystemDefinition } from '../../../stacks/system';

/** A system with one stack whose only resource is an unencrypted cluster. */
const unencryptedSystem: SystemDefinition = {
  name: 'shop',
  validationRules: () => [],
  addStacks(app: App) {
    const stack = new TerraformStack(app, 'shop-prod');
    const cluster = new TerraformResource(stack, 'Db', { terraformResourceType: 'aws_rds_cluster' });
    cluster.addOverride('storage_encrypted', false);
  },
};

describe('the policy summary of npm run synth', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-synth-summary-'));
  const printed: string[] = [];
  beforeEach(() => {
    printed.length = 0;
    jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete process.env.CDKTF_OUTDIR;
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('GIVEN the state backend WHEN the app synthesizes THEN the line after the stack list is the policy summary', () => {
    process.env.CDKTF_OUTDIR = path.join(directory, 'clean.out');
    runApp([stateBackendSystem({ name: 'datastack-state-test', region: 'eu-west-2' })]);
    expect(printed).toEqual([expect.stringMatching(/^Synthesized 1 stacks into /), 'Policy checks: 0 errors, 0 warnings (0 suppressed) over 1 stack']);
  });

  test('GIVEN a stack with an error WHEN the app synthesizes THEN the summary counts it and points to npm run check', () => {
    process.env.CDKTF_OUTDIR = path.join(directory, 'broken.out');
    runApp([unencryptedSystem]);
    // A bare cluster breaks many rules (storage encryption among them); none is suppressed.
    expect(printed[1]).toMatch(/^Policy checks: [1-9]\d* errors?, \d+ warnings? \(0 suppressed\) over 1 stack; \d+ not suppressed: run npm run check$/);
  });
});
