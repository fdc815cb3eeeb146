import { RDS_CLUSTER_IDENTIFIER, RDS_CLUSTER_SNAPSHOT_IDENTIFIER } from '../rds';
import { describeValue, nameRule, oneOf, ValidationRule } from '../validation';

// Restores as code: a new cluster created from a cluster snapshot or from a point in time of another cluster
// (copy-on-write clones included). A restore is what a cluster is created from, never a change to one.

/** A full copy of the source's storage, or a copy-on-write clone that shares unchanged pages with it. */
export const AURORA_RESTORE_TYPES = ['full-copy', 'copy-on-write'] as const;
export type AuroraRestoreType = (typeof AURORA_RESTORE_TYPES)[number];

/** Restore from a DB cluster snapshot: manual, automated (`rds:...`), AWS Backup (`awsbackup:...`), or shared by ARN. */
export interface AuroraSnapshotRestore {
  readonly kind: 'snapshot';
  /** The snapshot's identifier, or its ARN for a snapshot shared from another account. */
  readonly snapshotIdentifier: string;
}

/** Restore another cluster's data as it was at a moment of its backup retention window, or clone it. */
export interface AuroraPointInTimeRestore {
  readonly kind: 'point-in-time';
  /** The source cluster's identifier (same Region), or its ARN. */
  readonly sourceClusterIdentifier: string;
  /**
   * The moment to restore, UTC (`2026-11-20T09:15:00Z`); leave out with `useLatestRestorableTime`.
   * @default - none: useLatestRestorableTime must be true
   */
  readonly restoreToTime?: string;
  /**
   * Restore to the latest restorable time (a few minutes ago); the only choice for a clone of the present.
   * @default false
   */
  readonly useLatestRestorableTime?: boolean;
  /**
   * 'full-copy', or 'copy-on-write' for a clone (fast, billed for changed pages only; same Region and account).
   * @default 'full-copy'
   */
  readonly restoreType?: AuroraRestoreType;
}

export type AuroraRestore = AuroraSnapshotRestore | AuroraPointInTimeRestore;

/** The default restore type: AWS's own. */
export const DEFAULT_RESTORE_TYPE: AuroraRestoreType = 'full-copy';

const SNAPSHOT_ARN = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster-snapshot:[A-Za-z0-9:-]{1,255}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster:[a-z][a-z0-9-]{0,62}$/;
/** Automated (`rds:<cluster>-<date>`) and AWS Backup (`awsbackup:job-<id>`) snapshot names carry a prefix and a colon. */
const PREFIXED_SNAPSHOT = /^(rds|awsbackup):[A-Za-z0-9-]{1,255}$/;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function snapshotRules(setting: string, restore: AuroraSnapshotRestore): ValidationRule[] {
  const value = restore.snapshotIdentifier;
  if (typeof value === 'string' && (SNAPSHOT_ARN.test(value) || PREFIXED_SNAPSHOT.test(value))) return [];
  const rule = nameRule(`${setting}.snapshotIdentifier`, value, RDS_CLUSTER_SNAPSHOT_IDENTIFIER);
  return [{ ...rule, message: `${rule.message.replace(/, got /, ' (or an automated rds:..., AWS Backup awsbackup:... or cluster-snapshot ARN), got ')}` }];
}

function pointInTimeRules(setting: string, restore: AuroraPointInTimeRestore): ValidationRule[] {
  const source = restore.sourceClusterIdentifier;
  const rules: ValidationRule[] = [];
  if (!(typeof source === 'string' && CLUSTER_ARN.test(source))) {
    const rule = nameRule(`${setting}.sourceClusterIdentifier`, source, RDS_CLUSTER_IDENTIFIER);
    rules.push({ ...rule, message: rule.message.replace(/, got /, ' (or a cluster ARN), got ') });
  }
  const latest = restore.useLatestRestorableTime === true;
  const time = restore.restoreToTime;
  rules.push({
    condition: latest !== (time !== undefined),
    message: `${setting} must set exactly one of restoreToTime and useLatestRestorableTime: true, got ${describeValue({ restoreToTime: time, useLatestRestorableTime: restore.useLatestRestorableTime })}`,
  });
  if (time !== undefined) {
    rules.push({
      condition: typeof time === 'string' && UTC_TIME.test(time) && !Number.isNaN(Date.parse(time)),
      message: `${setting}.restoreToTime must be a UTC time such as "2026-11-20T09:15:00Z", got ${describeValue(time)}`,
    });
  }
  if (restore.restoreType !== undefined) rules.push(oneOf(`${setting}.restoreType`, restore.restoreType, AURORA_RESTORE_TYPES));
  return rules;
}

/** The checks of a restore; `setting` is its path (`aurora.restore`). */
export function auroraRestoreRules(setting: string, restore: AuroraRestore): ValidationRule[] {
  const kindRule = oneOf(`${setting}.kind`, restore.kind, ['snapshot', 'point-in-time'] as const);
  if (!kindRule.condition) return [kindRule];
  return restore.kind === 'snapshot' ? snapshotRules(setting, restore) : pointInTimeRules(setting, restore);
}

/** The aws_rds_cluster arguments of a restore. */
export function restoreArguments(restore: AuroraRestore | undefined) {
  if (restore === undefined) return {};
  if (restore.kind === 'snapshot') return { snapshotIdentifier: restore.snapshotIdentifier };
  return {
    restoreToPointInTime: {
      sourceClusterIdentifier: restore.sourceClusterIdentifier,
      restoreToTime: restore.restoreToTime,
      useLatestRestorableTime: restore.useLatestRestorableTime === true ? true : undefined,
      restoreType: restore.restoreType ?? DEFAULT_RESTORE_TYPE,
    },
  };
}

/**
 * Arguments a restore sets at creation only: they force a new cluster when changed, so they are ignored
 * afterwards. Editing or removing `restore` later never replaces the restored cluster, and adding it to a
 * running cluster never replaces that one either.
 */
export const RESTORE_ARGUMENTS = ['snapshot_identifier', 'restore_to_point_in_time'] as const;
