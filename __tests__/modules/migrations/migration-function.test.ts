import { spawnSync } from 'child_process';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { App, LocalBackend, Testing, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { buildMigrationBundle, clearBundleCache } from '../../../modules/migrations/migration-bundle';
import { MigrationFunction, MigrationFunctionProps, VPC_ACCESS_ACTIONS } from '../../../modules/migrations/migration-function';
import { listSystems, MIGRATIONS_ROOT } from '../../../migrations/runner/systems';
import { GAMING_PLATFORM_MIGRATIONS, migrationsRootWith, removeTemporaryDirectories } from '../../support/migration-fixtures';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:gaming-platform-prod-master-AbCdEf';
const KEY_ARN = 'arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const LOG_KEY_ARN = 'arn:aws:kms:eu-west-2:111122223333:key/5678abcd-12ab-34cd-56ef-1234567890ab';

/** A small stack holding only the migration function, with a base set of props. */
const BASE_PROPS: Omit<MigrationFunctionProps, 'provider'> = {
  region: 'eu-west-2',
  system: 'gaming-platform',
  writerEndpoint: 'gaming-platform-prod.cluster-abc.eu-west-2.rds.amazonaws.com',
  databaseName: 'gaming',
  masterSecretArn: SECRET_ARN,
  secretKmsKeyArn: KEY_ARN,
  logKmsKeyArn: LOG_KEY_ARN,
  subnetIds: ['subnet-0aaa', 'subnet-0bbb'],
  securityGroupIds: ['sg-0migrations'],
  namePrefix: 'gaming-platform-prod',
};

function fixtureStack(app: App, overrides: Partial<MigrationFunctionProps>): { stack: TerraformStack; construct: MigrationFunction } {
  const stack = new TerraformStack(app, 'gaming-platform-prod');
  const provider = new AwsProvider(stack, 'Aws', { region: 'eu-west-2' });
  const construct = new MigrationFunction(stack, 'Migrations', { provider, ...BASE_PROPS, ...overrides });
  return { stack, construct };
}

function synth(overrides: Partial<MigrationFunctionProps> = {}): { text: string; json: any; construct: MigrationFunction } {
  const { stack, construct } = fixtureStack(Testing.app(), overrides);
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text), construct };
}

const only = (json: any, type: string): any => {
  const resources = Object.values(json.resource?.[type] ?? json.data?.[type] ?? {});
  expect(resources).toHaveLength(1);
  return resources[0];
};
const policyDocument = (json: any, idPrefix: string): any =>
  Object.entries(json.data.aws_iam_policy_document).find(([name]) => name.startsWith(idPrefix))![1];

afterAll(removeTemporaryDirectories);

describe('migration function: the Lambda', () => {
  test('GIVEN the base props WHEN synthesized THEN the function runs the bundled runner in the VPC against the writer with verify-full TLS', () => {
    const { text } = synth();
    expect(text).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'gaming-platform-prod-migrations',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      architectures: ['arm64'],
      timeout: 600,
      memory_size: 512,
      filename: expect.stringMatching(/^assets\/[\w-]+\/[0-9A-F]{32}\/migrations\.zip$/),
      vpc_config: { subnet_ids: ['subnet-0aaa', 'subnet-0bbb'], security_group_ids: ['sg-0migrations'] },
      environment: {
        variables: {
          MIGRATION_SYSTEM: 'gaming-platform',
          DB_HOST: BASE_PROPS.writerEndpoint,
          DB_PORT: '5432',
          DB_NAME: 'gaming',
          DB_SECRET_ARN: SECRET_ARN,
          DB_SSLMODE: 'verify-full',
          NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
        },
      },
      logging_config: { log_format: 'Text', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Migrations_Logs_Group_\w+\.name\}$/) },
    });
  });

  test('GIVEN the base props WHEN synthesized THEN the log group is KMS-encrypted with a year of retention', () => {
    expect(synth().text).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/aws/lambda/gaming-platform-prod-migrations',
      retention_in_days: 365,
      kms_key_id: LOG_KEY_ARN,
    });
  });

  test('GIVEN a log key WHEN synthesized THEN it creates no key of its own', () => {
    expect(synth().json.resource.aws_kms_key).toBeUndefined();
  });

  test('GIVEN no log key WHEN synthesized THEN the log group uses a key of its own that CloudWatch Logs may use for this log group only', () => {
    const { json } = synth({ logKmsKeyArn: undefined });
    expect(only(json, 'aws_cloudwatch_log_group').kms_key_id).toMatch(/^\$\{aws_kms_key\.Migrations_Logs_Key_\w+\.arn\}$/);
    expect(only(json, 'aws_kms_key')).toMatchObject({ enable_key_rotation: true, description: 'Encrypts the logs of gaming-platform-prod-migrations' });
    expect(policyDocument(json, 'Migrations_Logs_Key_Policy').statement[1]).toEqual({
      sid: 'ServiceGrant0',
      principals: [{ type: 'Service', identifiers: ['logs.eu-west-2.amazonaws.com'] }],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      condition: [
        {
          test: 'ArnEquals',
          variable: 'kms:EncryptionContext:aws:logs:arn',
          values: [
            expect.stringMatching(
              /^arn:\$\{data\.aws_partition\.Migrations_Logs_Partition_\w+\.partition\}:logs:eu-west-2:\$\{data\.aws_caller_identity\.Migrations_Logs_Account_\w+\.account_id\}:log-group:\/aws\/lambda\/gaming-platform-prod-migrations$/,
            ),
          ],
        },
      ],
    });
  });

  test('GIVEN overrides WHEN synthesized THEN port, timeout, memory, runtime and retention follow them', () => {
    const { text } = synth({ port: 6543, timeoutSeconds: 900, memorySizeMb: 1024, runtime: 'nodejs24.x', logRetentionDays: 30 });
    expect(text).toHaveResourceWithProperties(LambdaFunction, {
      runtime: 'nodejs24.x',
      timeout: 900,
      memory_size: 1024,
      environment: { variables: expect.objectContaining({ DB_PORT: '6543' }) },
    });
    expect(text).toHaveResourceWithProperties(CloudwatchLogGroup, { retention_in_days: 30 });
  });
});

describe('migration function: least-privilege role', () => {
  test('GIVEN the base props WHEN synthesized THEN the role reads exactly that secret, decrypts only with that key through Secrets Manager, writes only its logs, and attaches to the VPC', () => {
    const { json } = synth();
    const policy = policyDocument(json, 'Migrations_Policy');
    expect(policy.statement).toEqual([
      { sid: 'ReadMasterSecret', actions: ['secretsmanager:GetSecretValue'], resources: [SECRET_ARN] },
      {
        sid: 'DecryptMasterSecretThroughSecretsManager',
        actions: ['kms:Decrypt'],
        resources: [KEY_ARN],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: ['secretsmanager.eu-west-2.amazonaws.com'] }],
      },
      {
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Migrations_Logs_Group_\w+\.arn\}:\*$/)],
      },
      { sid: 'AttachToVpc', actions: [...VPC_ACCESS_ACTIONS], resources: ['*'] },
    ]);
    const rolePolicy = only(json, 'aws_iam_role_policy');
    expect(rolePolicy.policy).toMatch(/^\$\{data\.aws_iam_policy_document\.Migrations_Policy_\w+\.json\}$/);
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
  });

  test('GIVEN the base props WHEN synthesized THEN only Lambda may assume the role', () => {
    const { json } = synth();
    expect(policyDocument(json, 'Migrations_AssumeRolePolicy').statement).toEqual([
      { actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }] },
    ]);
  });
});

describe('migration function: network', () => {
  test('GIVEN security groups WHEN synthesized THEN it creates none of its own', () => {
    expect(synth().json.resource.aws_security_group).toBeUndefined();
  });

  test('GIVEN only a VPC id WHEN synthesized THEN its own group allows out only PostgreSQL in the VPC and HTTPS, and nothing in', () => {
    const { text, construct } = synth({ securityGroupIds: undefined, vpcId: 'vpc-0a1b2c3d' });
    expect(text).toHaveResourceWithProperties(SecurityGroup, {
      vpc_id: 'vpc-0a1b2c3d',
      name_prefix: 'gaming-platform-prod-migrations-',
      ingress: [],
      egress: [
        expect.objectContaining({ protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: [expect.stringMatching(/^\$\{data\.aws_vpc\.Migrations_Vpc_\w+\.cidr_block\}$/)] }),
        expect.objectContaining({ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }),
      ],
    });
    expect(construct.securityGroupIds).toHaveLength(1);
  });
});

describe('migration function: the invocation on deploy', () => {
  test('GIVEN the base props WHEN synthesized THEN the invocation calls the function with the migrations checksum as input and trigger', () => {
    const { text, construct } = synth();
    expect(construct.migrationsChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toHaveResourceWithProperties(LambdaInvocation, {
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.Migrations_Function_\w+\.function_name\}$/),
      input: JSON.stringify({ system: 'gaming-platform', checksum: construct.migrationsChecksum }),
      triggers: { migrations_checksum: construct.migrationsChecksum, database: `${BASE_PROPS.writerEndpoint}:5432/gaming` },
    });
  });

  test('GIVEN a dependency WHEN synthesized THEN the invocation waits for it and for the function', () => {
    const { stack } = fixtureStack(Testing.app(), {});
    const other = new CloudwatchLogGroup(stack, 'WriterInstance', { name: 'stand-in-for-the-writer' });
    const { construct } = { construct: new MigrationFunction(stack, 'Migrations2', { provider: stack.node.findChild('Aws') as AwsProvider, ...BASE_PROPS, namePrefix: 'other', dependsOn: [other] }) };
    const invocation = (JSON.parse(Testing.synth(stack)).resource.aws_lambda_invocation as Record<string, any>);
    const mine = Object.entries(invocation).find(([name]) => name.startsWith('Migrations2'))![1];
    expect(mine.depends_on).toEqual([
      expect.stringMatching(/^aws_lambda_function\.Migrations2_Function_\w+$/),
      expect.stringMatching(/^aws_cloudwatch_log_group\.WriterInstance$/),
    ]);
    expect(construct.migrationsChecksum).toBeDefined();
  });

  test('GIVEN a migration file edited WHEN synthesized again THEN the trigger, the input and the code hash change; unrelated props change neither', () => {
    const files = Object.fromEntries(fs.readdirSync(GAMING_PLATFORM_MIGRATIONS).map((name) => [name, fs.readFileSync(path.join(GAMING_PLATFORM_MIGRATIONS, name), 'utf8')]));
    const root = migrationsRootWith('gaming-platform', files);
    const invocationAndCode = (overrides: Partial<MigrationFunctionProps>) => {
      const { json } = synth({ migrationsRoot: root, ...overrides });
      return { invocation: only(json, 'aws_lambda_invocation'), sourceCodeHash: only(json, 'aws_lambda_function').source_code_hash };
    };
    const before = invocationAndCode({});
    const unrelated = invocationAndCode({ memorySizeMb: 1024, logRetentionDays: 30 });
    fs.appendFileSync(path.join(root, 'gaming-platform', '0004_support_tickets.sql'), '\nCOMMENT ON TABLE support_tickets IS $$Player support tickets$$;\n');
    const after = invocationAndCode({});

    expect(unrelated).toEqual(before);
    expect(after.invocation.triggers.migrations_checksum).not.toBe(before.invocation.triggers.migrations_checksum);
    expect(after.invocation.input).not.toBe(before.invocation.input);
    expect(after.sourceCodeHash).not.toBe(before.sourceCodeHash);
  });
});

describe('migration function: synthesized to disk', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datastack-synth-'));
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN a full synth WHEN cdk.tf.json is read THEN the bundle is an archive relative to the stack directory and no absolute path of this machine appears', () => {
    const app = new App({ outdir, skipValidation: true });
    const { stack } = fixtureStack(app, {});
    // Without a backend cdktf writes a local one with an absolute path; real stacks configure theirs.
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'gaming-platform-prod');
    const text = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
    const fn = only(JSON.parse(text), 'aws_lambda_function');

    expect(path.isAbsolute(fn.filename)).toBe(false);
    expect(fs.statSync(path.join(stackDir, fn.filename)).size).toBeGreaterThan(10_000);
    for (const machinePath of [path.resolve(__dirname, '..', '..', '..'), os.tmpdir(), os.homedir()]) {
      expect(text).not.toContain(machinePath);
    }
  });
});

describe('migration function: validation', () => {
  test.each([
    [{ system: 'trivia' }, `migrations.system must be one of ${listSystems().map((system) => `"${system}"`).join(', ')}, got "trivia"`],
    [{ seedData: true }, 'migrations.seedData must be false for a system without seed data (no gaming-platform/seed/*.sql), got true'],
    [{ port: 0 }, 'migrations.port must be an integer 1-65535, got 0'],
    [{ databaseName: '' }, 'migrations.databaseName must be set to a non-empty string, got ""'],
    [{ masterSecretArn: '' }, 'migrations.masterSecretArn must be set to a non-empty string, got ""'],
    [{ secretKmsKeyArn: '' }, 'migrations.secretKmsKeyArn must be set to a non-empty string, got ""'],
    [{ logKmsKeyArn: '' }, 'migrations.logKmsKeyArn must be set to a non-empty string, got ""'],
    [{ subnetIds: [] }, 'migrations.subnetIds must list at least one private subnet, got []'],
    [{ securityGroupIds: [] }, 'migrations.vpcId must be set when migrations.securityGroupIds is not (the function then gets its own security group), got nothing'],
    [{ namePrefix: 'has spaces' }, 'migrations.namePrefix must be 1-53 letters, digits, hyphens or underscores (the function name <prefix>-migrations has at most 64), got "has spaces"'],
    [{ logRetentionDays: 10 }, 'migrations.logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 10'],
    [{ timeoutSeconds: 901 }, 'migrations.timeoutSeconds must be an integer 30-900, got 901'],
    [{ memorySizeMb: 64 }, 'migrations.memorySizeMb must be an integer 128-10240, got 64'],
    [{ runtime: 'nodejs18.x' }, 'migrations.runtime must be one of "nodejs22.x", "nodejs24.x", got "nodejs18.x"'],
  ])('GIVEN %o WHEN built THEN it fails with: %s', (overrides, message) => {
    expect(() => synth(overrides as Partial<MigrationFunctionProps>)).toThrow(message);
  });

  test('GIVEN a system whose files are out of sequence WHEN built THEN synthesis fails naming the file', () => {
    const root = migrationsRootWith('gaming-platform', { '0001_a.sql': 'SELECT 1;', '0003_c.sql': 'SELECT 1;' });
    expect(() => synth({ migrationsRoot: root })).toThrow('migration file 0003_c.sql is out of sequence');
  });
});

describe('migration function: seed data', () => {
  const SHOP_PULSE: Partial<MigrationFunctionProps> = { system: 'shop-pulse', writerEndpoint: 'shop-pulse-dev.abc.eu-west-2.rds.amazonaws.com', databaseName: 'shoppulse', namePrefix: 'shop-pulse-dev' };

  test('GIVEN the default WHEN synthesized THEN the function has no seed setting and the invocation carries no seed checksum', () => {
    const { json } = synth(SHOP_PULSE);
    expect(only(json, 'aws_lambda_function').environment.variables).not.toHaveProperty('MIGRATION_SEED_DATA');
    const invocation = only(json, 'aws_lambda_invocation');
    expect(Object.keys(JSON.parse(invocation.input))).toEqual(['system', 'checksum']);
    expect(Object.keys(invocation.triggers).sort()).toEqual(['database', 'migrations_checksum']);
  });

  test('GIVEN seedData WHEN synthesized THEN the function is told to seed and the invocation carries and triggers on the seed checksum', () => {
    const { json, construct } = synth({ ...SHOP_PULSE, seedData: true });
    const seedChecksum = buildMigrationBundle('shop-pulse', MIGRATIONS_ROOT, { seedData: true }).seedChecksum;
    expect(seedChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(only(json, 'aws_lambda_function').environment.variables).toMatchObject({ MIGRATION_SYSTEM: 'shop-pulse', MIGRATION_SEED_DATA: 'true' });
    const invocation = only(json, 'aws_lambda_invocation');
    expect(JSON.parse(invocation.input)).toEqual({ system: 'shop-pulse', checksum: construct.migrationsChecksum, seedChecksum });
    expect(invocation.triggers).toEqual({ migrations_checksum: construct.migrationsChecksum, seed_checksum: seedChecksum, database: 'shop-pulse-dev.abc.eu-west-2.rds.amazonaws.com:5432/shoppulse' });
  });

  test('GIVEN seedData on and off WHEN synthesized THEN the code differs (only one bundle carries the seed files)', () => {
    const codeHash = (seedData: boolean) => only(synth({ ...SHOP_PULSE, seedData }).json, 'aws_lambda_function').source_code_hash;
    expect(codeHash(true)).not.toBe(codeHash(false));
  });
});

describe('migration bundle', () => {
  const root = migrationsRootWith('gaming-platform', { '0001_a.sql': 'CREATE TABLE bundle_probe (id int);' });
  afterEach(() => clearBundleCache());

  /** The archive's entries as text, by name. */
  function unzipped(archivePath: string): Record<string, string> {
    return Object.fromEntries(Object.entries(unzipSync(fs.readFileSync(archivePath))).map(([name, bytes]) => [name, strFromU8(bytes)]));
  }

  test('GIVEN a system with migrations.json and seed data WHEN bundled with and without seed data THEN the manifest is always carried, the seed files only with seed data', () => {
    const seeded = migrationsRootWith('arcade', {
      '0001_a.sql': 'CREATE EXTENSION IF NOT EXISTS citext; CREATE TABLE a (name citext);',
      'migrations.json': '{"extensions": ["citext"]}',
      'seed/0001_rows.sql': "INSERT INTO a VALUES ('x');",
    });
    expect(Object.keys(unzipped(buildMigrationBundle('arcade', seeded).archivePath))).toEqual([
      'index.js',
      'migrations/arcade/0001_a.sql',
      'migrations/arcade/migrations.json',
    ]);
    expect(Object.keys(unzipped(buildMigrationBundle('arcade', seeded, { seedData: true }).archivePath))).toEqual([
      'index.js',
      'migrations/arcade/0001_a.sql',
      'migrations/arcade/migrations.json',
      'migrations/arcade/seed/0001_rows.sql',
    ]);
  });

  test('GIVEN a system WHEN bundled THEN the archive holds the handler and the system\'s SQL files', () => {
    const bundle = buildMigrationBundle('gaming-platform', root);
    const entries = unzipped(bundle.archivePath);
    expect(Object.keys(entries)).toEqual(['index.js', 'migrations/gaming-platform/0001_a.sql']);
    expect(entries['index.js']).toContain('datastack_migrations');
    expect(entries['migrations/gaming-platform/0001_a.sql']).toBe('CREATE TABLE bundle_probe (id int);');
  });

  test('GIVEN a staged archive damaged on disk WHEN built again THEN it is rewritten, not reused', () => {
    const first = buildMigrationBundle('gaming-platform', root);
    fs.writeFileSync(first.archivePath, 'truncated');
    clearBundleCache();

    const second = buildMigrationBundle('gaming-platform', root);

    expect(second.archivePath).toBe(first.archivePath);
    expect(unzipped(second.archivePath)['migrations/gaming-platform/0001_a.sql']).toBe('CREATE TABLE bundle_probe (id int);');
  });

  test('GIVEN machines in different time zones WHEN each builds the archive THEN the bytes are the same', () => {
    // A process reads TZ once, so each zone gets a process of its own.
    const script = `
      const fs = require('fs');
      const { buildMigrationBundle } = require('./modules/migrations/migration-bundle');
      const { archivePath } = buildMigrationBundle('gaming-platform', ${JSON.stringify(root)});
      process.stdout.write(require('crypto').createHash('sha256').update(fs.readFileSync(archivePath)).digest('hex'));`;
    const archiveHashIn = (zone: string) => {
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        cwd: path.resolve(__dirname, '..', '..', '..'),
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toBe('');
      return run.stdout;
    };
    const kiritimati = archiveHashIn('Pacific/Kiritimati');
    expect(kiritimati).toMatch(/^[0-9a-f]{64}$/);
    expect(archiveHashIn('America/Anchorage')).toBe(kiritimati);
  });
});
