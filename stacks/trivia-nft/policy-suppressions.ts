// The trivia game's accepted policy-pack findings (`npm run check` prints each reason). A suppression that
// starts "Known defect" or "Known gap" is temporary: it names what to fix and where.
import type { PolicySuppression } from '../policy-suppression';

export const TRIVIA_NFT_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [
  {
    ruleId: 'DS-BACKUP-003',
    resource: 'aws_rds_cluster.Aurora_*',
    stacks: ['trivia-nft-prod'],
    reason:
      'Known gap, to close in stacks/trivia-nft: the system is single-Region (us-east-1) by its requirements, which ask for 35 days of automated backups and point-in-time restore in the Region, and AWS Backup copies only to another of the environment\'s Regions (backup.copyRegion), which prod does not have yet. A second Region for backup copies is a decision for the system\'s owners (docs/systems/trivia-nft.md).',
  },
  {
    ruleId: 'DS-IAM-003',
    resource: 'aws_iam_role.Migrations_Role_*',
    reason:
      'Known gap, to fix in modules/migrations: the trust policy should carry an aws:SourceAccount condition as modules/aurora/monitoring-role.ts does. The exposure is small meanwhile: Lambda assumes the role only for functions it was given to with iam:PassRole, which cannot cross accounts.',
  },
  {
    ruleId: 'DS-KMS-003',
    resource: 'aws_kms_key.AlarmTopics*_Key_*',
    reason:
      "Known gap, to fix in modules/alarms (AlarmTopics): the service grants on the alarm topics' key have no aws:SourceAccount/aws:SourceArn condition, which CloudWatch supports when it publishes to encrypted topics. The key encrypts only these topics' messages.",
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
      'The game connects through RDS Proxy with the master credentials from Secrets Manager (the proxy authenticates clients with SCRAM against that secret) and the schema grants rds_iam to no user, so IAM database authentication would admit nobody; it comes with an application role and policies granting rds-db:connect.',
  },
  {
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.Redis_*_AuthSecret_*',
    reason:
      'Terraform rotates the AUTH token without downtime in two applies, ROTATE then SET (docs/cache.md, Rotating the AUTH token without downtime); a Secrets Manager rotation would change the secret without changing the token on the replication group.',
  },
];
