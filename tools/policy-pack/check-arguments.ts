// The command line of `npm run check`.
import { describeValue } from '../../modules/validation';

export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CheckOptions {
  /** Stacks to check; every synthesized stack when empty. */
  readonly stacks: readonly string[];
  readonly format: ReportFormat;
  /** A file to write the report to instead of stdout. */
  readonly output?: string;
  /** Print the rule table of docs/policy-pack.md and check nothing. */
  readonly rulesMarkdown: boolean;
}

export const CHECK_USAGE = 'usage: npm run check [-- <stack>...] [--format text|json|sarif] [--output <file>] [--rules-markdown]';

/** Parses the arguments after `--`; throws an Error naming the bad argument. */
export function parseCheckArguments(args: readonly string[]): CheckOptions {
  const stacks: string[] = [];
  let format: ReportFormat = 'text';
  let output: string | undefined;
  let rulesMarkdown = false;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    const value = () => {
      const next = args[++index];
      if (next === undefined || next.startsWith('--')) throw new Error(`${argument} needs a value\n${CHECK_USAGE}`);
      return next;
    };
    if (argument === '--format') {
      const given = value();
      if (!(REPORT_FORMATS as readonly string[]).includes(given)) {
        throw new Error(`--format must be one of ${REPORT_FORMATS.map((item) => describeValue(item)).join(', ')}, got ${describeValue(given)}\n${CHECK_USAGE}`);
      }
      format = given as ReportFormat;
    } else if (argument === '--output') output = value();
    else if (argument === '--rules-markdown') rulesMarkdown = true;
    else if (argument.startsWith('--')) throw new Error(`unknown option ${argument}\n${CHECK_USAGE}`);
    else stacks.push(argument);
  }
  return { stacks, format, output, rulesMarkdown };
}
