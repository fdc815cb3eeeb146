// Terraform run offline against the stand-in: a filesystem mirror holding one launcher per provider, a CLI
// configuration that installs only from it, and one working copy per stack with its own data directory and
// lock file. `init` installs the providers from the mirror (so version constraints and the lock file are
// Terraform's own); every other command attaches to provider processes started once from the same launchers
// (attached-provider.ts). Nothing is written to the stack directory, ~/.terraformrc, .terraform or
// .terraform.lock.hcl.
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeAtomically } from '../../../modules/bundle-cache';
import { encodeSchemaResponse, encodedSchemaFile, loadProtocol } from '../plugin/protocol';
import { ProviderSchema } from '../schema/provider-schema';
import { CACHE_DIRECTORY, CachedSchema, cachedSchema } from '../schema/schema-cache';
import { configurationTypes, subsetSchema } from '../schema/schema-subset';
import { ProviderProcess, ReattachConfig } from './attached-provider';

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
  | 'configured'
  /**
   * The stack's backend replaced by Terraform's http backend at this address (an override file): state kept
   * by a server, written once per command instead of after every resource as a local state file is.
   */
  | { readonly http: string };

/** The backend block a working copy's override file puts in place of the stack's; undefined: keep the stack's. */
function replacementBackend(backend: BackendMode, directory: string): object | undefined {
  if (backend === 'local') return { local: { path: path.join(directory, 'terraform.tfstate') } };
  if (typeof backend === 'object') return { http: { address: backend.http } };
  return undefined;
}

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

/** The environment variable a provider's launcher reads for its schema subset. */
function subsetVariable(providerName: string): string {
  return `DATASTACK_STAND_IN_${providerName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_SUBSET`;
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
  private readonly launchers: string[] = [];
  private readonly fullSchemas: (ProviderSchema | undefined)[] = [];
  /** What Terraform attaches to, by provider and schema subset. */
  private readonly served = new Map<string, Promise<ReattachConfig>>();
  /** Per provider, its processes; subsets are spread over them in turn. */
  private readonly processes: Promise<ProviderProcess>[][];
  /** Per provider, how many subsets it serves so far: the next one goes to process `count % processesPerProvider`. */
  private readonly subsetsServed: number[];
  private readonly processesPerProvider: number;
  private protocol: unknown;

  /**
   * `providerProcesses`: how many processes serve each provider, the schema subsets of the working copies
   * spread over them in turn (default: one per core, as many as the commands run stacks in parallel).
   */
  constructor(options: { providerProcesses?: number } = {}) {
    this.processesPerProvider = Math.max(1, options.providerProcesses ?? os.availableParallelism());
    this.providers = STAND_IN_PACKAGES.map(cachedSchema);
    this.processes = this.providers.map(() => []);
    this.subsetsServed = this.providers.map(() => 0);
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
      this.launchers.push(launcher);
      const quote = (part: string) => `'${part.replace(/'/g, `'\\''`)}'`;
      // A working copy names, in its environment, the schema subset for its configuration (subsetFiles);
      // without it the launcher serves the whole schema.
      const variable = subsetVariable(provider.name);
      fs.writeFileSync(
        launcher,
        [
          '#!/bin/sh',
          `schema=${quote(provider.file)}`,
          `encoded=${quote(encodedSchemaFile(provider.file, PROTO_DIRECTORY))}`,
          `if [ -n "$${variable}" ]; then schema="$${variable}.json"; encoded="$${variable}.bin"; fi`,
          `exec ${quote(process.execPath)} ${quote(bundle)} "$schema" ${quote(PROTO_DIRECTORY)} "$encoded"`,
          '',
        ].join('\n'),
        { mode: 0o755 },
      );
    }
    this.cliConfig = path.join(this.root, 'terraform.rc');
    fs.writeFileSync(
      this.cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
    );
  }

  /**
   * For each provider, the path prefix of `<prefix>.json` (the schema) and `<prefix>.bin` (its encoded
   * GetProviderSchema response) holding only the types the configuration in `directory` names, by the
   * environment variable its launcher reads. Kept in the cache, by provider schema and type list.
   */
  subsetFiles(directory: string): NodeJS.ProcessEnv {
    const types = configurationTypes(directory);
    const environment: NodeJS.ProcessEnv = {};
    this.providers.forEach((provider, index) => {
      const full = (this.fullSchemas[index] ??= JSON.parse(fs.readFileSync(provider.file, 'utf8')) as ProviderSchema);
      const subset = subsetSchema(full, types);
      const key = createHash('sha256')
        .update(path.basename(encodedSchemaFile(provider.file, PROTO_DIRECTORY)))
        .update(JSON.stringify([Object.keys(subset.resources), Object.keys(subset.dataSources), Object.keys(subset.ephemeralResources)]))
        .digest('hex')
        .slice(0, 16);
      const prefix = path.join(CACHE_DIRECTORY, `subset-${provider.name}-${key}`);
      if (!fs.existsSync(`${prefix}.bin`)) {
        writeAtomically(`${prefix}.json`, JSON.stringify(subset));
        writeAtomically(`${prefix}.bin`, encodeSchemaResponse((this.protocol ??= loadProtocol(PROTO_DIRECTORY)), subset));
      }
      environment[subsetVariable(provider.name)] = prefix;
    });
    return environment;
  }

  /**
   * TF_REATTACH_PROVIDERS for a working copy: for each provider, a socket serving the copy's schema subset,
   * opened on first use in one of the provider's processes and shared by every copy with the same subset.
   */
  async reattachProviders(schemaSubsets: NodeJS.ProcessEnv): Promise<string> {
    const entries = await Promise.all(
      this.providers.map(async (provider, index) => {
        const prefix = schemaSubsets[subsetVariable(provider.name)];
        if (!prefix) throw new Error(`no schema subset for the ${provider.name} provider (${subsetVariable(provider.name)})`);
        const key = `${provider.name}\0${prefix}`;
        if (!this.served.has(key)) this.served.set(key, this.serveSubset(index, prefix));
        return [`registry.terraform.io/hashicorp/${provider.name}`, await this.served.get(key)!] as const;
      }),
    );
    return JSON.stringify(Object.fromEntries(entries));
  }

  private serveSubset(providerIndex: number, prefix: string): Promise<ReattachConfig> {
    const pool = this.processes[providerIndex];
    const slot = this.subsetsServed[providerIndex]++ % this.processesPerProvider;
    const running: Promise<ProviderProcess> | undefined = pool[slot];
    if (running) return running.then((started) => started.serve(prefix));
    const environment = { ...process.env, [subsetVariable(this.providers[providerIndex].name)]: prefix };
    const started = ProviderProcess.start(this.launchers[providerIndex], environment);
    pool[slot] = started.then(({ process }) => process);
    return started.then(({ reattach }) => reattach);
  }

  /** Every socket opened so far (what Terraform is told to attach to); `Pid` is the process serving it. */
  async attachedProviders(): Promise<ReattachConfig[]> {
    return Promise.all(this.served.values());
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
    const replaced = replacementBackend(backend, directory);
    if (replaced) {
      const override = { terraform: { backend: replaced } };
      fs.writeFileSync(path.join(directory, 'offline_backend_override.tf.json'), JSON.stringify(override, null, 2));
    }
    return new WorkingCopy(this, directory, backend, this.subsetFiles(directory));
  }

  dispose(): void {
    for (const started of this.processes.flat()) started.then((running) => running.stop(), () => undefined);
    this.processes.forEach((pool) => pool.splice(0));
    this.subsetsServed.fill(0);
    this.served.clear();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export class WorkingCopy {
  constructor(
    private readonly terraform: OfflineTerraform,
    readonly directory: string,
    private readonly backend: BackendMode,
    /** The variables that point each provider's launcher at the schema subset for this configuration. */
    private readonly schemaSubsets: NodeJS.ProcessEnv = {},
  ) {}

  /**
   * Runs `terraform <args>` in the working copy, stopped after `TERRAFORM_TIMEOUT_MS`; never throws on a
   * non-zero exit. `init` installs the providers from the mirror; other commands attach to running ones.
   */
  async run(args: readonly string[], extraEnvironment: NodeJS.ProcessEnv = {}): Promise<TerraformResult> {
    const started = process.hrtime.bigint();
    const attach = args[0] === 'init' ? {} : { TF_REATTACH_PROVIDERS: await this.terraform.reattachProviders(this.schemaSubsets) };
    const environment = { ...this.terraform.environment(path.join(this.directory, '.terraform-data')), ...this.schemaSubsets, ...attach, ...extraEnvironment };
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
