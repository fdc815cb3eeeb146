/** The engines ElastiCache runs: Redis OSS and Valkey (its open-source, protocol-compatible successor). */
export type CacheEngine = 'redis' | 'valkey';

/**
 * An ElastiCache engine and version, and the parameter group family it needs.
 *
 * Constants name versions ElastiCache offered for new clusters when they were added; `of()` takes any other.
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html
 */
export class CacheEngineVersion {
  /** Redis OSS 7.0 (the gaming platform's version). */
  public static readonly REDIS_7_0 = new CacheEngineVersion('redis', '7.0');
  /** Redis OSS 7.1, the last Redis OSS minor ElastiCache offers: DataStack's default. */
  public static readonly REDIS_7_1 = new CacheEngineVersion('redis', '7.1');
  /** Valkey 7.2: a drop-in for Redis OSS 7.x clients. */
  public static readonly VALKEY_7_2 = new CacheEngineVersion('valkey', '7.2');
  /** Valkey 8.0. */
  public static readonly VALKEY_8_0 = new CacheEngineVersion('valkey', '8.0');
  /** Valkey 8.1. */
  public static readonly VALKEY_8_1 = new CacheEngineVersion('valkey', '8.1');

  /** A version without a constant, e.g. `CacheEngineVersion.of('valkey', '8.2')`. */
  public static of(engine: CacheEngine, version: string): CacheEngineVersion {
    return new CacheEngineVersion(engine, version);
  }

  private constructor(
    /** The engine, for `engine` arguments. */
    public readonly engine: CacheEngine,
    /** `<major>.<minor>`, for `engine_version` (`7.1`). */
    public readonly version: string,
  ) {}

  /** The major version (`7`); undefined when the version is malformed. */
  get majorVersion(): number | undefined {
    const match = /^(\d+)\.\d+$/.exec(this.version);
    return match ? Number(match[1]) : undefined;
  }

  /** The parameter group family: `redis7`, `valkey7`, `valkey8`. */
  get parameterGroupFamily(): string {
    return `${this.engine}${this.majorVersion ?? ''}`;
  }

  toString(): string {
    return `${this.engine} ${this.version}`;
  }
}
