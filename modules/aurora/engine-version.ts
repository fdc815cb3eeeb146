/**
 * An Aurora PostgreSQL engine version and the parameter group family it needs.
 *
 * Constants name minors AWS offered for new clusters when they were added; AWS retires minors over
 * time (see docs/aurora.md, "Choosing and upgrading the engine version"). `of()` takes any other.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurora-postgresql-release-calendar.html
 */
export class AuroraPostgresEngineVersion {
  /** 15.10, the long-term-support (LTS) minor of PostgreSQL 15. */
  public static readonly V15_10 = new AuroraPostgresEngineVersion('15.10');
  /** 15.13. */
  public static readonly V15_13 = new AuroraPostgresEngineVersion('15.13');
  /** 16.8, the long-term-support (LTS) minor of PostgreSQL 16: DataStack's default. */
  public static readonly V16_8 = new AuroraPostgresEngineVersion('16.8');
  /** 16.9. */
  public static readonly V16_9 = new AuroraPostgresEngineVersion('16.9');
  /** 17.5. */
  public static readonly V17_5 = new AuroraPostgresEngineVersion('17.5');
  /** 17.7, the long-term-support (LTS) minor of PostgreSQL 17. */
  public static readonly V17_7 = new AuroraPostgresEngineVersion('17.7');

  /** A version without a constant, e.g. `AuroraPostgresEngineVersion.of('16.10')`. */
  public static of(fullVersion: string): AuroraPostgresEngineVersion {
    return new AuroraPostgresEngineVersion(fullVersion);
  }

  /** The engine, for `engine` arguments. */
  public readonly engine = 'aurora-postgresql';

  private constructor(
    /** The full version, for `engine_version` (`16.8`). */
    public readonly fullVersion: string,
  ) {}

  /** The major version (`16`); undefined when the version is malformed. */
  get majorVersion(): number | undefined {
    const match = /^(\d+)\.\d+$/.exec(this.fullVersion);
    return match ? Number(match[1]) : undefined;
  }

  /** The parameter group family (`aurora-postgresql16`). */
  get parameterGroupFamily(): string {
    return `aurora-postgresql${this.majorVersion ?? ''}`;
  }

  /**
   * Whether Serverless v2 may scale to 0 ACU (auto-pause) on this version:
   * 13.15, 14.12, 15.7, 16.3 and later minors, and every 17.
   */
  get supportsAutoPause(): boolean {
    return this.atLeastMinorOf({ 13: 15, 14: 12, 15: 7, 16: 3 });
  }

  /**
   * Whether the RDS Data API is offered for Serverless v2 and provisioned clusters on this version:
   * 13.11, 14.8, 15.3, 16.1, 17.4 and later minors (and later majors).
   * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.Data_API.html
   */
  get supportsDataApi(): boolean {
    return this.atLeastMinorOf({ 13: 11, 14: 8, 15: 3, 16: 1, 17: 4 });
  }

  /** True when the version is at least the first minor listed for its major, or above every major listed. */
  private atLeastMinorOf(firstMinor: Readonly<Record<number, number>>): boolean {
    const match = /^(\d+)\.(\d+)$/.exec(this.fullVersion);
    if (!match) return false;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    const newestListed = Math.max(...Object.keys(firstMinor).map(Number));
    return major > newestListed || (firstMinor[major] !== undefined && minor >= firstMinor[major]);
  }

  toString(): string {
    return this.fullVersion;
  }
}

/** The engine version clusters get when none is configured. */
export const DEFAULT_ENGINE_VERSION = AuroraPostgresEngineVersion.V16_8;
