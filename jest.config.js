const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  // jest's default leaves one core idle (one worker on a 2-core machine); the suites are CPU-bound and
  // independent, so every core runs one.
  maxWorkers: os.availableParallelism(),
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; the tests' TypeScript is transpiled by
    // esbuild, as the commands' is.
    '^.+\\.ts$': '<rootDir>/tools/run/jest-typescript-transform.js',
  },
  testSequencer: '<rootDir>/tools/jest-test-sequencer.js',
  // V8's code cache kept per worker, so a module is compiled once per worker rather than once per test file.
  runtime: '<rootDir>/tools/jest-runtime.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  testTimeout: 60000,
};
