// The gaming platform's accepted policy-pack findings (`npm run check` prints each reason). A
// suppression that starts "Known defect" or "Known gap" is temporary: it names what to fix and where.
import type { PolicySuppression } from '../policy-suppression';

export const GAMING_PLATFORM_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [
  {
    ruleId: 'DS-RDS-005',
    resource: 'aws_rds_*cluster.Aurora_*',
    stacks: ['gaming-platform-dev'],
    reason:
      'Dev turns deletion protection off on purpose (the Aurora default is on everywhere but dev) so the environment can be destroyed and rebuilt with cdktf destroy; dev data is what the migrations recreate, and staging and prod keep deletion protection on.',
  },
  {
    ruleId: 'DS-DDB-003',
    resource: 'aws_dynamodb_table.DynamoDbTable*',
    stacks: ['gaming-platform-dev'],
    reason:
      'The dev policy turns table deletion protection off on purpose so the environment can be destroyed and rebuilt with cdktf destroy; dev tables hold test data, and staging and prod keep deletion protection on.',
  },
  {
    ruleId: 'DS-IAM-003',
    resource: 'aws_iam_role.Backup_Role_*',
    reason:
      'The AWS Backup service-role trust policy AWS documents has no condition, and that AWS Backup sends aws:SourceAccount when it assumes the role is not verified; adding the condition unverified could stop the backup jobs. The role is usable only through iam:PassRole by a backup plan selection in this account, which cannot cross accounts.',
  },
  {
    ruleId: 'DS-IAM-003',
    resource: 'aws_iam_role.Migrations_Role_*',
    reason:
      'Known gap, to fix in modules/migrations: the trust policy should carry an aws:SourceAccount condition as modules/aurora/monitoring-role.ts does. The exposure is small meanwhile: Lambda assumes the role only for functions it was given to with iam:PassRole, which cannot cross accounts.',
  },
  {
    ruleId: 'DS-IAM-003',
    resource: 'aws_iam_role.Dax_Role_*',
    reason:
      'The DAX service-role trust policy AWS documents has no condition, and that DAX sends aws:SourceAccount when it assumes the role is not verified; adding the condition unverified could cut the cluster off from its tables. The role is usable only through iam:PassRole when a cluster is created, which cannot cross accounts.',
  },
  {
    ruleId: 'DS-KMS-003',
    resource: 'aws_kms_key.AlarmTopics*_Key_*',
    reason:
      "Known gap, to fix in modules/alarms (AlarmTopics): the cloudwatch.amazonaws.com grant on the alarm topics' key has no aws:SourceAccount/aws:SourceArn condition, which CloudWatch supports when it publishes to encrypted topics. The key encrypts only these topics' messages.",
  },
  {
    ruleId: 'DS-SNS-003',
    resource: 'aws_sns_topic.AlarmTopics*',
    reason:
      'Known gap, to fix in modules/alarms: no topic policy denies aws:SecureTransport = false. The only publisher is CloudWatch, an AWS service that publishes over TLS, and the stack subscribes nothing to the topics, so no client reaches them over plain HTTP today.',
  },
  {
    ruleId: 'DS-MIG-001',
    resource: 'aws_lambda_function.Migrations_Function_*',
    reason:
      'Two runs cannot migrate at once: the runner holds a PostgreSQL session advisory lock for the whole run and gives up, applying nothing, when another run holds it (migrations/runner/migrator.ts and its test), and Terraform invokes the function only inside an apply, which the S3 state lock serializes per stack. Reserved concurrency 1 would make that visible in the JSON; not set yet.',
  },
  {
    ruleId: 'DS-RDS-010',
    resource: 'aws_rds_cluster.Aurora_*',
    reason:
      'Clients authenticate with credentials from Secrets Manager and no database user is granted rds_iam, so IAM authentication would admit nobody until such users exist; it comes with the schema roles and the IAM policies granting rds-db:connect.',
  },
  {
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.Aurora_Credentials_Secret*',
    reason:
      'A Global Database cannot use RDS-managed master passwords: Terraform writes the master password write-only and rotates it when masterPasswordVersion is bumped (docs/aurora.md, Rotating the master password). A Secrets Manager rotation function would change the password behind Terraform, in one Region only.',
  },
  {
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.Redis_*_AuthSecret_*',
    reason:
      'Terraform rotates the AUTH token without downtime in two applies, ROTATE then SET (docs/cache.md, Rotating the AUTH token without downtime); a Secrets Manager rotation would change the secret without changing the token on the replication group.',
  },
  {
    ruleId: 'DS-LOG-002',
    resource: 'aws_cloudwatch_log_group.Redis_*_Logs_*',
    stacks: ['gaming-platform-prod'],
    reason:
      'The Redis slow log and engine log are operational diagnostics (slow commands, node events), not an audit trail; production keeps them 90 days as docs/cache.md states. The PostgreSQL and migrations logs are kept 365 days.',
  },
];
