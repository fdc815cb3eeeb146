// Every rule of the pack, in id order. A test checks that each file of this folder is listed once.
import { PolicyRule } from '../rule';
import { rule as dsAlarm001 } from './ds-alarm-001-alarm-actions';
import { rule as dsAlarm002 } from './ds-alarm-002-every-data-store-alarmed';
import { rule as dsBackup001 } from './ds-backup-001-vault-key';
import { rule as dsBackup002 } from './ds-backup-002-copies-to-another-region';
import { rule as dsBackup003 } from './ds-backup-003-production-data-in-a-plan';
import { rule as dsCache001 } from './ds-cache-001-encrypted-at-rest';
import { rule as dsCache002 } from './ds-cache-002-tls-required';
import { rule as dsCache003 } from './ds-cache-003-authentication';
import { rule as dsCache004 } from './ds-cache-004-high-availability-in-production';
import { rule as dsCache005 } from './ds-cache-005-snapshots';
import { rule as dsCache006 } from './ds-cache-006-final-snapshot';
import { rule as dsDax001 } from './ds-dax-001-encrypted-at-rest';
import { rule as dsDax002 } from './ds-dax-002-tls-endpoint';
import { rule as dsDax003 } from './ds-dax-003-nodes-in-production';
import { rule as dsDdb001 } from './ds-ddb-001-customer-managed-key';
import { rule as dsDdb002 } from './ds-ddb-002-point-in-time-recovery';
import { rule as dsDdb003 } from './ds-ddb-003-deletion-protection';
import { rule as dsDdb004 } from './ds-ddb-004-capacity-scales';
import { rule as dsIam001 } from './ds-iam-001-no-wildcard-actions';
import { rule as dsIam002 } from './ds-iam-002-wildcard-resources-only-where-required';
import { rule as dsIam003 } from './ds-iam-003-service-trust-scoped';
import { rule as dsIam004 } from './ds-iam-004-no-open-trust';
import { rule as dsIam005 } from './ds-iam-005-aws-managed-policies';
import { rule as dsKms001 } from './ds-kms-001-key-rotation';
import { rule as dsKms002 } from './ds-kms-002-key-policy';
import { rule as dsKms003 } from './ds-kms-003-service-grants-scoped';
import { rule as dsLambda001 } from './ds-lambda-001-in-vpc';
import { rule as dsLog001 } from './ds-log-001-customer-managed-key';
import { rule as dsLog002 } from './ds-log-002-retention';
import { rule as dsLog003 } from './ds-log-003-log-groups-made-first';
import { rule as dsMig001 } from './ds-mig-001-one-migration-run-at-a-time';
import { rule as dsNet001 } from './ds-net-001-no-ingress-from-anywhere';
import { rule as dsNet002 } from './ds-net-002-data-stores-admit-security-groups';
import { rule as dsNet003 } from './ds-net-003-data-store-ports';
import { rule as dsNet004 } from './ds-net-004-default-security-group-locked';
import { rule as dsNet005 } from './ds-net-005-vpc-flow-logs';
import { rule as dsNet006 } from './ds-net-006-public-ips-only-in-public-subnets';
import { rule as dsNet007 } from './ds-net-007-data-stores-send-nothing-out';
import { rule as dsProxy001 } from './ds-proxy-001-require-tls';
import { rule as dsProxy002 } from './ds-proxy-002-role-scoped';
import { rule as dsProxy003 } from './ds-proxy-003-debug-logging-off';
import { rule as dsRds001 } from './ds-rds-001-storage-encrypted';
import { rule as dsRds002 } from './ds-rds-002-customer-managed-key';
import { rule as dsRds003 } from './ds-rds-003-performance-insights-key';
import { rule as dsRds004 } from './ds-rds-004-not-publicly-accessible';
import { rule as dsRds005 } from './ds-rds-005-deletion-protection';
import { rule as dsRds006 } from './ds-rds-006-final-snapshot';
import { rule as dsRds007 } from './ds-rds-007-backup-retention';
import { rule as dsRds008 } from './ds-rds-008-copy-tags-to-snapshot';
import { rule as dsRds009 } from './ds-rds-009-minor-upgrades-through-terraform';
import { rule as dsRds010 } from './ds-rds-010-iam-authentication';
import { rule as dsRds011 } from './ds-rds-011-tls-required';
import { rule as dsRds012 } from './ds-rds-012-log-exports';
import { rule as dsRds013 } from './ds-rds-013-multi-az-in-production';
import { rule as dsRds014 } from './ds-rds-014-enhanced-monitoring';
import { rule as dsRds015 } from './ds-rds-015-custom-admin-username';
import { rule as dsS3001 } from './ds-s3-001-customer-managed-key';
import { rule as dsS3002 } from './ds-s3-002-public-access-block';
import { rule as dsS3003 } from './ds-s3-003-tls-only-bucket-policy';
import { rule as dsS3004 } from './ds-s3-004-versioning';
import { rule as dsS3005 } from './ds-s3-005-acls-disabled';
import { rule as dsSecret001 } from './ds-secret-001-customer-managed-key';
import { rule as dsSecret002 } from './ds-secret-002-no-literal-secrets';
import { rule as dsSecret003 } from './ds-secret-003-write-only-arguments';
import { rule as dsSecret004 } from './ds-secret-004-ephemeral-generated-secrets';
import { rule as dsSecret005 } from './ds-secret-005-rotation';
import { rule as dsSecret006 } from './ds-secret-006-sensitive-outputs';
import { rule as dsSns001 } from './ds-sns-001-customer-managed-key';
import { rule as dsSns002 } from './ds-sns-002-publishers-can-use-the-key';
import { rule as dsSns003 } from './ds-sns-003-tls-only-topic-policy';

export const RULES: readonly PolicyRule[] = [
  dsAlarm001,
  dsAlarm002,
  dsBackup001,
  dsBackup002,
  dsBackup003,
  dsCache001,
  dsCache002,
  dsCache003,
  dsCache004,
  dsCache005,
  dsCache006,
  dsDax001,
  dsDax002,
  dsDax003,
  dsDdb001,
  dsDdb002,
  dsDdb003,
  dsDdb004,
  dsIam001,
  dsIam002,
  dsIam003,
  dsIam004,
  dsIam005,
  dsKms001,
  dsKms002,
  dsKms003,
  dsLambda001,
  dsLog001,
  dsLog002,
  dsLog003,
  dsMig001,
  dsNet001,
  dsNet002,
  dsNet003,
  dsNet004,
  dsNet005,
  dsNet006,
  dsNet007,
  dsProxy001,
  dsProxy002,
  dsProxy003,
  dsRds001,
  dsRds002,
  dsRds003,
  dsRds004,
  dsRds005,
  dsRds006,
  dsRds007,
  dsRds008,
  dsRds009,
  dsRds010,
  dsRds011,
  dsRds012,
  dsRds013,
  dsRds014,
  dsRds015,
  dsS3001,
  dsS3002,
  dsS3003,
  dsS3004,
  dsS3005,
  dsSecret001,
  dsSecret002,
  dsSecret003,
  dsSecret004,
  dsSecret005,
  dsSecret006,
  dsSns001,
  dsSns002,
  dsSns003,
];
