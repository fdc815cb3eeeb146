import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Fn, ref, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { createHash } from 'crypto';
import { regionConstructId } from '../regions';

/** Where one copy of the credentials is kept. */
export interface CredentialsSecretPlacement {
  /** The Region. */
  readonly region: string;
  /** The aws provider of the Region. */
  readonly provider: AwsProvider;
  /** The Region's customer-managed key the secret is encrypted with. */
  readonly kmsKeyArn: string;
  /** The secret's name. */
  readonly secretName: string;
}

export interface WriteOnlyCredentialsProps {
  /** The name of the `ephemeral "random_password"` block (unique in the stack). */
  readonly ephemeralPasswordName: string;
  /**
   * The version both the database's `*_wo_version` and every secret's `secret_string_wo_version` take
   * (see `credentialsWriteVersion`): a new value writes one new password everywhere in one apply.
   */
  readonly writeVersion: number;
  /** The master user's name. */
  readonly username: string;
  /** The database created with the cluster or instance. */
  readonly databaseName: string;
  /** The port. */
  readonly port: number;
  /** The host clients should use. */
  readonly host: string;
  /** One secret per Region, each encrypted with that Region's key. */
  readonly secrets: readonly CredentialsSecretPlacement[];
  /** What the secret's description says the credentials are for (`the Aurora Global Database gaming`). */
  readonly purpose: string;
  /**
   * Fields written into every secret beside engine, username, password, host, port and dbname.
   * @default - none
   */
  readonly additionalFields?: Readonly<Record<string, string | number>>;
  /**
   * Days Secrets Manager keeps a deleted secret recoverable.
   * @default 30
   */
  readonly recoveryWindowInDays?: number;
  /**
   * A ready connection URL under the key `url` (`postgresql://<user>:<password>@<host>:<port>/<dbname>?<query>`),
   * the password URL-encoded by Terraform's `urlencode()`, so applications that take one `DATABASE_URL`
   * read it from the secret as they are (ECS `valueFrom: <secret-arn>:url::`).
   * @default - no `url` key
   */
  readonly connectionUrl?: ConnectionUrl;
}

/** How the `url` key of a credentials secret is written. */
export interface ConnectionUrl {
  /**
   * The query string after `?`, without it.
   * @default 'sslmode=require'
   */
  readonly query?: string;
}

/** The query a connection URL carries unless told otherwise: TLS, as `rds.force_ssl` demands. */
export const DEFAULT_CONNECTION_URL_QUERY = 'sslmode=require';

/**
 * A PostgreSQL connection URL with the password URL-encoded by Terraform at apply time (the password is
 * ephemeral, so the URL is too: it may appear only in write-only arguments).
 */
export function postgresConnectionUrl(parts: {
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly port: number;
  readonly databaseName: string;
  readonly query?: string;
}): string {
  const query = parts.query ?? DEFAULT_CONNECTION_URL_QUERY;
  const suffix = query === '' ? '' : `?${query}`;
  return `postgresql://${parts.username}:${Fn.urlencode(parts.password)}@${parts.host}:${parts.port}/${parts.databaseName}${suffix}`;
}

/** The password contains no `/`, `"`, `@` or space, which RDS refuses in master passwords. */
export const PASSWORD_SPECIAL_CHARACTERS = '!#$%&*()-_=+[]{}<>:?';

/** Room left in a write version for the Region's code: versions are `passwordVersion * 100000 + code`. */
const REGION_CODES = 100_000;

/**
 * A number for a Region computed from its name alone (the first four bytes of its SHA-256, modulo 100000),
 * so no list of Regions, and no Region AWS opens later, can shift it. Distinct for every Region DataStack
 * accepts (a test checks).
 */
export function regionWriteCode(region: string): number {
  return createHash('sha256').update(region).digest().readUInt32BE(0) % REGION_CODES;
}

/**
 * The write version of the master password: the password version and the primary Region together.
 *
 * The database and its secrets take the same version, so they change together: a bumped password version
 * writes one new password into both; after a Global Database switchover the new primary's version goes from
 * nothing to this value and the secrets' version moves to it in the same apply. Neither changes alone.
 */
export function credentialsWriteVersion(passwordVersion: number, primaryRegion: string): number {
  return passwordVersion * REGION_CODES + regionWriteCode(primaryRegion);
}

/**
 * Master credentials that never reach the synthesized JSON, the plan or the state: a password from an
 * `ephemeral "random_password"` (hashicorp/random >= 3.7; cdktf 0.21 has no construct for ephemeral
 * blocks, so it is written by override) that reaches AWS only through write-only arguments — the
 * database's `*_wo` argument and `secret_string_wo` of a KMS-encrypted secret in every Region given.
 */
export class WriteOnlyCredentials extends Construct {
  /** The expression the database's write-only password argument takes. */
  public readonly masterPasswordWriteOnly: string;
  /** The version the database's write-only password version argument takes. */
  public readonly writeVersion: number;
  private readonly secretArns = new Map<string, string>();
  private readonly secretValues = new Map<string, SecretsmanagerSecretVersion>();

  constructor(scope: Construct, id: string, props: WriteOnlyCredentialsProps) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    stack.addOverride(`ephemeral.random_password.${props.ephemeralPasswordName}`, {
      length: 40,
      special: true,
      override_special: PASSWORD_SPECIAL_CHARACTERS,
      min_lower: 1,
      min_upper: 1,
      min_numeric: 1,
      min_special: 1,
    });
    const password = ref(`ephemeral.random_password.${props.ephemeralPasswordName}.result`, stack);
    this.masterPasswordWriteOnly = password.toString();
    this.writeVersion = props.writeVersion;

    for (const placement of props.secrets) {
      const { provider } = placement;
      const secret = new SecretsmanagerSecret(this, `Secret${regionConstructId(placement.region)}`, {
        provider,
        name: placement.secretName,
        description: `Master credentials of ${props.purpose}, written by Terraform`,
        kmsKeyId: placement.kmsKeyArn,
        recoveryWindowInDays: props.recoveryWindowInDays ?? 30,
      });
      const value = new SecretsmanagerSecretVersion(this, `Value${regionConstructId(placement.region)}`, {
        provider,
        secretId: secret.id,
        // The shape RDS and the Secrets Manager rotation functions use for PostgreSQL secrets.
        secretStringWo: Fn.jsonencode({
          engine: 'postgres',
          username: props.username,
          password,
          host: props.host,
          port: props.port,
          dbname: props.databaseName,
          ...props.additionalFields,
          ...(props.connectionUrl === undefined
            ? {}
            : {
                url: postgresConnectionUrl({
                  username: props.username,
                  password: password.toString(),
                  host: props.host,
                  port: props.port,
                  databaseName: props.databaseName,
                  query: props.connectionUrl.query,
                }),
              }),
        }),
        secretStringWoVersion: props.writeVersion,
      });
      this.secretArns.set(placement.region, secret.arn);
      this.secretValues.set(placement.region, value);
    }
  }

  /** The resource that writes the credentials into a Region's secret: readers of the secret depend on it. */
  secretValueIn(region: string): SecretsmanagerSecretVersion {
    const value = this.secretValues.get(region);
    if (value === undefined) throw new Error(`No credentials secret in Region ${region}`);
    return value;
  }

  /** The ARN of the credentials secret in a Region. */
  secretArnIn(region: string): string {
    const arn = this.secretArns.get(region);
    if (arn === undefined) throw new Error(`No credentials secret in Region ${region}`);
    return arn;
  }
}
