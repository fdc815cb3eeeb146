import { withPlainStackTraces } from '../../../stacks/synthesis/plain-stack-traces';

describe('synthesis with plain stack traces', () => {
  const hook = Error as { prepareStackTrace?: unknown };
  const installed = hook.prepareStackTrace;
  const formatter = () => 'formatted by the installed hook';
  beforeEach(() => {
    hook.prepareStackTrace = formatter;
  });
  afterEach(() => {
    hook.prepareStackTrace = installed;
  });

  test('GIVEN an installed stack formatter WHEN work runs THEN traces inside are V8\'s own and the formatter is back afterwards', () => {
    const inside = withPlainStackTraces(() => new Error('probe').stack);
    expect(inside).toMatch(/^Error: probe\n\s+at /);
    expect(hook.prepareStackTrace).toBe(formatter);
  });

  test('GIVEN work that throws WHEN it runs THEN the error propagates, the formatter is back, and the error\'s trace uses it', () => {
    let caught: Error | undefined;
    try {
      withPlainStackTraces(() => {
        throw new Error('bad configuration');
      });
    } catch (error) {
      caught = error as Error;
    }
    expect(hook.prepareStackTrace).toBe(formatter);
    expect(caught?.message).toBe('bad configuration');
    expect(caught?.stack).toBe('formatted by the installed hook');
  });
});
