// Preloaded (NODE_OPTIONS --require) into every node process a bench measurement starts: at exit it writes
// the process's peak resident set size, in kilobytes, to $DATASTACK_BENCH_PEAK_DIR/<pid>. The bench takes
// the largest of a measurement's files, so a wrapper process (a shell, npx) does not hide the app's peak.
const directory = process.env.DATASTACK_BENCH_PEAK_DIR;
if (directory) {
  process.on('exit', () => {
    try {
      require('fs').writeFileSync(require('path').join(directory, String(process.pid)), String(process.resourceUsage().maxRSS));
    } catch {
      // A missing figure shows as `-` in the table; it must never change the measured command's outcome.
    }
  });
}
