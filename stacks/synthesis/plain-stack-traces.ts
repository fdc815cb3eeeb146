/** Set to 1 to keep cdktf's token creation stacks (shown only in a token resolution error) while debugging one. */
export const TOKEN_CREATION_STACKS_VARIABLE = 'DATASTACK_TOKEN_CREATION_STACKS';

type CaptureStackTrace = typeof Error.captureStackTrace;

/**
 * Runs `work` without the cost of the stack traces cdktf records and without an installed formatter.
 *
 * cdktf captures and formats a full stack trace (every frame) for every token it creates, thousands per
 * stack, and shows one only if that token later fails to resolve. Capturing and formatting them was about a
 * tenth of synthesis by CPU profile (and about 45 % under ts-node's source-map-support, which mapped every
 * frame). While `work` runs, `Error.captureStackTrace` gives those records (plain objects, not errors) an
 * empty trace, which cdktf stores as no creation stack; errors are captured as always. An error's trace is
 * formatted by V8 itself when read inside `work`, by the installed formatter when read afterwards (the usual
 * case: V8 formats a trace when `.stack` is first read).
 * `DATASTACK_TOKEN_CREATION_STACKS=1` records the creation stacks; a resolution error raised without them
 * says so.
 */
export function withPlainStackTraces<T>(work: () => T): T {
  // @types/node declares the hook as always set; V8 treats a missing one as "format it yourself".
  const hook = Error as { prepareStackTrace?: unknown; captureStackTrace: CaptureStackTrace };
  const installed = hook.prepareStackTrace;
  const capture = hook.captureStackTrace;
  const recordCreationStacks = process.env[TOKEN_CREATION_STACKS_VARIABLE] === '1';
  hook.prepareStackTrace = undefined;
  if (!recordCreationStacks) {
    hook.captureStackTrace = function captureErrorsOnly(target, below) {
      // Hides this wrapper from the trace, as a direct call would not show itself.
      if (target instanceof Error) capture(target, below ?? captureErrorsOnly);
      else Object.defineProperty(target, 'stack', { value: '', configurable: true, writable: true });
    };
  }
  try {
    return work();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Resolution error:') && !recordCreationStacks) {
      error.message += `\nThe token's creation stack was not recorded: run again with ${TOKEN_CREATION_STACKS_VARIABLE}=1 to see where it was created.`;
    }
    throw error;
  } finally {
    hook.prepareStackTrace = installed;
    hook.captureStackTrace = capture;
  }
}
