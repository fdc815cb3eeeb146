import * as fs from 'fs';
import * as path from 'path';

// Deep imports keep synthesis fast (~0.3 s / 72 MB for three stacks, against 3-4 s / 570 MB through
// the package root), and keeping provider classes in modules/ keeps a provider-package rename
// (cdktf -> cdktn) to one folder.
const ROOT = path.resolve(__dirname, '..', '..');
const SKIPPED = new Set(['node_modules', 'cdktf.out', '.git', '.gen', 'coverage', 'terraform-state']);
const PROVIDER_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"](@cdktf\/provider-[a-z0-9-]+)(\/[^'"]*)?['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.cdktf.out')) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface ProviderImport {
  readonly file: string;
  readonly specifier: string;
  readonly subpath: string;
}

export function providerImports(files: readonly string[]): ProviderImport[] {
  return files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(PROVIDER_IMPORT)].map((match) => ({
      file: path.relative(ROOT, file),
      specifier: match[1] + (match[2] ?? ''),
      subpath: match[2] ?? '',
    })),
  );
}

/** A deep import names one resource's folder: `@cdktf/provider-aws/lib/<resource>`. */
export function isDeepImport(subpath: string): boolean {
  return /^\/lib\/[a-z0-9-]+$/.test(subpath);
}

describe('provider classes are imported by deep path, only from modules/', () => {
  // This file's own examples below are not imports.
  const imports = providerImports(sourceFiles(ROOT).filter((file) => file !== __filename));

  test('GIVEN the project WHEN its imports are read THEN some provider classes are imported at all (the scan works)', () => {
    expect(imports.some((found) => found.file.startsWith('modules/'))).toBe(true);
  });

  test('GIVEN every source and test file WHEN scanned THEN none imports a provider package from its root or lib index', () => {
    expect(imports.filter((found) => !isDeepImport(found.subpath))).toEqual([]);
  });

  test('GIVEN source files outside modules/ and __tests__/ WHEN scanned THEN none imports a provider class', () => {
    const outside = imports.filter((found) => !found.file.startsWith('modules/') && !found.file.startsWith('__tests__/'));
    expect(outside).toEqual([]);
  });

  test.each([
    ["import { AwsProvider } from '@cdktf/provider-aws';", false],
    ["import * as aws from '@cdktf/provider-aws/lib';", false],
    ["const aws = require('@cdktf/provider-aws');", false],
    ["import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';", true],
  ])('GIVEN the line %s WHEN checked THEN deep = %s', (line, deep) => {
    const [match] = [...line.matchAll(PROVIDER_IMPORT)];
    expect(isDeepImport(match[2] ?? '')).toBe(deep);
  });
});
