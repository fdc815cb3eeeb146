import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the command reference and the guides', () => {
  const help = read('help');
  const readme = read('README.md');
  const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>);
  const guides = fs.readdirSync(path.join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`);
  const systemGuides = fs.readdirSync(path.join(ROOT, 'docs', 'systems')).filter((file) => file.endsWith('.md')).map((file) => `docs/systems/${file}`);

  test.each(scripts)('GIVEN the npm script %s WHEN help is read THEN it lists the command', (script) => {
    const command = script === 'test' ? 'npm test' : `npm run ${script}`;
    expect(help).toContain(command);
  });

  test.each([...guides, ...systemGuides])('GIVEN the guide %s WHEN help and the README are read THEN both point to it', (guide) => {
    expect(help).toContain(guide);
    expect(readme).toContain(`](${guide})`);
  });
});
