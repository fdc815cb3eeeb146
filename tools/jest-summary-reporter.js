// Prints one plain closing line, "Tests: N passed, N failed, N skipped", as the very last line of a
// jest run (at process exit, after jest's own summary), so CI logs end with a line any tool can read.
const fs = require('fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load counts as failed even though none of its tests ran.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `Tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => fs.writeSync(2, line));
  }
}

module.exports = SummaryReporter;
