import { logRetentionRule } from '../logs';
import { ResourceNaming } from '../naming';
import { describeValue, integerInRange, minNotAboveMax, nonEmpty, oneOf, ValidationRule } from '../validation';
import { defaultProxyName, proxyRoleName, RDS_PROXY_DEFAULTS, readOnlyEndpointName } from './defaults';
import { PROXY_IAM_AUTH_MODES, RdsProxySettings, SESSION_PINNING_FILTERS } from './rds-proxy-settings';

/** AWS's longest proxy (and proxy endpoint) name. */
export const PROXY_NAME_MAX_LENGTH = 63;

/** IAM's longest role name. */
const ROLE_NAME_MAX_LENGTH = 64;

/** A letter first, then letters and digits with single hyphens between them (none at the end). */
const PROXY_NAME = /^[a-z](?:-?[a-z0-9])*$/;

const PROXY_NAME_ACCEPTED = `1-${PROXY_NAME_MAX_LENGTH} lowercase letters, digits and hyphens, starting with a letter, with no two hyphens in a row and no hyphen at the end`;

function proxyNameRule(setting: string, name: string): ValidationRule {
  return {
    condition: typeof name === 'string' && name.length <= PROXY_NAME_MAX_LENGTH && PROXY_NAME.test(name),
    message: `${setting} must be ${PROXY_NAME_ACCEPTED}, got ${describeValue(name)}`,
  };
}

/** The names the proxy derives from its own: the read-only endpoint's and the role's. */
function derivedNameRules(setting: string, name: string, readOnlyEndpoint: boolean, region: string): ValidationRule[] {
  const endpointRoom = PROXY_NAME_MAX_LENGTH - (readOnlyEndpointName(name).length - name.length);
  const roleRoom = ROLE_NAME_MAX_LENGTH - (proxyRoleName(name, region).length - name.length);
  return [
    ...(readOnlyEndpoint
      ? [
          {
            condition: name.length <= endpointRoom,
            message: `${setting} must be at most ${endpointRoom} characters with a read-only endpoint (named ${readOnlyEndpointName('<name>')}, ${PROXY_NAME_MAX_LENGTH} at most), got ${describeValue(name)} (${name.length})`,
          },
        ]
      : []),
    {
      condition: name.length <= roleRoom,
      message: `${setting} must be at most ${roleRoom} characters in ${region} (the proxy's IAM role is ${proxyRoleName('<name>', region)}, ${ROLE_NAME_MAX_LENGTH} at most), got ${describeValue(name)} (${name.length})`,
    },
  ];
}

/**
 * The checks of a proxy's settings; `setting` is their path (`content-hub.environments.prod.proxy`).
 * `naming` gives the default name, `region` the Region the proxy is built in (its role's name carries it).
 */
export function rdsProxySettingsRules(
  setting: string,
  settings: RdsProxySettings,
  environment: { readonly naming: ResourceNaming; readonly region: string },
): ValidationRule[] {
  const pool = settings.connectionPool ?? {};
  const name = settings.name ?? defaultProxyName(environment.naming);
  const readOnlyEndpoint = settings.readOnlyEndpoint ?? RDS_PROXY_DEFAULTS.readOnlyEndpoint;
  const nameRule = proxyNameRule(`${setting}.name`, name);
  const maxRule = pool.maxConnectionsPercent === undefined ? undefined : integerInRange(`${setting}.connectionPool.maxConnectionsPercent`, pool.maxConnectionsPercent, 1, 100);
  const idleRule =
    pool.maxIdleConnectionsPercent === undefined ? undefined : integerInRange(`${setting}.connectionPool.maxIdleConnectionsPercent`, pool.maxIdleConnectionsPercent, 0, 100);
  const thresholds = settings.alarmThresholds ?? {};
  return [
    nameRule,
    ...(nameRule.condition ? derivedNameRules(`${setting}.name`, name, readOnlyEndpoint, environment.region) : []),
    ...(settings.idleClientTimeoutSeconds === undefined ? [] : [integerInRange(`${setting}.idleClientTimeoutSeconds`, settings.idleClientTimeoutSeconds, 1, 28800)]),
    ...(settings.iamAuth === undefined ? [] : [oneOf(`${setting}.iamAuth`, settings.iamAuth, PROXY_IAM_AUTH_MODES)]),
    ...(maxRule === undefined ? [] : [maxRule]),
    ...(idleRule === undefined ? [] : [idleRule]),
    // The idle pool lives inside the maximum (compared when both are given and valid: each default fits the other).
    ...(idleRule?.condition && maxRule?.condition
      ? [minNotAboveMax(`${setting}.connectionPool.maxIdleConnectionsPercent`, pool.maxIdleConnectionsPercent!, `${setting}.connectionPool.maxConnectionsPercent`, pool.maxConnectionsPercent!)]
      : []),
    ...(pool.connectionBorrowTimeoutSeconds === undefined
      ? []
      : [integerInRange(`${setting}.connectionPool.connectionBorrowTimeoutSeconds`, pool.connectionBorrowTimeoutSeconds, 1, 3600)]),
    ...(pool.initQuery === undefined ? [] : [nonEmpty(`${setting}.connectionPool.initQuery`, pool.initQuery)]),
    ...(pool.sessionPinningFilters ?? []).map((filter, index) => oneOf(`${setting}.connectionPool.sessionPinningFilters[${index}]`, filter, SESSION_PINNING_FILTERS)),
    ...(settings.logRetentionDays === undefined ? [] : [logRetentionRule(`${setting}.logRetentionDays`, settings.logRetentionDays)]),
    ...(thresholds.borrowedConnectionsPercent === undefined
      ? []
      : [integerInRange(`${setting}.alarmThresholds.borrowedConnectionsPercent`, thresholds.borrowedConnectionsPercent, 1, 100)]),
    ...(thresholds.queryDatabaseResponseLatencyMilliseconds === undefined
      ? []
      : [integerInRange(`${setting}.alarmThresholds.queryDatabaseResponseLatencyMilliseconds`, thresholds.queryDatabaseResponseLatencyMilliseconds, 1, 60000)]),
  ];
}
