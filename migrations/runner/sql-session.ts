/**
 * The little the runner needs from a database connection, so that the same code runs on a real
 * server (through `pg`) and on embedded PGlite.
 */
export interface SqlSession {
  /** Where the session is connected, for messages: `PGlite (in memory)`, `postgres://app@db:5432/game`. Never holds a password. */
  readonly description: string;
  /** Runs one or more statements without parameters (a whole migration file). */
  execute(sql: string): Promise<void>;
  /** Runs one statement with positional parameters ($1, $2...) and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Closes the connection; PostgreSQL then releases the session's advisory lock. */
  close(): Promise<void>;
}
