// The trivia game's accepted policy-pack findings (`npm run check` prints each reason). A suppression that
// starts "Known defect" or "Known gap" is temporary: it names what to fix and where.
import { MODULE_GAP_SUPPRESSIONS, REDIS_AUTH_TOKEN_ROTATION } from '../common/shared-policy-suppressions';
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
    ruleId: 'DS-RDS-010',
    resource: 'aws_rds_cluster.Aurora_*',
    reason:
      'The game connects through RDS Proxy with the master credentials from Secrets Manager (the proxy authenticates clients with SCRAM against that secret) and the schema grants rds_iam to no user, so IAM database authentication would admit nobody; it comes with an application role and policies granting rds-db:connect.',
  },
  ...MODULE_GAP_SUPPRESSIONS,
  REDIS_AUTH_TOKEN_ROTATION,
];
