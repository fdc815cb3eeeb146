import * as fs from 'fs';
import * as path from 'path';

const SOURCE_MAP = /sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/m;

/** The TypeScript a compiled binding file was generated from, out of its inline source map. */
export function embeddedTypeScript(jsFile: string): string {
  const match = fs.readFileSync(jsFile, 'utf8').match(SOURCE_MAP);
  if (!match) throw new Error(`${jsFile} has no inline source map: cannot read the provider schema from it`);
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as { sourcesContent?: string[] };
  return (map.sourcesContent ?? []).join('\n');
}

/** Every binding folder of a provider package (`lib/<resource>/`) with its TypeScript, structs files included. */
export function bindingSources(packageDir: string): { folder: string; source: string }[] {
  const lib = path.join(packageDir, 'lib');
  return fs
    .readdirSync(lib, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(lib, entry.name, 'index.js')))
    .map((entry) => {
      const folder = path.join(lib, entry.name);
      const files = [path.join(folder, 'index.js')];
      const structs = path.join(folder, 'index-structs');
      if (fs.existsSync(structs)) {
        for (const file of fs.readdirSync(structs).sort()) if (file.endsWith('.js')) files.push(path.join(structs, file));
      }
      return { folder: entry.name, source: files.map(embeddedTypeScript).join('\n') };
    });
}
