import * as fs from 'fs';
import * as path from 'path';
import { BACKUP_DEFAULTS } from '../../../modules/backup';

const DOC = fs.readFileSync(path.resolve(__dirname, '../../../docs/backup.md'), 'utf8');

function documentedDefault(option: string): string {
  const row = DOC.split('\n').find((line) => line.startsWith(`| \`${option}\` |`));
  if (row === undefined) throw new Error(`docs/backup.md has no row for ${option}`);
  return row.split('|')[2].trim();
}

describe('docs/backup.md quotes the defaults the module applies', () => {
  test.each([
    ['dailyRetentionDays', `\`${BACKUP_DEFAULTS.dailyRetentionDays}\``],
    ['dailySchedule', `\`${BACKUP_DEFAULTS.dailySchedule}\``],
    ['monthly.schedule', `\`${BACKUP_DEFAULTS.monthlySchedule}\``],
    ['vaultLock.changeableForDays', `\`${BACKUP_DEFAULTS.vaultLockChangeableForDays}\``],
  ])('GIVEN the option %s WHEN its row is read THEN the default column starts with %s', (option, expected) => {
    expect(documentedDefault(option).startsWith(expected)).toBe(true);
  });
});
