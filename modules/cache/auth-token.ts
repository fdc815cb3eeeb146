import { Password } from '@cdktf/provider-random/lib/password';
import { Construct } from 'constructs';
import { CacheAuthentication } from './cache-settings';
import { CACHE_DEFAULTS } from './defaults';

/**
 * The special characters an ElastiCache AUTH token may hold: only `! & # $ ^ < > -` (so never `@`, `"`, `/`).
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
 */
export const AUTH_TOKEN_SPECIAL_CHARACTERS = '!&#$^<>-';

export interface CacheAuthTokenProps {
  /** Characters, 16-128 (validated by the replication group). */
  readonly length: number;
  /** Bumping the version generates a new token. */
  readonly version: number;
}

/**
 * The AUTH token of a replication group: a `random_password` of printable characters ElastiCache accepts.
 *
 * ElastiCache has no write-only `auth_token` in hashicorp/aws 6.25, so the token is a stateful
 * random_password: it lives in the (encrypted) state, as `auth_token` itself does, but never in the
 * synthesized JSON, which holds only the `${random_password....result}` reference.
 */
export class CacheAuthToken extends Construct {
  /** The token expression for `auth_token` and the secret; resolves only at apply. */
  public readonly token: string;
  public readonly version: number;

  constructor(scope: Construct, id: string, props: CacheAuthTokenProps) {
    super(scope, id);
    const password = new Password(this, 'Token', {
      length: props.length,
      special: true,
      overrideSpecial: AUTH_TOKEN_SPECIAL_CHARACTERS,
      minLower: 1,
      minUpper: 1,
      minNumeric: 1,
      minSpecial: 1,
      // A new version replaces the password, so Terraform sends the new token with the update strategy.
      keepers: { version: String(props.version) },
    });
    this.token = password.result;
    this.version = props.version;
  }
}

/** The token an authentication setting asks for: undefined with RBAC. */
export function authTokenProps(authentication: CacheAuthentication | undefined): CacheAuthTokenProps | undefined {
  const resolved = authentication ?? { kind: 'auth-token' };
  if (resolved.kind !== 'auth-token') return undefined;
  return { length: resolved.length ?? CACHE_DEFAULTS.authTokenLength, version: resolved.version ?? CACHE_DEFAULTS.authTokenVersion };
}
