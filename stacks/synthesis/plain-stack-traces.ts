/** Set to 1 to keep cdktf's token creation stacks (shown only in a token resolution error) while debugging one. */
export const TOKEN_CREATION_STACKS_VARIABLE = 'DATASTACK_TOKEN_CREATION_STACKS';

type StackFormatter = (target: object, frames: NodeJS.CallSite[]) => unknown;

/** V8's own format, `<error>\n    at <frame>...`, for errors whose trace is read while `work` runs. */
const plainTrace = (error: Error, frames: NodeJS.CallSite[]): string =>
  [Error.prototype.toString.call(error), ...frames.map((frame) => `    at ${frame}`)].join('\n');

/**
 * Runs `work` without the cost of the stack traces cdktf records and without an installed formatter.
 *
 * cdktf captures and formats a full stack trace for every token it creates (thousands per stack) and
 * shows one only if that token later fails to resolve. Formatting them was about a fifth of synthesis by
 * CPU profile (and about 45 % under ts-node's source-map-support, which mapped every frame): while `work`
 * runs, those records (plain objects, not errors) get an empty trace, which cdktf stores as no creation
 * stack. Errors keep their traces: one read inside `work` is formatted as V8 does, one read afterwards (the
 * usual case: V8 formats a trace when `.stack` is first read) by the formatter installed again by then.
 * `DATASTACK_TOKEN_CREATION_STACKS=1` records the creation stacks, for a resolution error that needs them.
 */
export function withPlainStackTraces<T>(work: () => T): T {
  // @types/node declares the hook as always set; V8 treats a missing one as "format it yourself".
  const hook = Error as { prepareStackTrace?: StackFormatter };
  const installed = hook.prepareStackTrace;
  const keepCreationStacks = process.env[TOKEN_CREATION_STACKS_VARIABLE] === '1';
  hook.prepareStackTrace = keepCreationStacks
    ? undefined
    : (target, frames) => (target instanceof Error ? plainTrace(target, frames) : '');
  try {
    return work();
  } finally {
    hook.prepareStackTrace = installed;
  }
}
