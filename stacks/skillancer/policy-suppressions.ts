// skillancer's accepted policy-pack findings (`npm run check` prints each reason). A suppression that starts
// "Known gap" is temporary: it names what to fix and where.
import { MODULE_GAP_SUPPRESSIONS, REDIS_AUTH_TOKEN_ROTATION } from '../common/shared-policy-suppressions';
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
    ruleId: 'DS-SECRET-005',
    resource: 'aws_secretsmanager_secret.Postgres_*_Credentials_Secret*',
    reason:
      "Read replicas rule out RDS-managed master passwords, so Terraform writes the master password write-only and rotates it when credentials.version is bumped (docs/postgres-instance.md); a Secrets Manager rotation function would change the password behind Terraform and leave the secret's url key stale. The applications' users log in with IAM tokens (migrations/skillancer), so they do not depend on this password.",
  },
  ...MODULE_GAP_SUPPRESSIONS,
  REDIS_AUTH_TOKEN_ROTATION,
];
