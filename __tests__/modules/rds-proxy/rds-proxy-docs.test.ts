import { RDS_PROXY_DEFAULTS } from '../../../modules/rds-proxy';
import { asDocumented, documentedDefaults, flattened } from './docs-defaults-table';

describe('docs/rds-proxy.md and RDS_PROXY_DEFAULTS', () => {
  const rows = documentedDefaults('docs/rds-proxy.md');

  test('GIVEN the guide WHEN its defaults table is read THEN it has rows (the parse works)', () => {
    expect(rows.size).toBeGreaterThan(10);
  });

  test.each(flattened(RDS_PROXY_DEFAULTS))('GIVEN the default of %s WHEN the guide is read THEN its row gives %p', (option, value) => {
    expect(rows.get(option)).toMatch(new RegExp(`^${asDocumented(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
