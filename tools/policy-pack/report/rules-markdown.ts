// The rule table of docs/policy-pack.md, generated from the rules (`npm run check -- --rules-markdown`).
import { PolicyRule } from '../rule';

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function rulesMarkdown(rules: readonly PolicyRule[]): string {
  const rows = rules.map((rule) =>
    [
      rule.id,
      rule.severity,
      cell(rule.title),
      rule.resourceTypes.map((type) => `\`${type}\``).join(', '),
      cell(rule.rationale),
      rule.controls.length > 0 ? rule.controls.join(', ') : '—',
    ].join(' | '),
  );
  return ['| id | severity | check | resource types | rationale | controls |', '|---|---|---|---|---|---|', ...rows.map((row) => `| ${row} |`)].join('\n') + '\n';
}
