import {
  databaseNameRule,
  masterUsernameRule,
  RDS_CLUSTER_IDENTIFIER,
  RDS_CLUSTER_SNAPSHOT_IDENTIFIER,
  RDS_DATABASE_NAME,
  RDS_GLOBAL_CLUSTER_IDENTIFIER,
  RDS_INSTANCE_IDENTIFIER,
  RDS_MASTER_USERNAME,
  RDS_PARAMETER_GROUP_NAME_PREFIX,
  RDS_SNAPSHOT_IDENTIFIER,
  RDS_SUBNET_GROUP_NAME,
} from '../../../modules/rds';
import { NameLimit, nameRule } from '../../../modules/validation';

const letters = (count: number, first = 'a') => first + 'b'.repeat(count - 1);

// Each limit AWS documents: the longest name it accepts, one character more, and a shape it refuses.
const LIMITS: [string, NameLimit, string, string, string[]][] = [
  ['master user name', RDS_MASTER_USERNAME, letters(16), letters(17), ['1admin', 'game-admin', '']],
  ['database name', RDS_DATABASE_NAME, letters(63), letters(64), ['1game', 'gaming-db', '']],
  ['cluster identifier', RDS_CLUSTER_IDENTIFIER, letters(63), letters(64), ['1cluster', 'a--b', 'ab-', 'Upper', '']],
  ['instance identifier', RDS_INSTANCE_IDENTIFIER, letters(63), letters(64), ['1instance', 'a--b', 'ab-', 'a_b', '']],
  ['global cluster identifier', RDS_GLOBAL_CLUSTER_IDENTIFIER, letters(63), letters(64), ['1global', 'a--b', 'ab-', '']],
  ['cluster snapshot identifier', RDS_CLUSTER_SNAPSHOT_IDENTIFIER, letters(255), letters(256), ['1snap', 'a--b', 'ab-', '']],
  ['snapshot identifier', RDS_SNAPSHOT_IDENTIFIER, letters(255), letters(256), ['1snap', 'a--b', 'ab-', '']],
  ['subnet group name', RDS_SUBNET_GROUP_NAME, letters(255), letters(256), ['default', 'Upper', 'a/b', '']],
  ['parameter group name prefix', RDS_PARAMETER_GROUP_NAME_PREFIX, letters(228) + '-', letters(230), ['1prefix', 'a--b', 'a_b', '']],
];

describe('RDS name limits', () => {
  test.each(LIMITS)('GIVEN the longest %s AWS accepts WHEN checked THEN it passes', (_name, limit, longest) => {
    expect(nameRule('setting', longest, limit).condition).toBe(true);
  });

  test.each(LIMITS)('GIVEN a %s one character over the limit WHEN checked THEN it fails naming the limit', (_name, limit, _longest, tooLong) => {
    const rule = nameRule('setting', tooLong, limit);
    expect(rule.condition).toBe(false);
    expect(rule.message).toBe(`setting must be ${limit.what}: ${limit.accepted}, got "${tooLong}" (${tooLong.length} characters)`);
  });

  test.each(LIMITS)('GIVEN a %s of a shape AWS refuses WHEN checked THEN it fails', (_name, limit, _longest, _tooLong, refused) => {
    for (const value of refused) expect([value, nameRule('setting', value, limit).condition]).toEqual([value, false]);
  });

  test('GIVEN a 17-character master user name WHEN checked THEN the message says RDS takes 1-16 characters', () => {
    expect(masterUsernameRule('aurora.masterUsername', 'gameadministrator')).toEqual({
      condition: false,
      message: 'aurora.masterUsername must be an RDS master user name: 1-16 letters, digits or underscores, starting with a letter, got "gameadministrator" (17 characters)',
    });
    expect(masterUsernameRule('aurora.masterUsername', 'game_admin_2026').condition).toBe(true);
  });

  test('GIVEN a database name with a hyphen WHEN checked THEN the message names the setting and the limit', () => {
    expect(databaseNameRule('aurora.databaseName', 'trivia-nft').message).toBe(
      'aurora.databaseName must be an RDS PostgreSQL database name: 1-63 letters, digits or underscores, starting with a letter, got "trivia-nft" (10 characters)',
    );
  });
});
