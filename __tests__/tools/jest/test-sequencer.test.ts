// On a fresh clone jest knows no suite's duration; the suites that run Terraform, PostgreSQL or PGlite must
// still start first, or one worker ends up running the longest suite alone at the end of `npm test`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const DataStackSequencer = require('../../../tools/jest-test-sequencer');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-sequencer-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface FakeTest {
  path: string;
  context: object;
  duration?: number;
}

const context = { config: { cache: false }, hasteFS: { getSize: (file: string) => fs.statSync(file).size } };

function suite(name: string, source: string): FakeTest {
  const file = path.join(scratch, `${name}.test.ts`);
  fs.writeFileSync(file, source);
  return { path: file, context };
}

const order = (tests: FakeTest[]) => tests.map((test) => path.basename(test.path, '.test.ts'));

describe('the jest test sequencer', () => {
  const lifecycle = suite('lifecycle', "import { OfflineTerraform } from '../../tools/offline-provider/terraform/offline-terraform';\n");
  const schema = suite('schema', `import { openPglite } from '../../../migrations/runner/pglite-session';\n${'// fixture\n'.repeat(50)}`);
  const server = suite('server', "import { startThrowawayPostgres } from '../support/throwaway-postgres';\n");
  const large = suite('large', `import { thing } from './thing';\n${'test("x", () => undefined);\n'.repeat(400)}`);
  const medium = suite('medium', `import { thing } from './thing';\n${'test("x", () => undefined);\n'.repeat(100)}`);
  const mention = suite('mention', `// offline-terraform is mentioned but not imported\n${'test("x", () => undefined);\n'.repeat(200)}`);

  test('GIVEN no timings (a fresh clone) WHEN sorted THEN suites importing a Terraform, PostgreSQL or PGlite harness come first, the rest largest first', () => {
    const sorted = new DataStackSequencer().sort([medium, lifecycle, large, mention, server, schema]);
    expect(order(sorted)).toEqual(['schema', 'lifecycle', 'server', 'large', 'mention', 'medium']);
  });

  test('GIVEN timings for some suites WHEN sorted THEN suites without timings run first (heavy ones ahead) and timed suites keep jest order, longest first', () => {
    const durations: Record<string, number> = { [large.path]: 900, [lifecycle.path]: 90_000, [medium.path]: 300 };
    class WithTimings extends DataStackSequencer {
      time(test: FakeTest) {
        return durations[test.path];
      }
    }
    const sorted = new WithTimings().sort([medium, lifecycle, large, mention, server, schema]);
    expect(order(sorted)).toEqual(['schema', 'server', 'mention', 'lifecycle', 'large', 'medium']);
  });
});
