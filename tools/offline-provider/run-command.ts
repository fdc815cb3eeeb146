/**
 * Runs a command's main and sets the process's exit code from it: its own code when it returns, 2
 * (bad usage, unknown stack, no Terraform) when it throws, with the message alone on stderr.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
  );
}
