// Terraform run offline against the stand-in: a filesystem mirror holding one launcher per provider, a CLI
// configuration that installs only from it, and one working copy per stack with its own data directory and
// lock file. Nothing is written to the stack directory, ~/.terraformrc, .terraform or .terraform.lock.hcl.
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeSchemaResponse, encodedSchemaFile, loadProtocol } from '../plugin/protocol';
import { CACHE_DIRECTORY, CachedSchema, cachedSchema, writeAtomically } from '../schema/schema-cache';

const TOOL_DIRECTORY = path.resolve(__dirname, '..');
const PROTO_DIRECTORY = path.join(TOOL_DIRECTORY, 'proto');

/** The provider packages whose bindings the stand-in serves. */
export const STAND_IN_PACKAGES = ['@cdktf/provider-aws', '@cdktf/provider-random'];

/** No offline command takes more than seconds; a hung one is stopped rather than left running. */
const TERRAFORM_TIMEOUT_MS = 5 * 60 * 1000;

export interface TerraformResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export type BackendMode =
  /** `init -backend=false`: enough for validate. */
  | 'disabled'
  /** The stack's backend replaced by local state in the working copy (an override file). */
  | 'local'
  /** The stack's own backend block; settings added through `-backend-config`. */
  | 'configured';

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The plugin and its dependencies (grpc-js, protobufjs, msgpack) in one JavaScript file (esbuild), rebuilt
 * whenever its sources change: a provider process starts in ~0.3 s instead of ~0.5 s.
 */
function pluginBundle(): string {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(path.join(TOOL_DIRECTORY, 'plugin')), ...sourceFiles(path.join(TOOL_DIRECTORY, 'schema'))].sort()) {
    hash.update(file).update(fs.readFileSync(file));
  }
  const bundle = path.join(CACHE_DIRECTORY, `plugin-${hash.digest('hex').slice(0, 16)}.js`);
  if (!fs.existsSync(bundle)) {
    const result = esbuild.buildSync({
      entryPoints: [path.join(TOOL_DIRECTORY, 'plugin', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    writeAtomically(bundle, Buffer.from(result.outputFiles[0].contents));
  }
  return bundle;
}

function terraformPlatform(): string {
  const arch = { x64: 'amd64', arm64: 'arm64', ia32: '386' }[process.arch as string] ?? process.arch;
  return `${process.platform}_${arch}`;
}

/** Installs the stand-in for offline Terraform runs; `dispose()` removes everything it created. */
export class OfflineTerraform {
  readonly root: string;
  readonly providers: readonly CachedSchema[];
  private readonly cliConfig: string;

  constructor() {
    this.providers = STAND_IN_PACKAGES.map(cachedSchema);
    for (const provider of this.providers) {
      const encoded = encodedSchemaFile(provider.file, PROTO_DIRECTORY);
      if (fs.existsSync(encoded)) continue;
      writeAtomically(encoded, encodeSchemaResponse(loadProtocol(PROTO_DIRECTORY), JSON.parse(fs.readFileSync(provider.file, 'utf8'))));
    }
    const bundle = pluginBundle();
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-offline-terraform-'));
    const mirror = path.join(this.root, 'mirror');
    for (const provider of this.providers) {
      const directory = path.join(mirror, 'registry.terraform.io', 'hashicorp', provider.name, provider.version, terraformPlatform());
      fs.mkdirSync(directory, { recursive: true });
      const launcher = path.join(directory, `terraform-provider-${provider.name}_v${provider.version}`);
      const quoted = [process.execPath, bundle, provider.file, PROTO_DIRECTORY, encodedSchemaFile(provider.file, PROTO_DIRECTORY)].map((part) => `'${part.replace(/'/g, `'\\''`)}'`);
      fs.writeFileSync(launcher, `#!/bin/sh\nexec ${quoted.join(' ')}\n`, { mode: 0o755 });
    }
    this.cliConfig = path.join(this.root, 'terraform.rc');
    fs.writeFileSync(
      this.cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
    );
  }

  /** The environment of every offline run: own CLI config and data directory, no TLS to the plugin, no network. */
  environment(dataDirectory: string): NodeJS.ProcessEnv {
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      TF_CLI_CONFIG_FILE: this.cliConfig,
      TF_DATA_DIR: dataDirectory,
      TF_DISABLE_PLUGIN_TLS: '1',
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
    };
    delete environment.TF_PLUGIN_CACHE_DIR;
    delete environment.TF_LOG;
    return environment;
  }

  /**
   * A working copy of a synthesized stack directory: its JSON copied, its assets linked, and its own data
   * directory and lock file, so the stack directory and anything a user keeps there stay untouched.
   */
  workingCopy(stackDirectory: string, backend: BackendMode): WorkingCopy {
    const directory = fs.mkdtempSync(path.join(this.root, `${path.basename(stackDirectory)}-`));
    for (const entry of fs.readdirSync(stackDirectory)) {
      if (entry.endsWith('.tf.json')) fs.copyFileSync(path.join(stackDirectory, entry), path.join(directory, entry));
      if (entry === 'assets') fs.symlinkSync(path.join(path.resolve(stackDirectory), entry), path.join(directory, entry));
    }
    if (backend === 'local') {
      const override = { terraform: { backend: { local: { path: path.join(directory, 'terraform.tfstate') } } } };
      fs.writeFileSync(path.join(directory, 'offline_backend_override.tf.json'), JSON.stringify(override, null, 2));
    }
    return new WorkingCopy(this, directory, backend);
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export class WorkingCopy {
  constructor(
    private readonly terraform: OfflineTerraform,
    readonly directory: string,
    private readonly backend: BackendMode,
  ) {}

  /** Runs `terraform <args>` in the working copy, stopped after `TERRAFORM_TIMEOUT_MS`; never throws on a non-zero exit. */
  run(args: readonly string[], extraEnvironment: NodeJS.ProcessEnv = {}): Promise<TerraformResult> {
    const started = process.hrtime.bigint();
    const environment = { ...this.terraform.environment(path.join(this.directory, '.terraform-data')), ...extraEnvironment };
    return new Promise((resolve) => {
      execFile('terraform', [...args], { cwd: this.directory, env: environment, maxBuffer: 64 * 1024 * 1024, timeout: TERRAFORM_TIMEOUT_MS }, (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
      });
    });
  }

  init(backendConfig: readonly string[] = []): Promise<TerraformResult> {
    const backend = this.backend === 'disabled' ? ['-backend=false'] : backendConfig.map((setting) => `-backend-config=${setting}`);
    return this.run(['init', '-input=false', '-no-color', ...backend]);
  }
}
