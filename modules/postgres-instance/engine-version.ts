/**
 * An RDS for PostgreSQL engine version and the parameter group family it needs.
 *
 * The constants name the minors RDS offers for new instances in 2026: AWS stopped creating instances on
 * 15.9-15.12, 16.5-16.8 and 17.1-17.4 on 1 May 2026 and upgrades those to 15.15, 16.11 and 17.7 or later.
 * AWS retires minors over time (docs/postgres-instance.md, "Engine versions"); `of()` takes any other,
 * for example a newer minor listed by `aws rds describe-db-engine-versions --engine postgres`.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
 */
export class PostgresEngineVersion {
  /** 15.15. */
  public static readonly V15_15 = new PostgresEngineVersion('15.15');
  /** 16.11: DataStack's default. */
  public static readonly V16_11 = new PostgresEngineVersion('16.11');
  /** 17.7. */
  public static readonly V17_7 = new PostgresEngineVersion('17.7');

  /** A version without a constant, e.g. `PostgresEngineVersion.of('17.8')`. */
  public static of(fullVersion: string): PostgresEngineVersion {
    return new PostgresEngineVersion(fullVersion);
  }

  /** The engine, for `engine` arguments. */
  public readonly engine = 'postgres';

  private constructor(
    /** The full version, for `engine_version` (`16.11`). */
    public readonly fullVersion: string,
  ) {}

  /** The major version (`16`); undefined when the version is malformed. */
  get majorVersion(): number | undefined {
    const match = /^(\d+)\.\d+$/.exec(this.fullVersion);
    return match ? Number(match[1]) : undefined;
  }

  /** The parameter group family (`postgres16`). */
  get parameterGroupFamily(): string {
    return `postgres${this.majorVersion ?? ''}`;
  }

  toString(): string {
    return this.fullVersion;
  }
}

/** The engine version instances get when none is configured. */
export const DEFAULT_POSTGRES_ENGINE_VERSION = PostgresEngineVersion.V16_11;
