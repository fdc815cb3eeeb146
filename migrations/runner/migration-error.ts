/** A problem the runner refuses to go past: bad input, an edited file, a failed migration. Its message is for people. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}
