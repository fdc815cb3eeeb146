// What __tests__/setup.ts leaves of jest's stack formatting: errors still point at the TypeScript source
// line, and cdktf still records where each token was created (formatted without source maps).
import { Lazy } from 'cdktf';
import * as fs from 'fs';

/** The 1-based line of this file that holds `marker`. */
function lineOf(marker: string): number {
  return fs.readFileSync(__filename, 'utf8').split('\n').findIndex((line) => line.includes(marker) && !line.includes('lineOf(')) + 1;
}

describe('stack traces in tests', () => {
  test('GIVEN an error WHEN its trace is read THEN its top frame names this file at the TypeScript line that created it', () => {
    const error = new Error('probe'); // error-created-here
    const topFrame = error.stack!.split('\n')[1];
    expect(topFrame).toContain(`stack-trace-formatting.test.ts:${lineOf('error-created-here')}:`);
  });

  test('GIVEN a cdktf token WHEN created THEN its creation stack is recorded and names this file', () => {
    const creationStack = Lazy.anyValue({ produce: () => 'value' }).creationStack;
    expect(creationStack.length).toBeGreaterThan(0);
    expect(creationStack.join('\n')).toContain('stack-trace-formatting.test.ts');
  });
});
