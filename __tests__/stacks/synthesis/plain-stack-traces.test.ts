import { App, Lazy, TerraformOutput, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TOKEN_CREATION_STACKS_VARIABLE, withPlainStackTraces } from '../../../stacks/synthesis/plain-stack-traces';

describe('synthesis with plain stack traces', () => {
  const hook = Error as { prepareStackTrace?: unknown };
  const installed = hook.prepareStackTrace;
  const formatter = () => 'formatted by the installed hook';
  const variable = process.env[TOKEN_CREATION_STACKS_VARIABLE];
  beforeEach(() => {
    hook.prepareStackTrace = formatter;
    delete process.env[TOKEN_CREATION_STACKS_VARIABLE];
  });
  afterEach(() => {
    hook.prepareStackTrace = installed;
    if (variable === undefined) delete process.env[TOKEN_CREATION_STACKS_VARIABLE];
    else process.env[TOKEN_CREATION_STACKS_VARIABLE] = variable;
  });

  const tokenCreationStack = () => Lazy.anyValue({ produce: () => 'value' }).creationStack;

  test('GIVEN an installed stack formatter WHEN work runs THEN traces inside are V8\'s own and the formatter is back afterwards', () => {
    const inside = withPlainStackTraces(() => new Error('probe').stack);
    expect(inside).toMatch(/^Error: probe\n {4}at .*plain-stack-traces\.test\.ts/);
    expect(hook.prepareStackTrace).toBe(formatter);
  });

  test('GIVEN an error subclass with a custom name WHEN its trace is read inside work THEN it starts with its name and message', () => {
    class ProbeError extends Error {
      name = 'ProbeError';
    }
    const inside = withPlainStackTraces(() => new ProbeError('probe').stack);
    expect(inside).toMatch(/^ProbeError: probe\n {4}at /);
  });

  test('GIVEN work that throws WHEN it runs THEN the error propagates, the formatter and Error.captureStackTrace are back, and the error\'s trace uses the formatter', () => {
    const capture = Error.captureStackTrace;
    let caught: Error | undefined;
    try {
      withPlainStackTraces(() => {
        throw new Error('bad configuration');
      });
    } catch (error) {
      caught = error as Error;
    }
    expect(hook.prepareStackTrace).toBe(formatter);
    expect(Error.captureStackTrace).toBe(capture);
    expect(caught?.message).toBe('bad configuration');
    expect(caught?.stack).toBe('formatted by the installed hook');
  });

  test('GIVEN a cdktf token created inside work THEN no creation stack is recorded for it', () => {
    expect(withPlainStackTraces(tokenCreationStack)).toEqual([]);
  });

  test('GIVEN a cdktf token created outside work THEN cdktf records its creation stack as usual', () => {
    hook.prepareStackTrace = installed;
    expect(tokenCreationStack().join('\n')).toMatch(/plain-stack-traces\.test\.ts/);
  });

  test(`GIVEN ${TOKEN_CREATION_STACKS_VARIABLE}=1 WHEN a cdktf token is created inside work THEN its creation stack is recorded`, () => {
    process.env[TOKEN_CREATION_STACKS_VARIABLE] = '1';
    const stack = withPlainStackTraces(tokenCreationStack);
    expect(stack.join('\n')).toMatch(/plain-stack-traces\.test\.ts/);
    expect(hook.prepareStackTrace).toBe(formatter);
  });

  test('GIVEN an error whose trace is captured explicitly inside work THEN it gets its trace, and Error.captureStackTrace is back afterwards', () => {
    const capture = Error.captureStackTrace;
    const target = new Error('probe');
    const inside = withPlainStackTraces(() => {
      Error.captureStackTrace(target);
      return target.stack;
    });
    expect(inside).toMatch(/^Error: probe\n\s+at .*plain-stack-traces\.test\.ts/);
    expect(Error.captureStackTrace).toBe(capture);
  });

  describe('a token that fails to resolve', () => {
    /** Synthesizes a stack whose output's value is a token that throws when resolved; returns the error message. */
    function resolutionErrorMessage(): string {
      try {
        withPlainStackTraces(() => {
          const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-plain-traces-')), stackTraces: false });
          const stack = new TerraformStack(app, 'probe');
          new TerraformOutput(stack, 'Broken', { value: Lazy.stringValue({ produce: () => { throw new Error('no value yet'); } }) });
          app.synth();
        });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('synthesis did not fail');
    }

    test('GIVEN creation stacks not recorded WHEN a token fails to resolve THEN the message says how to record them', () => {
      const message = resolutionErrorMessage();
      expect(message).toMatch(/^Resolution error: no value yet\./);
      expect(message).toContain(`run again with ${TOKEN_CREATION_STACKS_VARIABLE}=1 to see where it was created`);
    });

    test(`GIVEN ${TOKEN_CREATION_STACKS_VARIABLE}=1 WHEN a token fails to resolve THEN the message carries cdktf's creation stack and no hint`, () => {
      process.env[TOKEN_CREATION_STACKS_VARIABLE] = '1';
      const message = resolutionErrorMessage();
      expect(message).toMatch(/\nObject creation stack:\n(\s+at .*\n)*\s+at .*plain-stack-traces\.test\.ts/);
      expect(message).not.toContain(TOKEN_CREATION_STACKS_VARIABLE);
    });
  });
});
