// Shop Pulse's accepted policy-pack findings (`npm run check` prints each reason). A suppression that starts
// "Known gap" is temporary: it names what to fix and where.
import { MODULE_GAP_SUPPRESSIONS } from '../common/shared-policy-suppressions';
import type { PolicySuppression } from '../policy-suppression';

const INSTANCE = 'aws_db_instance.Postgres_*';

export const SHOP_PULSE_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [
  {
    ruleId: 'DS-RDS-007',
    resource: INSTANCE,
    reason:
      "Shop Pulse's requirements turn automated backups off, and the configuration says so explicitly (backups.acknowledgeNoBackups: true; synthesis warns in prod). The final snapshot on delete and deletion protection in prod stay; the risk (no point-in-time restore: a bad write or a lost instance loses everything since the last manual snapshot) is stated in docs/systems/shop-pulse.md, which recommends 7 days.",
  },
  {
    ruleId: 'DS-BACKUP-003',
    resource: INSTANCE,
    stacks: ['shop-pulse-prod'],
    reason:
      "Shop Pulse's requirements turn backups off, AWS Backup included; the decision, its risk and the manual snapshot procedure are in docs/systems/shop-pulse.md. Adding an AWS Backup plan is a configuration change (docs/backup.md) once the owners accept its cost.",
  },
  {
    ruleId: 'DS-RDS-013',
    resource: INSTANCE,
    stacks: ['shop-pulse-prod'],
    reason:
      "Shop Pulse's requirements run the instance single-AZ (\"Multi-AZ: Disabled (as per requirements)\"); synthesis warns in prod and docs/systems/shop-pulse.md states that an Availability Zone failure stops the database until it is replaced.",
  },
  {
    ruleId: 'DS-RDS-005',
    resource: INSTANCE,
    stacks: ['shop-pulse-dev'],
    reason:
      'The dev policy turns deletion protection off on purpose so the environment can be destroyed and rebuilt with cdktf destroy; dev holds the seed tenants only, and prod keeps deletion protection on. The final snapshot on delete stays.',
  },
  ...MODULE_GAP_SUPPRESSIONS,
];
