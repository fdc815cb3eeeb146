// The content hub's accepted policy-pack findings (`npm run check` prints each reason). A suppression that
// starts "Known gap" is temporary: it names what to fix and where.
import { MODULE_GAP_SUPPRESSIONS } from '../common/shared-policy-suppressions';
import type { PolicySuppression } from '../policy-suppression';

export const CONTENT_HUB_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [
  {
    ruleId: 'DS-RDS-005',
    resource: 'aws_rds_cluster.Aurora_*',
    stacks: ['content-hub-dev'],
    reason:
      'Dev turns deletion protection off on purpose (the environment policy keeps it on everywhere but dev) so the environment can be destroyed and rebuilt with cdktf destroy; dev data is what the migrations recreate, and staging and prod keep deletion protection on.',
  },
  {
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.ServerlessCache_Users_User-*_Secret_*',
    reason:
      'The cache user passwords are rotated by Terraform: bumping the user\'s passwordVersion generates a new password and changes the ElastiCache user and its secret in the same apply (docs/cache.md, Users); a Secrets Manager rotation would change the secret without changing the user\'s password on the cache.',
  },
  {
    ruleId: 'DS-BACKUP-003',
    resource: 'aws_rds_cluster.Aurora_*',
    stacks: ['content-hub-prod'],
    reason:
      'The content hub runs in one Region by its requirements, so there is no second Region to copy backups to; prod keeps 30 days of automated backups (point-in-time restore), deletion protection, prevent_destroy and a final snapshot. A cross-Region copy comes with a secondary Region (awsBackup needs one).',
  },
  {
    ruleId: 'DS-RDS-010',
    resource: 'aws_rds_cluster.Aurora_*',
    reason:
      'Clients (RDS Proxy, the migrations function, the Data API) authenticate with the RDS-managed master secret and no database user is granted rds_iam, so IAM database authentication would admit nobody until such users exist; it comes with login roles granted content_hub_app.',
  },
  ...MODULE_GAP_SUPPRESSIONS,
];
