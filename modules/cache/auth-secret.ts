import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';

export interface CacheAuthSecretProps {
  readonly provider: AwsProvider;
  /** The secret's name (`gaming-platform-prod-redis-eu-west-2/auth-token`). */
  readonly secretName: string;
  /** The customer-managed key encrypting the secret. */
  readonly kmsKeyArn: string;
  /** The token expression (from CacheAuthToken). */
  readonly token: string;
  /** The token's version; a new version rewrites the secret. */
  readonly tokenVersion: number;
  /** What clients connect to, written next to the token. */
  readonly primaryEndpoint: string;
  readonly readerEndpoint: string;
  readonly port: number;
  /**
   * Write a `url` key: `rediss://:<token URL-encoded>@<primary endpoint>:<port>`.
   * @default false
   */
  readonly url?: boolean;
  /**
   * Days Secrets Manager keeps a deleted secret recoverable.
   * @default 30
   */
  readonly recoveryWindowInDays?: number;
}

/**
 * The AUTH token in a KMS-encrypted Secrets Manager secret, as JSON
 * `{ auth_token, primary_endpoint, reader_endpoint, port }` (the shape skillancer's applications read), and
 * optionally a ready `url`.
 * The value goes through the write-only `secret_string_wo`, so the secret version keeps no copy in state.
 */
export class CacheAuthSecret extends Construct {
  public readonly secretArn: string;
  /** Readers of the secret depend on this: it writes the value. */
  public readonly value: SecretsmanagerSecretVersion;

  constructor(scope: Construct, id: string, props: CacheAuthSecretProps) {
    super(scope, id);
    const { provider } = props;
    const secret = new SecretsmanagerSecret(this, 'Secret', {
      provider,
      name: props.secretName,
      description: 'ElastiCache AUTH token and endpoints, written by Terraform',
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: props.recoveryWindowInDays ?? 30,
    });
    this.value = new SecretsmanagerSecretVersion(this, 'Value', {
      provider,
      secretId: secret.id,
      secretStringWo: Fn.jsonencode({
        auth_token: props.token,
        primary_endpoint: props.primaryEndpoint,
        reader_endpoint: props.readerEndpoint,
        port: props.port,
        // The token may hold `#`, `&` and `$`: encoded, the URL parses the same in every client.
        ...(props.url ? { url: `rediss://:${Fn.urlencode(props.token)}@${props.primaryEndpoint}:${props.port}` } : {}),
      }),
      secretStringWoVersion: props.tokenVersion,
    });
    this.secretArn = secret.arn;
  }
}
