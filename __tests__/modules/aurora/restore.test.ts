import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { ConfigurationError } from '../../../modules/validation';
import { ClusterOverrides, resourcesByPath, synthCluster, synthGlobal } from './aurora-fixture';

const clusterOf = (json: any) => resourcesByPath(json, RdsCluster.tfResourceType)['Aurora/Cluster'];

function problemsOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('Aurora restores as code', () => {
  test('GIVEN no restore WHEN synthesized THEN the cluster is created empty, with its database and master user, and the restore arguments are creation-only', () => {
    const cluster = clusterOf(synthCluster().json);
    expect(cluster).not.toHaveProperty('snapshot_identifier');
    expect(cluster).not.toHaveProperty('restore_to_point_in_time');
    expect(cluster).toMatchObject({ database_name: 'trivianft', master_username: 'dbadmin' });
    expect(cluster.lifecycle.ignore_changes).toEqual(expect.arrayContaining(['snapshot_identifier', 'restore_to_point_in_time']));
  });

  test('GIVEN a snapshot restore under its own component WHEN synthesized THEN a new cluster with its own names comes from the snapshot, with the source\'s database and user and a new managed password under its own key', () => {
    const { json } = synthCluster({ component: 'aurora-restore', restore: { kind: 'snapshot', snapshotIdentifier: 'trivia-nft-staging-aurora-eu-west-2-final' } });
    const cluster = clusterOf(json);
    expect(cluster).toMatchObject({
      cluster_identifier: 'trivia-nft-staging-aurora-restore-eu-west-2',
      snapshot_identifier: 'trivia-nft-staging-aurora-eu-west-2-final',
      manage_master_user_password: true,
      storage_encrypted: true,
    });
    expect(cluster).not.toHaveProperty('database_name');
    expect(cluster).not.toHaveProperty('master_username');
    expect(cluster.kms_key_id).toMatch(/^\$\{aws_kms_key\.Aurora_Key_\w+\.arn\}$/);
    expect(Object.values(json.resource.aws_db_subnet_group).map((group: any) => group.name)).toEqual(['trivia-nft-staging-aurora-restore-eu-west-2']);
    expect(Object.values(json.resource.aws_iam_role).map((role: any) => role.name)).toContain('trivia-nft-staging-aurora-restore-monitoring-eu-west-2');
  });

  test('GIVEN a point-in-time restore WHEN synthesized THEN it is a full copy of the source at that time', () => {
    const cluster = clusterOf(
      synthCluster({ restore: { kind: 'point-in-time', sourceClusterIdentifier: 'trivia-nft-prod-aurora-eu-west-2', restoreToTime: '2026-11-20T09:15:00Z' } }).json,
    );
    expect(cluster.restore_to_point_in_time).toEqual({
      source_cluster_identifier: 'trivia-nft-prod-aurora-eu-west-2',
      restore_to_time: '2026-11-20T09:15:00Z',
      restore_type: 'full-copy',
    });
  });

  test('GIVEN a copy-on-write clone of the present WHEN synthesized THEN it restores the latest restorable time as a clone', () => {
    const cluster = clusterOf(
      synthCluster({ restore: { kind: 'point-in-time', sourceClusterIdentifier: 'trivia-nft-prod-aurora-eu-west-2', useLatestRestorableTime: true, restoreType: 'copy-on-write' } }).json,
    );
    expect(cluster.restore_to_point_in_time).toEqual({
      source_cluster_identifier: 'trivia-nft-prod-aurora-eu-west-2',
      use_latest_restorable_time: true,
      restore_type: 'copy-on-write',
    });
  });

  test.each([
    ['an automated snapshot', 'rds:trivia-nft-prod-aurora-eu-west-2-2026-11-20-02-10'],
    ['an AWS Backup recovery point', 'awsbackup:job-0a1b2c3d-4e5f-6789-abcd-ef0123456789'],
    ['a shared snapshot ARN', 'arn:aws:rds:eu-west-2:111122223333:cluster-snapshot:shared-copy'],
  ])('GIVEN %s WHEN built THEN it is accepted', (_case, snapshotIdentifier) => {
    expect(problemsOf(() => synthCluster({ restore: { kind: 'snapshot', snapshotIdentifier } }))).toEqual([]);
  });

  test.each<[string, ClusterOverrides, string]>([
    ['an unknown kind', { restore: { kind: 'backup' } as never }, 'aurora.restore.kind must be one of "snapshot", "point-in-time", got "backup"'],
    [
      'a snapshot name with underscores',
      { restore: { kind: 'snapshot', snapshotIdentifier: 'my_snapshot' } },
      'aurora.restore.snapshotIdentifier must be an RDS DB cluster snapshot identifier: 1-255 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen (or an automated rds:..., AWS Backup awsbackup:... or cluster-snapshot ARN), got "my_snapshot" (11 characters)',
    ],
    [
      'a source cluster of 64 characters',
      { restore: { kind: 'point-in-time', sourceClusterIdentifier: 'c'.repeat(64), useLatestRestorableTime: true } },
      `aurora.restore.sourceClusterIdentifier must be an RDS DB cluster identifier: 1-63 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen (or a cluster ARN), got "${'c'.repeat(64)}" (64 characters)`,
    ],
    [
      'both a time and the latest time',
      { restore: { kind: 'point-in-time', sourceClusterIdentifier: 'source', restoreToTime: '2026-11-20T09:15:00Z', useLatestRestorableTime: true } },
      'aurora.restore must set exactly one of restoreToTime and useLatestRestorableTime: true, got {"restoreToTime":"2026-11-20T09:15:00Z","useLatestRestorableTime":true}',
    ],
    ['neither a time nor the latest time', { restore: { kind: 'point-in-time', sourceClusterIdentifier: 'source' } }, 'aurora.restore must set exactly one of restoreToTime and useLatestRestorableTime: true, got {}'],
    [
      'a local time',
      { restore: { kind: 'point-in-time', sourceClusterIdentifier: 'source', restoreToTime: '2026-11-20 09:15' } },
      'aurora.restore.restoreToTime must be a UTC time such as "2026-11-20T09:15:00Z", got "2026-11-20 09:15"',
    ],
    [
      'an unknown restore type',
      { restore: { kind: 'point-in-time', sourceClusterIdentifier: 'source', useLatestRestorableTime: true, restoreType: 'clone' as never } },
      'aurora.restore.restoreType must be one of "full-copy", "copy-on-write", got "clone"',
    ],
  ])('GIVEN %s WHEN built THEN one message names the setting', (_case, overrides, message) => {
    expect(problemsOf(() => synthCluster(overrides))).toEqual([message]);
  });

  test('GIVEN a restore on a Global Database member WHEN built THEN it is refused', () => {
    const problems = problemsOf(() =>
      synthGlobal((test) => ({ primary: { context: test.context('eu-west-2'), instanceCount: 1, instanceClass: 'db.r6g.large', restore: { kind: 'snapshot', snapshotIdentifier: 'snap' } } as never })),
    );
    expect(problems).toEqual(['aurora.restore must be left out of a Global Database member (restore a single-Region cluster; see docs/aurora.md), got "snapshot"']);
  });
});
