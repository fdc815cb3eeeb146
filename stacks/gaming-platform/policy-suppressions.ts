// The gaming platform's accepted policy-pack findings (`npm run check` prints each reason). A
// suppression that starts "Known defect" or "Known gap" is temporary: it names what to fix and where.
import { MODULE_GAP_SUPPRESSIONS, REDIS_AUTH_TOKEN_ROTATION } from '../common/shared-policy-suppressions';
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
    resource: 'aws_iam_role.Dax_Role_*',
    reason:
      'The DAX service-role trust policy AWS documents has no condition, and that DAX sends aws:SourceAccount when it assumes the role is not verified; adding the condition unverified could cut the cluster off from its tables. The role is usable only through iam:PassRole when a cluster is created, which cannot cross accounts.',
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
    ruleId: 'DS-LOG-002',
    resource: 'aws_cloudwatch_log_group.Redis_*_Logs_*',
    stacks: ['gaming-platform-prod'],
    reason:
      'The Redis slow log and engine log are operational diagnostics (slow commands, node events), not an audit trail; production keeps them 90 days as docs/cache.md states. The PostgreSQL and migrations logs are kept 365 days.',
  },
  ...MODULE_GAP_SUPPRESSIONS,
  REDIS_AUTH_TOKEN_ROTATION,
];
