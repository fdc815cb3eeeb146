// skillancer's accepted policy-pack findings (`npm run check` prints each reason). A suppression that starts
// "Known gap" is temporary: it names what to fix and where.
import type { PolicySuppression } from '../policy-suppression';

export const SKILLANCER_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [
  {
    ruleId: 'DS-RDS-005',
    resource: 'aws_db_instance.Postgres_*',
    stacks: ['skillancer-dev'],
    reason:
      'The dev policy turns deletion protection off on purpose, as skillancer asks for its dev database, so the environment can be destroyed and rebuilt; staging and prod keep it on.',
  },
  {
    ruleId: 'DS-RDS-006',
    resource: 'aws_db_instance.Postgres_*',
    stacks: ['skillancer-dev'],
    reason:
      'skillancer skips the final snapshot in dev only (policy finalSnapshot: false): dev data is disposable and a snapshot per rebuild would pile up. Staging and prod take one.',
  },
  {
    ruleId: 'DS-CACHE-006',
    resource: 'aws_elasticache_replication_group.Redis_*',
    stacks: ['skillancer-dev'],
    reason:
      'The same dev policy (finalSnapshot: false) applies to the dev Redis group: a cache of disposable dev data, rebuilt empty. Staging and prod take a final snapshot.',
  },
  {
    ruleId: 'DS-BACKUP-003',
    resource: 'aws_db_instance.Postgres_*',
    stacks: ['skillancer-prod'],
    reason:
      "skillancer keeps recovery in its Region: 30 days of automated backups with point-in-time restore, Multi-AZ and a read replica; a cross-Region copy is optional in its requirements (docs/systems/skillancer.md, Recovery, says how to add the awsBackup component with a secondaryRegion).",
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
      "Known gap, to fix in modules/alarms (AlarmTopics): the cloudwatch.amazonaws.com and events.rds.amazonaws.com grants on the alarm topics' key have no aws:SourceAccount/aws:SourceArn condition. The key encrypts only these topics' messages.",
  },
  {
    ruleId: 'DS-SNS-003',
    resource: 'aws_sns_topic.AlarmTopics*',
    reason:
      'Known gap, to fix in modules/alarms: no topic policy denies aws:SecureTransport = false. The publishers are CloudWatch and RDS events, AWS services that publish over TLS, and the stack subscribes nothing to the topics.',
  },
  {
    ruleId: 'DS-MIG-001',
    resource: 'aws_lambda_function.Migrations_Function_*',
    reason:
      'Two runs cannot migrate at once: the runner holds a PostgreSQL session advisory lock for the whole run and gives up, applying nothing, when another run holds it (migrations/runner/migrator.ts and its test), and Terraform invokes the function only inside an apply, which the S3 state lock serializes per stack.',
  },
  {
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.Postgres_*_Credentials_Secret*',
    reason:
      "Read replicas rule out RDS-managed master passwords, so Terraform writes the master password write-only and rotates it when credentials.version is bumped (docs/postgres-instance.md); a Secrets Manager rotation function would change the password behind Terraform and leave the secret's url key stale. The applications' users log in with IAM tokens (migrations/skillancer), so they do not depend on this password.",
  },
  {
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.Redis_*_AuthSecret_*',
    reason:
      'Terraform rotates the AUTH token without downtime in two applies, ROTATE then SET (docs/cache.md, Rotating the AUTH token without downtime); a Secrets Manager rotation would change the secret without changing the token on the replication group.',
  },
];
