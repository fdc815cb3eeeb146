/** How clients authenticate to the proxy: with the secret's password, or with an IAM token as well. */
export const PROXY_IAM_AUTH_MODES = ['DISABLED', 'REQUIRED'] as const;
export type ProxyIamAuth = (typeof PROXY_IAM_AUTH_MODES)[number];

/** The session pinning filters RDS accepts: SET statements then no longer pin a client to its connection. */
export const SESSION_PINNING_FILTERS = ['EXCLUDE_VARIABLE_SETS'] as const;
export type SessionPinningFilter = (typeof SESSION_PINNING_FILTERS)[number];

/** The proxy's pool of database connections (`aws_db_proxy_default_target_group`). */
export interface RdsProxyConnectionPool {
  /**
   * The most connections the proxy opens, as a percentage of the database's max_connections: 1-100.
   * @default 100
   */
  readonly maxConnectionsPercent?: number;
  /**
   * The idle connections the proxy keeps, as a percentage of max_connections: 0 to maxConnectionsPercent.
   * @default - half of maxConnectionsPercent (50 with its default), as RDS does
   */
  readonly maxIdleConnectionsPercent?: number;
  /**
   * Seconds a client waits for a free connection before the proxy refuses it: 1-3600.
   * @default 120
   */
  readonly connectionBorrowTimeoutSeconds?: number;
  /**
   * SQL run on every new database connection (`SET SESSION statement_timeout = 30000`): session settings
   * set here pin no client.
   * @default - none
   */
  readonly initQuery?: string;
  /**
   * Classes of statements that do not pin a client to its database connection.
   * @default - none: every SET pins
   */
  readonly sessionPinningFilters?: readonly SessionPinningFilter[];
}

/** The thresholds of the proxy's alarms. */
export interface RdsProxyAlarmThresholds {
  /** Borrowed connections, as a percentage of the connections the proxy may open, above which it warns. */
  readonly borrowedConnectionsPercent: number;
  /** Average time the database takes to answer a query through the proxy, in milliseconds, above which it warns. */
  readonly queryDatabaseResponseLatencyMilliseconds: number;
}

/** An RDS Proxy's plain-data settings: what an environment configures. */
export interface RdsProxySettings {
  /**
   * The proxy's name: 1-63 lowercase letters, digits and hyphens, a letter first.
   * @default - `<system>-<environment>-proxy`
   */
  readonly name?: string;
  /**
   * Refuse clients that do not use TLS.
   * @default true
   */
  readonly requireTls?: boolean;
  /**
   * Seconds a client connection may stay idle before the proxy closes it: 1-28800.
   * @default 1800
   */
  readonly idleClientTimeoutSeconds?: number;
  /**
   * Log the SQL of every statement (troubleshooting only: statements carry data).
   * @default false
   */
  readonly debugLogging?: boolean;
  /**
   * `REQUIRED`: clients authenticate with an IAM token (`rds-db:connect`) instead of the password.
   * @default 'DISABLED'
   */
  readonly iamAuth?: ProxyIamAuth;
  /**
   * The connection pool.
   * @default - 100 % max, 50 % idle, 120 s borrow timeout, no init query, no pinning filters
   */
  readonly connectionPool?: RdsProxyConnectionPool;
  /**
   * A read-only endpoint that spreads connections over an Aurora cluster's readers (Aurora only).
   * @default false
   */
  readonly readOnlyEndpoint?: boolean;
  /**
   * Days CloudWatch Logs keeps the proxy's log.
   * @default - the environment policy's logRetentionDays
   */
  readonly logRetentionDays?: number;
  /**
   * Alarm thresholds, each overriding its default.
   * @default { borrowedConnectionsPercent: 80, queryDatabaseResponseLatencyMilliseconds: 200 }
   */
  readonly alarmThresholds?: Partial<RdsProxyAlarmThresholds>;
}
