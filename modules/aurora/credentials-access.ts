/** An IAM policy statement in the shape `aws_iam_policy_document` takes (`statement` blocks). */
export interface PolicyStatement {
  readonly sid: string;
  readonly actions: string[];
  readonly resources: string[];
  readonly condition?: { readonly test: string; readonly variable: string; readonly values: string[] }[];
}

/**
 * Least privilege to read a cluster's master credentials: the secret's value and description, and
 * decrypting with the cluster key only through Secrets Manager in the secret's Region.
 */
export function readCredentialsStatements(props: { readonly secretArn: string; readonly kmsKeyArn: string; readonly region: string }): PolicyStatement[] {
  return [
    {
      sid: 'ReadAuroraMasterCredentials',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [props.secretArn],
    },
    {
      sid: 'DecryptAuroraMasterCredentials',
      actions: ['kms:Decrypt'],
      resources: [props.kmsKeyArn],
      condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`secretsmanager.${props.region}.amazonaws.com`] }],
    },
  ];
}
