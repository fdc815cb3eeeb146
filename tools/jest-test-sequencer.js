// The order jest starts suites in. jest runs suites it has no timings for first, largest file first, then the
// others longest first. On a fresh clone (as in CI) no suite has timings, and the longest suites here are short
// files that run Terraform, PostgreSQL or PGlite: started last, they leave one worker running alone at the
// end. So among suites without timings, those that import one of those harnesses go first; everything else
// keeps jest's order.
const fs = require('fs');
const Sequencer = require('@jest/test-sequencer').default;

/** Imports of the harnesses that start Terraform, a PostgreSQL server or PGlite. */
const EXTERNAL_PROGRAM_IMPORT = /from '[^']*\/(offline-terraform|offline-fixture|offline-validate-and-plan|throwaway-postgres|pglite-session|migration-fixtures)'/;

function startsExternalPrograms(file) {
  try {
    return EXTERNAL_PROGRAM_IMPORT.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

class DataStackSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const untimedPositions = sorted.flatMap((test, position) => (test.duration == null ? [position] : []));
    const untimed = untimedPositions.map((position) => sorted[position]);
    const heavy = untimed.filter((test) => startsExternalPrograms(test.path));
    const reordered = [...heavy, ...untimed.filter((test) => !heavy.includes(test))];
    untimedPositions.forEach((position, index) => (sorted[position] = reordered[index]));
    return sorted;
  }
}

module.exports = DataStackSequencer;
