// cdktf's jest matchers (toHaveResourceWithProperties, ...) for every test file; the adapter import
// also brings their type declarations.
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { types } from 'util';

Testing.setupJest();

// cdktf records a full stack trace for every token it creates (thousands per stack), reading it at once, and
// jest's formatter (source-map-support) maps every frame of each through the source maps of the files in it:
// about a sixth of the CPU of the suites that build stacks. Traces of errors are still mapped; the creation
// traces cdktf keeps for its tokens are formatted as V8 formats them, frames named by file, line and column
// of the code as run.
const mapFrames = Error.prepareStackTrace;
if (mapFrames) {
  Error.prepareStackTrace = (target, frames) =>
    types.isNativeError(target) ? mapFrames(target, frames) : `${target}\n${frames.map((frame) => `    at ${frame}`).join('\n')}`;
}
