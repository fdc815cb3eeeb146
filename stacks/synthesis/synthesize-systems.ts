import { AnnotationMetadataEntryType, App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { assertValid } from '../../modules/validation';
import { SystemDefinition } from '../system';
import { withPlainStackTraces } from './plain-stack-traces';
import { publishOutput } from './publish-output';

export interface SynthesisResult {
  /** The synthesized stacks' names, sorted. */
  readonly stacks: string[];
  /** Warnings modules raised (`Annotations.addWarning`): risky but legal settings, as `<construct path>: <message>`. */
  readonly warnings: string[];
}

interface ManifestAnnotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: string;
}

function readManifest(outdir: string): SynthesisResult {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const stacks = Object.values(manifest.stacks) as { name: string; annotations: ManifestAnnotation[] }[];
  return {
    stacks: stacks.map((stack) => stack.name).sort(),
    warnings: stacks
      .flatMap((stack) => stack.annotations)
      .filter((annotation) => annotation.level === AnnotationMetadataEntryType.WARN)
      .map((annotation) => `${annotation.constructPath}: ${annotation.message}`),
  };
}

/** The staging directory beside `outdir` (same filesystem, so publishing is a rename). */
export function stagingDirectory(outdir: string): string {
  return path.join(path.dirname(path.resolve(outdir)), `.${path.basename(outdir)}.staging-${process.pid}`);
}

/**
 * Validates every system's configuration, builds all stacks and synthesizes them into `outdir`.
 *
 * Nothing reaches `outdir` unless the whole run succeeds: configuration is checked before any stack
 * exists, modules check their props before creating resources, and synthesis writes to a staging
 * directory that is published only at the end.
 */
export function synthesizeSystems(systems: readonly SystemDefinition[], outdir: string): SynthesisResult {
  assertValid(systems.flatMap((system) => system.validationRules()));
  const staging = stagingDirectory(outdir);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    // stackTraces off: traces would put the build machine's absolute paths into the JSON.
    const app = new App({ outdir: staging, stackTraces: false });
    withPlainStackTraces(() => {
      for (const system of systems) system.addStacks(app);
      app.synth();
    });
    const result = readManifest(staging);
    publishOutput(staging, outdir);
    return result;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
