/**
 * Runs `work` with V8's own stack formatting instead of an installed `Error.prepareStackTrace`.
 *
 * cdktf records a stack trace for every token it creates (thousands per stack) and never shows
 * most of them. Under ts-node, source-map-support maps every frame of every one of those traces
 * through the source maps, which measured as about 45 % of synthesis time (`npm run bench:synth`
 * with --cpu-prof). Errors raised inside `work` still get source-mapped traces: V8 formats a trace
 * when `.stack` is first read, after the formatter is back.
 */
export function withPlainStackTraces<T>(work: () => T): T {
  // @types/node declares the hook as always set; V8 treats a missing one as "format it yourself".
  const hook = Error as { prepareStackTrace?: unknown };
  const installed = hook.prepareStackTrace;
  hook.prepareStackTrace = undefined;
  try {
    return work();
  } finally {
    hook.prepareStackTrace = installed;
  }
}
