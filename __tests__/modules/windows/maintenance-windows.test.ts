import { parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from '../../../modules/windows';

describe('backup and maintenance windows', () => {
  const overlap = (backup: string, maintenance: string) => windowsOverlap(parseBackupWindow(backup)!, parseMaintenanceWindow(maintenance)!);

  test.each([
    ['02:00-03:00', 'sun:04:00-sun:05:00', false],
    ['02:00-03:00', 'sun:02:59-sun:04:00', true],
    ['02:00-03:00', 'sun:03:00-sun:04:00', false],
    ['23:30-00:30', 'wed:00:00-wed:01:00', true],
    ['04:00-05:00', 'sun:23:00-mon:04:30', true],
    ['04:00-05:00', 'sun:23:00-mon:03:30', false],
  ])('GIVEN backups %s and maintenance %s WHEN compared THEN overlap is %s', (backup, maintenance, expected) => {
    expect(overlap(backup, maintenance)).toBe(expected);
  });
});
