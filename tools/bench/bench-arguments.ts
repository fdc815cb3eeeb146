export const BENCH_USAGE = `usage: npm run bench -- [--runs N] [--no-cdktf] [--no-validate] [--no-migrate]

  --runs N        synthesis runs per path, alternating project and baseline (default 5, at least 1)
  --no-cdktf      skip \`npx cdktf synth\`
  --no-validate   skip \`npm run validate\` over every stack
  --no-migrate    skip \`npm run migrate\` on the embedded database`;

export interface BenchArguments {
  /** Synthesis runs per path; medians are taken over them. */
  readonly runs: number;
  readonly cdktf: boolean;
  readonly validate: boolean;
  readonly migrate: boolean;
  readonly help: boolean;
}

/** Raised for a command line the bench does not understand; the CLI prints the usage with it. */
export class BenchUsageError extends Error {}

export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  let runs = 5;
  let cdktf = true;
  let validate = true;
  let migrate = true;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--runs') {
      const value = argv[++index];
      if (value === undefined || !/^[1-9][0-9]*$/.test(value)) throw new BenchUsageError(`--runs needs a whole number of at least 1, got ${JSON.stringify(value)}`);
      runs = Number(value);
    } else if (argument === '--no-cdktf') cdktf = false;
    else if (argument === '--no-validate') validate = false;
    else if (argument === '--no-migrate') migrate = false;
    else if (argument === '--help' || argument === '-h') help = true;
    else throw new BenchUsageError(`unknown argument ${JSON.stringify(argument)}`);
  }
  return { runs, cdktf, validate, migrate, help };
}
