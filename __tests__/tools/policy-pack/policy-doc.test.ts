// docs/policy-pack.md lists every rule: its table is the one `npm run check -- --rules-markdown` generates.
import * as fs from 'fs';
import * as path from 'path';
import { rulesMarkdown } from '../../../tools/policy-pack/report/rules-markdown';
import { RULES } from '../../../tools/policy-pack/rules';

describe('docs/policy-pack.md', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'policy-pack.md'), 'utf8');

  test('GIVEN the guide WHEN its rule table is compared with the generated one THEN they are equal', () => {
    const table = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(doc)?.[1];
    expect(table).toBe(rulesMarkdown(RULES));
  });
});
