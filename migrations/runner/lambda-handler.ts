// The migrations-on-deploy Lambda function (modules/migrations/migration-function.ts bundles this file with
// esbuild into index.js, beside migrations/<system>/*.sql, its migrations.json and, only when the function
// is built with seed data, seed/*.sql). Terraform's aws_lambda_invocation calls it with the migrations'
// checksum whenever the SQL files change; an error fails the deploy.
import * as path from 'path';
import { MigrationError } from './migration-error';
import { migrationsChecksum } from './migration-files';
import { migrateUp } from './migrator';
import { connectPostgres, SSL_MODES, SslMode } from './postgres-session';
import { loadSystemMigrations } from './system-migrations';

/** What aws_lambda_invocation sends. */
export interface MigrationEvent {
  readonly system: string;
  /** The checksum the stack computed at synth; must match the bundled files. */
  readonly checksum: string;
  /** With seed data: the checksum of the bundled seed files (migrationsChecksum over them). */
  readonly seedChecksum?: string;
}

export interface MigrationResponse {
  readonly system: string;
  readonly checksum: string;
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
  /** With seed data: the seed files' checksum, those applied by this invocation and how many were before. */
  readonly seedChecksum?: string;
  readonly seeded?: readonly string[];
  readonly alreadySeeded?: number;
}

/** The master secret's JSON (RDS and Secrets Manager's rotation templates use these keys). */
interface MasterSecret {
  readonly username?: string;
  readonly password?: string;
}

export interface DeployMigrationSettings {
  readonly system: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly secretArn: string;
  readonly sslMode: SslMode;
  /** A CA bundle; in Lambda, NODE_EXTRA_CA_CERTS=/var/runtime/ca-cert.pem adds the RDS CAs to Node's store instead. */
  readonly sslRootCert?: string;
  /** The folder holding `<system>/*.sql`. */
  readonly migrationsRoot: string;
  /** Apply the bundled development seed data after the migrations (the function was built with it). */
  readonly seedData: boolean;
  /** Reads a secret's string by ARN. */
  readonly fetchSecret: (arn: string) => Promise<string>;
  readonly log: (line: string) => void;
}

/** Runs the bundled migrations of one system against the writer, as the master user. */
export async function runDeployMigrations(event: MigrationEvent, settings: DeployMigrationSettings): Promise<MigrationResponse> {
  if (event.system !== settings.system) {
    throw new MigrationError(`invoked for system ${JSON.stringify(event.system)}, but this function migrates ${settings.system}`);
  }
  const migrations = loadSystemMigrations(path.join(settings.migrationsRoot, settings.system), { seed: settings.seedData });
  const { files, seedFiles } = migrations;
  const checksum = migrationsChecksum(files);
  if (event.checksum !== checksum) {
    // The function's code and the invocation come from different synths: refuse rather than apply an unknown set.
    throw new MigrationError(`the invocation carries migrations checksum ${event.checksum}, but the bundled files have ${checksum}; deploy the function and the invocation together`);
  }
  const seedChecksum = seedFiles === undefined ? undefined : migrationsChecksum(seedFiles);
  if (event.seedChecksum !== seedChecksum) {
    throw new MigrationError(
      seedChecksum === undefined
        ? `the invocation asks for seed data (checksum ${event.seedChecksum}), but this function was built without it; deploy the function and the invocation together`
        : `the invocation carries seed data checksum ${event.seedChecksum ?? '(none)'}, but the bundled seed files have ${seedChecksum}; deploy the function and the invocation together`,
    );
  }
  const secret = JSON.parse(await settings.fetchSecret(settings.secretArn)) as MasterSecret;
  if (!secret.username || !secret.password) {
    throw new MigrationError(`secret ${settings.secretArn} has no username and password keys`);
  }
  const session = await connectPostgres(
    {
      host: settings.host,
      port: settings.port,
      database: settings.database,
      user: secret.username,
      password: secret.password,
      sslMode: settings.sslMode,
      sslRootCert: settings.sslRootCert,
      connectTimeoutSeconds: 20,
    },
    `datastack-migrate-${settings.system}`,
  );
  try {
    const seedNote = seedFiles === undefined ? '' : ` and ${seedFiles.length} seed files (checksum ${seedChecksum})`;
    settings.log(`migrating ${settings.system} (${files.length} files, checksum ${checksum}${seedNote}) on ${session.description}`);
    const result = await migrateUp(session, files, { log: settings.log, system: settings.system, extensions: migrations.extensions, seedFiles });
    settings.log(`${result.applied.length} applied now, ${result.alreadyApplied} already applied`);
    const response = { system: settings.system, checksum, applied: result.applied, alreadyApplied: result.alreadyApplied };
    if (result.seeded === undefined) return response;
    settings.log(`${result.seeded.length} seed files applied now, ${result.alreadySeeded} already applied`);
    return { ...response, seedChecksum, seeded: result.seeded, alreadySeeded: result.alreadySeeded };
  } finally {
    await session.close().catch(() => undefined);
  }
}

interface SecretsManagerModule {
  SecretsManagerClient: new (config: object) => { send(command: unknown): Promise<{ SecretString?: string }> };
  GetSecretValueCommand: new (input: { SecretId: string }) => unknown;
}

/** Reads a secret with the AWS SDK v3 that the Lambda Node.js runtime provides (so it is not bundled). */
async function fetchSecretFromSecretsManager(arn: string): Promise<string> {
  const sdk = require('@aws-sdk/client-secrets-manager') as SecretsManagerModule;
  const response = await new sdk.SecretsManagerClient({}).send(new sdk.GetSecretValueCommand({ SecretId: arn }));
  if (response.SecretString === undefined) throw new MigrationError(`secret ${arn} has no string value`);
  return response.SecretString;
}

function requiredEnvironment(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new MigrationError(`environment variable ${name} is not set`);
  return value;
}

/** MIGRATION_SEED_DATA: `true` only in a function built with seed data (MigrationFunction's seedData). */
function seedDataFromEnvironment(): boolean {
  const value = process.env.MIGRATION_SEED_DATA ?? 'false';
  if (value !== 'true' && value !== 'false') {
    throw new MigrationError(`environment variable MIGRATION_SEED_DATA must be true or false, got ${JSON.stringify(value)}`);
  }
  return value === 'true';
}

function sslModeFromEnvironment(): SslMode {
  const mode = process.env.DB_SSLMODE ?? 'verify-full';
  if (!(SSL_MODES as readonly string[]).includes(mode)) {
    throw new MigrationError(`environment variable DB_SSLMODE must be one of ${SSL_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  }
  return mode as SslMode;
}

/** The Lambda entry point; its settings come from the function's environment, set by the construct. */
export async function handler(event: MigrationEvent): Promise<MigrationResponse> {
  return runDeployMigrations(event, {
    system: requiredEnvironment('MIGRATION_SYSTEM'),
    host: requiredEnvironment('DB_HOST'),
    port: Number(requiredEnvironment('DB_PORT')),
    database: requiredEnvironment('DB_NAME'),
    secretArn: requiredEnvironment('DB_SECRET_ARN'),
    sslMode: sslModeFromEnvironment(),
    migrationsRoot: path.join(__dirname, 'migrations'),
    seedData: seedDataFromEnvironment(),
    fetchSecret: fetchSecretFromSecretsManager,
    log: (line) => console.log(line),
  });
}
