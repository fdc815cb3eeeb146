/** An IAM policy statement in the shape `aws_iam_policy_document` takes (`statement` blocks). */
export interface PolicyStatement {
  readonly sid: string;
  readonly actions: string[];
  readonly resources: string[];
  readonly condition?: { readonly test: string; readonly variable: string; readonly values: string[] }[];
}

export interface SecretToRead {
  /** Names the statements' sids: `Read<name>`, `Decrypt<name>` (PascalCase, e.g. `AuroraMasterCredentials`). */
  readonly name: string;
  readonly secretArn: string;
  /** The customer-managed key the secret is encrypted with. */
  readonly kmsKeyArn: string;
  /** The secret's Region: the key may be used only through Secrets Manager there. */
  readonly region: string;
}

/**
 * Least privilege to read one secret: its value and description, and decrypting with its key only
 * through Secrets Manager in the secret's Region (so the grant cannot decrypt anything else under that key).
 */
export function readSecretStatements(secret: SecretToRead): PolicyStatement[] {
  return [
    {
      sid: `Read${secret.name}`,
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [secret.secretArn],
    },
    {
      sid: `Decrypt${secret.name}`,
      actions: ['kms:Decrypt'],
      resources: [secret.kmsKeyArn],
      condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`secretsmanager.${secret.region}.amazonaws.com`] }],
    },
  ];
}
