import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import type { CredentialsSecret } from '../rds';
import { readSecretStatements } from '../secrets';

export interface RdsProxyRoleProps {
  readonly provider: AwsProvider;
  readonly roleName: string;
  /** The proxy's name, for the role's description. */
  readonly proxyName: string;
  /** The credentials the proxy logs in to the database with. */
  readonly credentials: CredentialsSecret;
}

/**
 * The role RDS Proxy assumes to read the database's credentials: trusted by rds.amazonaws.com on behalf of
 * this account only, allowed to read that one secret and to decrypt it only through Secrets Manager.
 */
export class RdsProxyRole extends Construct {
  public readonly roleArn: string;
  /** The role's policy: the proxy needs it in place before it reads the secret. */
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: RdsProxyRoleProps) {
    super(scope, id);
    const { provider } = props;
    const account = new DataAwsCallerIdentity(this, 'Account', { provider });
    const trust = new DataAwsIamPolicyDocument(this, 'Trust', {
      provider,
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['rds.amazonaws.com'] }],
          // Confused-deputy guard: only on behalf of this account.
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: props.roleName,
      description: `RDS Proxy ${props.proxyName} reads the database credentials`,
      assumeRolePolicy: trust.json,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider,
      statement: readSecretStatements({ name: 'DatabaseCredentials', ...props.credentials }).map((statement) => ({
        ...statement,
        condition: statement.condition?.map((condition) => ({ ...condition })),
      })),
    });
    this.policy = new IamRolePolicy(this, 'RolePolicy', { provider, name: 'read-database-credentials', role: role.id, policy: policy.json });
    this.roleArn = role.arn;
  }
}
