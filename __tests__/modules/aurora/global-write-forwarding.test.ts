import { auroraGlobalDatabaseRules } from '../../../modules/aurora';
import { failedMessages } from '../../../modules/validation';
import { resourcesByPath, synthGlobal } from './aurora-fixture';

const clusters = (json: any) => resourcesByPath(json, 'aws_rds_cluster');

describe('Aurora global write forwarding', () => {
  test('GIVEN defaults WHEN synthesized THEN the secondary does not forward writes and the primary leaves the argument unset', () => {
    const { json } = synthGlobal();
    expect(clusters(json)['Aurora/ClusterEuWest1/Cluster'].enable_global_write_forwarding).toBe(false);
    expect(clusters(json)['Aurora/ClusterEuWest2/Cluster']).not.toHaveProperty('enable_global_write_forwarding');
  });

  test('GIVEN globalWriteForwarding WHEN synthesized THEN only the secondary forwards, and the primary ignores the argument so a switchover sends no update to the writer', () => {
    const { json } = synthGlobal(() => ({ globalWriteForwarding: true }));
    expect(clusters(json)['Aurora/ClusterEuWest1/Cluster'].enable_global_write_forwarding).toBe(true);
    expect(clusters(json)['Aurora/ClusterEuWest2/Cluster']).not.toHaveProperty('enable_global_write_forwarding');
    expect(clusters(json)['Aurora/ClusterEuWest2/Cluster'].lifecycle.ignore_changes).toContain('enable_global_write_forwarding');
    expect(clusters(json)['Aurora/ClusterEuWest1/Cluster'].lifecycle.ignore_changes).not.toContain('enable_global_write_forwarding');
  });

  test.each<[string, unknown, boolean, string]>([
    ['forwarding without a secondary', true, false, 'aurora.globalWriteForwarding must be left out or false without a secondary (it is the secondary that forwards writes), got true'],
    ['a string', 'yes', true, 'aurora.globalWriteForwarding must be true or false, got "yes"'],
  ])('GIVEN %s WHEN checked THEN the message names the setting', (_case, value, withSecondary, message) => {
    const settings = {
      primary: { instanceCount: 1, instanceClass: 'db.r6g.large' },
      secondary: withSecondary ? { instanceCount: 1, instanceClass: 'db.r6g.large' } : undefined,
      globalWriteForwarding: value as boolean,
    };
    expect(failedMessages(auroraGlobalDatabaseRules('aurora', settings))).toEqual([message]);
  });
});
