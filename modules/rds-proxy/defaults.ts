import { ResourceNaming } from '../naming';
import { ProxyIamAuth, RdsProxyAlarmThresholds, RdsProxySettings, SessionPinningFilter } from './rds-proxy-settings';

// Defaults in one place: docs/rds-proxy.md quotes this table (a test compares the two), and the
// constructor and the rules resolve settings through `resolveRdsProxySettings`.

export const RDS_PROXY_DEFAULTS = {
  requireTls: true,
  idleClientTimeoutSeconds: 1800,
  debugLogging: false,
  iamAuth: 'DISABLED' as ProxyIamAuth,
  readOnlyEndpoint: false,
  connectionPool: {
    maxConnectionsPercent: 100,
    // With maxConnectionsPercent at its default; half of maxConnectionsPercent otherwise (defaultMaxIdleConnectionsPercent).
    maxIdleConnectionsPercent: 50,
    connectionBorrowTimeoutSeconds: 120,
  },
  alarmThresholds: { borrowedConnectionsPercent: 80, queryDatabaseResponseLatencyMilliseconds: 200 } as RdsProxyAlarmThresholds,
} as const;

/** What DataStack's proxies are, whatever the settings: PostgreSQL, authenticated with Secrets Manager secrets and SCRAM. */
export const RDS_PROXY_ENGINE_FAMILY = 'POSTGRESQL';
export const RDS_PROXY_AUTH_SCHEME = 'SECRETS';
export const RDS_PROXY_CLIENT_PASSWORD_AUTH_TYPE = 'POSTGRES_SCRAM_SHA_256';

/** The database engines a POSTGRESQL proxy can front. */
export const RDS_PROXY_ENGINES = ['aurora-postgresql', 'postgres'] as const;

/** The idle connections RDS keeps when none is given: half the maximum. */
export function defaultMaxIdleConnectionsPercent(maxConnectionsPercent: number): number {
  return Math.floor(maxConnectionsPercent / 2);
}

/** `<system>-<environment>-proxy`. */
export function defaultProxyName(naming: ResourceNaming): string {
  return naming.name('proxy');
}

/** The read-only endpoint's name. */
export function readOnlyEndpointName(proxyName: string): string {
  return `${proxyName}-read-only`;
}

/** The role the proxy reads the credentials with: `<proxy>-<region>` (IAM names are global, proxies per Region). */
export function proxyRoleName(proxyName: string, region: string): string {
  return `${proxyName}-${region}`;
}

/** A proxy's settings with every default applied. */
export interface ResolvedRdsProxySettings {
  readonly name: string;
  readonly requireTls: boolean;
  readonly idleClientTimeoutSeconds: number;
  readonly debugLogging: boolean;
  readonly iamAuth: ProxyIamAuth;
  readonly readOnlyEndpoint: boolean;
  readonly logRetentionDays: number;
  readonly connectionPool: {
    readonly maxConnectionsPercent: number;
    readonly maxIdleConnectionsPercent: number;
    readonly connectionBorrowTimeoutSeconds: number;
    readonly initQuery?: string;
    readonly sessionPinningFilters?: readonly SessionPinningFilter[];
  };
  readonly alarmThresholds: RdsProxyAlarmThresholds;
}

/** Applies the defaults, once; `logRetentionDays` is the environment policy's. */
export function resolveRdsProxySettings(
  settings: RdsProxySettings,
  environment: { readonly naming: ResourceNaming; readonly logRetentionDays: number },
): ResolvedRdsProxySettings {
  const pool = settings.connectionPool ?? {};
  const maxConnectionsPercent = pool.maxConnectionsPercent ?? RDS_PROXY_DEFAULTS.connectionPool.maxConnectionsPercent;
  return {
    name: settings.name ?? defaultProxyName(environment.naming),
    requireTls: settings.requireTls ?? RDS_PROXY_DEFAULTS.requireTls,
    idleClientTimeoutSeconds: settings.idleClientTimeoutSeconds ?? RDS_PROXY_DEFAULTS.idleClientTimeoutSeconds,
    debugLogging: settings.debugLogging ?? RDS_PROXY_DEFAULTS.debugLogging,
    iamAuth: settings.iamAuth ?? RDS_PROXY_DEFAULTS.iamAuth,
    readOnlyEndpoint: settings.readOnlyEndpoint ?? RDS_PROXY_DEFAULTS.readOnlyEndpoint,
    logRetentionDays: settings.logRetentionDays ?? environment.logRetentionDays,
    connectionPool: {
      maxConnectionsPercent,
      maxIdleConnectionsPercent: pool.maxIdleConnectionsPercent ?? defaultMaxIdleConnectionsPercent(maxConnectionsPercent),
      connectionBorrowTimeoutSeconds: pool.connectionBorrowTimeoutSeconds ?? RDS_PROXY_DEFAULTS.connectionPool.connectionBorrowTimeoutSeconds,
      initQuery: pool.initQuery,
      sessionPinningFilters: pool.sessionPinningFilters,
    },
    alarmThresholds: { ...RDS_PROXY_DEFAULTS.alarmThresholds, ...settings.alarmThresholds },
  };
}
