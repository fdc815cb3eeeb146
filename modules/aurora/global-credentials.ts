import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Fn, ref, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AWS_REGIONS, regionConstructId } from '../regions/aws-regions';

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

export interface GlobalDatabaseCredentialsProps {
  /** The name of the `ephemeral "random_password"` block (unique in the stack). */
  readonly ephemeralPasswordName: string;
  /** The password's version: bumping it generates a new password and writes it everywhere in one apply. */
  readonly passwordVersion: number;
  /** The Global Database's current primary Region (see `credentialsWriteVersion`). */
  readonly primaryRegion: string;
  /** The master user's name. */
  readonly username: string;
  /** The database created with the cluster. */
  readonly databaseName: string;
  /** The port. */
  readonly port: number;
  /** The host clients should use: the Global Database's writer endpoint, which follows the primary. */
  readonly host: string;
  /** One secret per Region of the Global Database, each encrypted with that Region's key. */
  readonly secrets: readonly CredentialsSecretPlacement[];
  /**
   * Days Secrets Manager keeps a deleted secret recoverable.
   * @default 30
   */
  readonly recoveryWindowInDays?: number;
}

/** The password contains no `/`, `"`, `@` or space, which RDS refuses in master passwords. */
export const PASSWORD_SPECIAL_CHARACTERS = '!#$%&*()-_=+[]{}<>:?';

/**
 * The version written to the secrets: the password version and the primary Region together.
 *
 * After a switchover the new primary's `master_password_wo_version` goes from nothing to the password
 * version, so Terraform writes it a new password; folding the primary Region into the secrets' version
 * makes them take the same new password in that same apply.
 */
export function credentialsWriteVersion(passwordVersion: number, primaryRegion: string): number {
  return passwordVersion * 100 + (AWS_REGIONS as readonly string[]).indexOf(primaryRegion);
}

/**
 * The master credentials of a Global Database (where RDS-managed passwords are not supported).
 *
 * The password comes from an `ephemeral "random_password"` (hashicorp/random >= 3.7; cdktf 0.21 has no
 * construct for ephemeral blocks, so it is written by override) and reaches AWS only through write-only
 * arguments: `master_password_wo` on the primary cluster and `secret_string_wo` of a KMS-encrypted secret
 * in every Region. It is in neither the synthesized JSON, the plan, nor the state.
 */
export class GlobalDatabaseCredentials extends Construct {
  /** The expression the primary cluster's `master_password_wo` takes. */
  public readonly masterPasswordWriteOnly: string;
  /** The version the primary cluster's `master_password_wo_version` takes. */
  public readonly masterPasswordVersion: number;
  private readonly secretArns = new Map<string, string>();
  private readonly secretValues = new Map<string, SecretsmanagerSecretVersion>();

  constructor(scope: Construct, id: string, props: GlobalDatabaseCredentialsProps) {
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
    this.masterPasswordVersion = props.passwordVersion;

    for (const placement of props.secrets) {
      const { provider } = placement;
      const secret = new SecretsmanagerSecret(this, `Secret${regionConstructId(placement.region)}`, {
        provider,
        name: placement.secretName,
        description: `Master credentials of the Aurora Global Database (${props.databaseName}), written by Terraform`,
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
        }),
        secretStringWoVersion: credentialsWriteVersion(props.passwordVersion, props.primaryRegion),
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
