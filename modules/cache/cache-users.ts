import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { PolicyStatement, readSecretStatements } from '../secrets';
import { derivedNameRule, describeValue, integerInRange, matches, oneOf, ValidationRule } from '../validation';
import { CacheAuthToken } from './auth-token';
import { CacheEngine } from './engine-version';
import { CACHE_NAME_LIMITS } from './name-limits';

/** How a user DataStack creates proves who it is. */
export type CacheUserAuthenticationType = 'password' | 'iam';

/** One ElastiCache (RBAC) user of a cache. */
export interface CacheUserSettings {
  /**
   * A short name for the user (`app`, `worker`): lowercase letters, digits and single hyphens. Password users
   * connect with it as their user name; IAM users with `<cache>-<name>` (IAM needs the user ID as the user name).
   */
  readonly name: string;
  /**
   * The user's Redis ACL access string.
   * @default 'on ~* &* +@all -@dangerous' (every key and channel, every command except the dangerous ones:
   * FLUSHALL, KEYS, CONFIG, DEBUG ...)
   */
  readonly accessString?: string;
  /**
   * `password`: a generated password, kept in a Secrets Manager secret of its own; `iam`: an IAM
   * identity allowed `elasticache:Connect` signs a token (Redis OSS 7 or Valkey 7.2 and later).
   * @default 'password'
   */
  readonly authentication?: CacheUserAuthenticationType;
  /**
   * Bumping it generates a new password (the secret follows in the same apply; clients re-read it).
   * @default 1
   */
  readonly passwordVersion?: number;
}

/** The defaults of a user, in one place (docs/cache.md quotes them; a test compares). */
export const CACHE_USER_DEFAULTS = {
  accessString: 'on ~* &* +@all -@dangerous',
  authentication: 'password' as CacheUserAuthenticationType,
  passwordVersion: 1,
  passwordLength: 64,
  /** The users of a serverless cache when its configuration names none. */
  serverlessUsers: [{ name: 'app' }] as readonly CacheUserSettings[],
  /** The default user every user group must hold, created switched off. */
  disabledDefaultUserAccessString: 'off -@all',
} as const;

const USER_NAME = /^[a-z](?:-?[a-z0-9])*$/;

/** The checks of a list of users under `setting` (`cache.users`): names, access strings, authentication. */
export function cacheUsersRules(setting: string, users: readonly CacheUserSettings[], engine: CacheEngine, engineMajorVersion: number | undefined): ValidationRule[] {
  if (!Array.isArray(users) || users.length === 0) return [{ condition: false, message: `${setting} must list at least one user, got ${describeValue(users)}` }];
  const names = users.map((user) => user.name);
  // A user group holds up to 100 users, the default user included.
  const rules: ValidationRule[] = [{ condition: users.length <= 99, message: `${setting} must list at most 99 users (a user group holds 100, the default user included), got ${users.length}` }];
  users.forEach((user, i) => {
    const at = `${setting}[${i}]`;
    rules.push(matches(`${at}.name`, user.name, USER_NAME, 'lowercase letters, digits and single hyphens, starting with a letter (e.g. "app")'));
    rules.push({ condition: user.name !== 'default', message: `${at}.name must not be "default" (DataStack creates the default user, switched off), got "default"` });
    rules.push({ condition: names.indexOf(user.name) === i, message: `${at}.name must name each user once, got ${describeValue(user.name)} again` });
    if (user.accessString !== undefined) {
      rules.push(matches(`${at}.accessString`, user.accessString, /^(on|off)(\s+\S+)*$/, 'a Redis ACL access string starting with "on" or "off", e.g. "on ~app:* +@read"'));
    }
    const authentication = user.authentication ?? CACHE_USER_DEFAULTS.authentication;
    rules.push(oneOf(`${at}.authentication`, authentication, ['password', 'iam']));
    if (authentication === 'iam') {
      rules.push({
        condition: engine === 'valkey' || (engineMajorVersion ?? 0) >= 7,
        message: `${at}.authentication "iam" needs Redis OSS 7 or later or Valkey, got ${engine} ${engineMajorVersion ?? 'unknown'}`,
      });
    }
    if (user.passwordVersion !== undefined) rules.push(integerInRange(`${at}.passwordVersion`, user.passwordVersion, 1, 1_000_000));
  });
  return rules;
}

/** The names DataStack derives for the users of the cache named `prefix`, against the limits AWS documents. */
export function cacheUserNameRules(setting: string, users: readonly CacheUserSettings[], prefix: string): ValidationRule[] {
  const rules = (users ?? []).flatMap((user, i) =>
    USER_NAME.test(user.name ?? '')
      ? [
          derivedNameRule(`${prefix}-${user.name}`, CACHE_NAME_LIMITS.userId, `${setting}[${i}].name or the system name`),
          derivedNameRule(`${prefix}/users/${user.name}`, CACHE_NAME_LIMITS.secretName, `${setting}[${i}].name or the system name`),
        ]
      : [],
  );
  return [
    ...rules,
    derivedNameRule(`${prefix}-default`, CACHE_NAME_LIMITS.userId, 'the system name'),
    derivedNameRule(`${prefix}-users`, CACHE_NAME_LIMITS.userGroupId, 'the system name'),
  ];
}

export interface CacheUserGroupProps {
  readonly provider: AwsProvider;
  /** The cache's name: user IDs, the group ID and secret names start with it. */
  readonly prefix: string;
  readonly engine: CacheEngine;
  readonly users: readonly CacheUserSettings[];
  /** The customer-managed key encrypting the password secrets (the cache's). */
  readonly kmsKeyArn: string;
  /** The Region, for the decrypt condition of the read grants. */
  readonly region: string;
}

/** Where clients connect, written next to each password so a client needs one secret. */
export interface CacheUserEndpoint {
  readonly address: string;
  readonly port: number;
}

interface PendingSecret {
  readonly scope: Construct;
  readonly secretId: string;
  readonly userName: string;
  readonly password: string;
  readonly version: number;
}

/** A user DataStack created: what clients and IAM policies need of it. */
export interface CreatedCacheUser {
  readonly name: string;
  /** The name clients send with AUTH/HELLO. */
  readonly userName: string;
  readonly userId: string;
  readonly arn: string;
  readonly authentication: CacheUserAuthenticationType;
  /** Password users: the secret `{ username, password, endpoint, port }`. */
  readonly secretArn?: string;
}

/**
 * An ElastiCache user group with the users a cache's clients connect as: a switched-off `default` user (every
 * group must hold one), then each configured user, with a generated password in a KMS-encrypted secret
 * (written through `secret_string_wo`) or IAM authentication.
 *
 * `aws_elasticache_user` has no write-only password in hashicorp/aws 6.25, so a password is a stateful
 * random_password, like the AUTH token: in the encrypted state, never in the synthesized JSON.
 */
export class CacheUserGroup extends Construct {
  public readonly userGroup: ElasticacheUserGroup;
  public readonly userGroupId: string;
  public readonly users: readonly CreatedCacheUser[];
  private readonly kmsKeyArn: string;
  private readonly region: string;
  private readonly provider: AwsProvider;
  private readonly pendingSecrets: PendingSecret[] = [];

  constructor(scope: Construct, id: string, props: CacheUserGroupProps) {
    super(scope, id);
    const { provider, prefix, engine } = props;
    this.kmsKeyArn = props.kmsKeyArn;
    this.region = props.region;
    this.provider = provider;
    // Disabled ("off"): nobody can authenticate as it; its password exists only because AWS asks for one.
    const defaultUser = new ElasticacheUser(this, 'DefaultUser', {
      provider,
      userId: `${prefix}-default`,
      userName: 'default',
      engine,
      accessString: CACHE_USER_DEFAULTS.disabledDefaultUserAccessString,
      authenticationMode: { type: 'password', passwords: [new CacheAuthToken(this, 'DefaultUserPassword', { length: CACHE_USER_DEFAULTS.passwordLength, version: 1 }).token] },
    });
    const created = props.users.map((user) => this.createUser(props, user));
    this.userGroup = new ElasticacheUserGroup(this, 'UserGroup', {
      provider,
      userGroupId: `${prefix}-users`,
      engine,
      userIds: [defaultUser.userId, ...created.map((user) => user.resource.userId)],
    });
    this.userGroupId = this.userGroup.userGroupId;
    this.users = created.map((user) => user.created);
  }

  /**
   * Writes each password user's secret `{ username, password, endpoint, port }` through `secret_string_wo`;
   * called once the cache exists, since the cache needs the group first and the secret needs its endpoint.
   */
  writeSecrets(endpoint: CacheUserEndpoint): void {
    for (const pending of this.pendingSecrets.splice(0)) {
      new SecretsmanagerSecretVersion(pending.scope, 'Value', {
        provider: this.provider,
        secretId: pending.secretId,
        secretStringWo: Fn.jsonencode({ username: pending.userName, password: pending.password, endpoint: endpoint.address, port: endpoint.port }),
        secretStringWoVersion: pending.version,
      });
    }
  }

  /** Least privilege to read one password user's secret (its value, and its key only through Secrets Manager). */
  grantReadUserSecret(name: string): PolicyStatement[] {
    const user = this.users.find((candidate) => candidate.name === name);
    if (user?.secretArn === undefined) throw new Error(`the cache has no password user ${JSON.stringify(name)}`);
    const pascal = name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
    return readSecretStatements({ name: `CacheUser${pascal}`, secretArn: user.secretArn, kmsKeyArn: this.kmsKeyArn, region: this.region });
  }

  /**
   * `elasticache:Connect` for one IAM user on the cache: what the application role needs to sign its token.
   * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html
   */
  grantConnect(name: string, cacheArn: string): PolicyStatement[] {
    const user = this.users.find((candidate) => candidate.name === name);
    if (user?.authentication !== 'iam') throw new Error(`the cache has no IAM user ${JSON.stringify(name)}`);
    return [{ sid: 'ConnectToCache', actions: ['elasticache:Connect'], resources: [cacheArn, user.arn] }];
  }

  private createUser(props: CacheUserGroupProps, user: CacheUserSettings): { resource: ElasticacheUser; created: CreatedCacheUser } {
    const { provider, prefix, engine } = props;
    const construct = new Construct(this, `User-${user.name}`);
    const userId = `${prefix}-${user.name}`;
    const authentication = user.authentication ?? CACHE_USER_DEFAULTS.authentication;
    const accessString = user.accessString ?? CACHE_USER_DEFAULTS.accessString;
    if (authentication === 'iam') {
      // IAM authentication needs the user ID and the user name to be the same.
      const resource = new ElasticacheUser(construct, 'User', { provider, userId, userName: userId, engine, accessString, authenticationMode: { type: 'iam' } });
      return { resource, created: { name: user.name, userName: userId, userId, arn: resource.arn, authentication } };
    }
    const version = user.passwordVersion ?? CACHE_USER_DEFAULTS.passwordVersion;
    const password = new CacheAuthToken(construct, 'Password', { length: CACHE_USER_DEFAULTS.passwordLength, version });
    const resource = new ElasticacheUser(construct, 'User', {
      provider,
      userId,
      userName: user.name,
      engine,
      accessString,
      authenticationMode: { type: 'password', passwords: [password.token] },
    });
    const secret = new SecretsmanagerSecret(construct, 'Secret', {
      provider,
      name: `${prefix}/users/${user.name}`,
      description: `ElastiCache user ${user.name} of ${prefix}: password and endpoint, written by Terraform`,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: 30,
    });
    this.pendingSecrets.push({ scope: construct, secretId: secret.id, userName: user.name, password: password.token, version });
    return { resource, created: { name: user.name, userName: user.name, userId, arn: resource.arn, authentication, secretArn: secret.arn } };
  }
}
