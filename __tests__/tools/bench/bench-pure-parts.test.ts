// The bench's pure parts. Nothing here is timed: speed is measured by `npm run bench`, never asserted.
import { BenchUsageError, parseBenchArguments } from '../../../tools/bench/bench-arguments';
import { median } from '../../../tools/bench/statistics';
import { formatTable, megabytes, ratio, seconds } from '../../../tools/bench/table';

describe('median', () => {
  test.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
    [[5, 5, 1, 9, 9], 5],
  ])('GIVEN %j WHEN the median is taken THEN it is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('GIVEN no values WHEN the median is taken THEN it is NaN, not a number that looks measured', () => {
    expect(median([])).toBeNaN();
  });

  test('GIVEN values WHEN the median is taken THEN the caller’s array keeps its order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('table formatting', () => {
  test('GIVEN a header and rows WHEN formatted THEN the first column is left-aligned, the others right-aligned, under a rule', () => {
    expect(formatTable(['what', 'median'], [['synth', '1.20 s'], ['baseline run', '10.00 s']])).toBe(
      ['what           median', '------------  -------', 'synth          1.20 s', 'baseline run  10.00 s'].join('\n'),
    );
  });

  test('GIVEN a row shorter than the header WHEN formatted THEN the missing cells are blank and no line ends in spaces', () => {
    const lines = formatTable(['what', 'median', 'peak'], [['synth']]).split('\n');
    expect(lines[2]).toBe('synth');
  });

  test.each([
    [1234, '1.23 s'],
    [0, '0.00 s'],
    [Number.NaN, '-'],
  ])('GIVEN %d ms WHEN shown as seconds THEN %s', (milliseconds, shown) => {
    expect(seconds(milliseconds)).toBe(shown);
  });

  test.each([
    [300 * 1024, '300 MB'],
    [1536, '2 MB'],
    [Number.NaN, '-'],
  ])('GIVEN %d KB WHEN shown as megabytes THEN %s', (kilobytes, shown) => {
    expect(megabytes(kilobytes)).toBe(shown);
  });

  test.each([
    [7000, 1400, '5.0x'],
    [1000, 3000, '0.3x'],
    [1000, 0, '-'],
    [Number.NaN, 1000, '-'],
  ])('GIVEN %d ms against %d ms WHEN shown as a ratio THEN %s', (slow, fast, shown) => {
    expect(ratio(slow, fast)).toBe(shown);
  });
});

describe('bench arguments', () => {
  test('GIVEN no arguments WHEN parsed THEN 5 runs and every other command is measured', () => {
    expect(parseBenchArguments([])).toEqual({ runs: 5, cdktf: true, validate: true, migrate: true, help: false });
  });

  test('GIVEN --runs 3 and every --no- flag WHEN parsed THEN they are honoured', () => {
    expect(parseBenchArguments(['--runs', '3', '--no-cdktf', '--no-validate', '--no-migrate'])).toEqual({ runs: 3, cdktf: false, validate: false, migrate: false, help: false });
  });

  test('GIVEN --help WHEN parsed THEN help is asked for', () => {
    expect(parseBenchArguments(['--help']).help).toBe(true);
  });

  test.each([
    [['--runs'], '--runs needs a whole number of at least 1, got undefined'],
    [['--runs', '0'], '--runs needs a whole number of at least 1, got "0"'],
    [['--runs', '2.5'], '--runs needs a whole number of at least 1, got "2.5"'],
    [['--runs', 'many'], '--runs needs a whole number of at least 1, got "many"'],
    [['--fast'], 'unknown argument "--fast"'],
  ])('GIVEN %j WHEN parsed THEN it is refused: %s', (argv, message) => {
    expect(() => parseBenchArguments(argv)).toThrow(new BenchUsageError(message));
  });
});
