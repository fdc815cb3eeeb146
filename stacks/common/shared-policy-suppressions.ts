// Findings every system accepts for the same reason, because they come from shared modules rather than
// from a system's choices: written once here, listed by each system that builds the resource. A "Known gap"
// is temporary: it names what to fix and where, and goes when the module is fixed.
import type { PolicySuppression } from '../policy-suppression';

/** The migrations function's role: its trust policy lacks an aws:SourceAccount condition. */
export const MIGRATIONS_ROLE_TRUST_GAP: PolicySuppression = {
  ruleId: 'DS-IAM-003',
  resource: 'aws_iam_role.Migrations_Role_*',
  reason:
    'Known gap, to fix in modules/migrations: the trust policy should carry an aws:SourceAccount condition as modules/rds/monitoring-role.ts does. The exposure is small meanwhile: Lambda assumes the role only for functions it was given to with iam:PassRole, which cannot cross accounts.',
};

/** The migrations function runs without reserved concurrency 1. */
export const MIGRATIONS_SINGLE_RUN: PolicySuppression = {
  ruleId: 'DS-MIG-001',
  resource: 'aws_lambda_function.Migrations_Function_*',
  reason:
    'Two runs cannot migrate at once: the runner holds a PostgreSQL session advisory lock for the whole run and gives up, applying nothing, when another run holds it (migrations/runner/migrator.ts and its test), and Terraform invokes the function only inside an apply, which the state lock serializes per stack. Reserved concurrency 1 would make that visible in the JSON; not set yet.',
};

/** The alarm topics' key grants its publishing services without a source condition. */
export const ALARM_TOPIC_KEY_GRANT_GAP: PolicySuppression = {
  ruleId: 'DS-KMS-003',
  resource: 'aws_kms_key.AlarmTopics*_Key_*',
  reason:
    "Known gap, to fix in modules/alarms (AlarmTopics): the service grants on the alarm topics' key have no aws:SourceAccount/aws:SourceArn condition, which CloudWatch and RDS events support when they publish to encrypted topics. The key encrypts only these topics' messages.",
};

/** The alarm topics have no policy refusing requests without TLS. */
export const ALARM_TOPIC_TLS_GAP: PolicySuppression = {
  ruleId: 'DS-SNS-003',
  resource: 'aws_sns_topic.AlarmTopics*',
  reason:
    'Known gap, to fix in modules/alarms: no topic policy denies aws:SecureTransport = false. The only publishers are CloudWatch and RDS events, AWS services that publish over TLS, and the stack subscribes nothing to the topics, so no client reaches them over plain HTTP today.',
};

/** The Redis AUTH token secret is rotated by Terraform, not by Secrets Manager. */
export const REDIS_AUTH_TOKEN_ROTATION: PolicySuppression = {
  ruleId: 'DS-SECRET-005',
  resource: 'aws_secretsmanager_secret.Redis_*_AuthSecret_*',
  reason:
    'Terraform rotates the AUTH token without downtime in two applies, ROTATE then SET (docs/cache.md, Rotating the AUTH token without downtime); a Secrets Manager rotation would change the secret without changing the token on the replication group.',
};

/** What every system with migrations on deploy and alarm topics accepts. */
export const MODULE_GAP_SUPPRESSIONS: readonly PolicySuppression[] = [MIGRATIONS_ROLE_TRUST_GAP, MIGRATIONS_SINGLE_RUN, ALARM_TOPIC_KEY_GRANT_GAP, ALARM_TOPIC_TLS_GAP];
