import { spawnSync } from 'child_process';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { App, ITerraformDependable, LocalBackend, Testing } from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { RegionContext } from '../../../modules/context';
import { buildMigrationBundle, clearBundleCache, MigrationFunction, MigrationFunctionProps, VPC_ACCESS_ACTIONS } from '../../../modules/migrations';
import { ResourceNaming } from '../../../modules/naming';
import { DataTierSecurityGroup, RegionNetwork } from '../../../modules/network';
import { PostgresEndpoint } from '../../../modules/rds';
import { testStack, TestStack } from '../../fixtures/region-context';
import { listSystems, MIGRATIONS_ROOT } from '../../../migrations/runner/systems';
import { GAMING_PLATFORM_MIGRATIONS, migrationsRootWith, removeTemporaryDirectories } from '../../support/migration-fixtures';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:gaming-platform-prod-master-AbCdEf';
const KEY_ARN = 'arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const LOG_KEY_ARN = 'arn:aws:kms:eu-west-2:111122223333:key/5678abcd-12ab-34cd-56ef-1234567890ab';
const WRITER = 'gaming-platform-prod.cluster-abc.eu-west-2.rds.amazonaws.com';

/**
 * A database for the function to migrate, by the PostgreSQL endpoint contract: literal endpoints and secret,
 * a real security group (so admissions show in the JSON), and a stand-in resource for the writer instance.
 */
function literalDatabase(scope: Construct, context: RegionContext, port = 5432): PostgresEndpoint {
  const securityGroup = new DataTierSecurityGroup(scope, 'DatabaseSecurityGroup', {
    provider: context.provider,
    namePrefix: 'database',
    description: 'database',
    vpcId: context.network.vpcId,
    ports: [port],
    sourceSecurityGroupIds: [],
  });
  const writer: ITerraformDependable = new SnsTopic(scope, 'WriterInstance', { provider: context.provider, name: 'stand-in-for-the-writer' });
  return {
    engine: 'aurora-postgresql',
    region: context.region,
    writerEndpoint: WRITER,
    readerEndpoint: 'gaming-platform-prod.cluster-ro-abc.eu-west-2.rds.amazonaws.com',
    port,
    databaseName: 'gaming',
    securityGroupId: securityGroup.securityGroupId,
    masterCredentials: { secretArn: SECRET_ARN, kmsKeyArn: KEY_ARN, region: context.region },
    readyForClients: [writer],
    proxyTarget: { dbClusterIdentifier: 'gaming-platform-prod-aurora-eu-west-2' },
    allowFrom: (id, source, description) => securityGroup.allowFrom(id, source, port, description),
  };
}

/** What a test may change: the function's props, the database's port, and the Region's network. */
type Overrides = Partial<Omit<MigrationFunctionProps, 'context' | 'database'>> & { readonly port?: number; readonly network?: Partial<RegionNetwork>; readonly naming?: ResourceNaming };

function fixtureStack(app: App | undefined, overrides: Overrides): { test: TestStack; construct: MigrationFunction } {
  const { port, network, naming, ...props } = overrides;
  const test = testStack({ naming: naming ?? new ResourceNaming('gaming-platform', 'prod'), environment: 'prod', app });
  const context = test.context('eu-west-2');
  const placed = { ...context, network: { ...context.network, ...network } };
  const construct = new MigrationFunction(test.stack, 'Migrations', {
    system: 'gaming-platform',
    logKmsKeyArn: LOG_KEY_ARN,
    ...props,
    context: placed,
    database: literalDatabase(test.stack, placed, port),
  });
  return { test, construct };
}

function synth(overrides: Overrides = {}): { text: string; json: any; construct: MigrationFunction } {
  const { test, construct } = fixtureStack(undefined, overrides);
  const text = Testing.synth(test.stack);
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
      vpc_config: { subnet_ids: ['subnet-0p1', 'subnet-0p2'], security_group_ids: ['sg-0app'] },
      environment: {
        variables: {
          MIGRATION_SYSTEM: 'gaming-platform',
          DB_HOST: WRITER,
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

  test('GIVEN the base props WHEN synthesized THEN the log group is KMS-encrypted, kept as long as the policy says (a year)', () => {
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

  test('GIVEN overrides and a database on another port WHEN synthesized THEN port, timeout, memory, runtime and retention follow them', () => {
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
  test('GIVEN the defaults WHEN synthesized THEN it carries the application security groups, which the database admits already, and creates none', () => {
    const { json, construct } = synth();
    expect(construct.securityGroupIds).toEqual(['sg-0app']);
    expect(Object.keys(json.resource.aws_security_group)).toEqual([expect.stringMatching(/^DatabaseSecurityGroup_/)]);
    expect(json.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
  });

  test('GIVEN ownSecurityGroup WHEN synthesized THEN its group allows out only PostgreSQL to the database group and HTTPS, nothing in, and the database admits it', () => {
    const { json, construct } = synth({ ownSecurityGroup: true });
    const groups = Object.entries(json.resource.aws_security_group) as [string, any][];
    const [ownName, own] = groups.find(([name]) => name.startsWith('Migrations_'))!;
    const [databaseName] = groups.find(([name]) => name.startsWith('DatabaseSecurityGroup_'))!;
    expect(own).toMatchObject({ vpc_id: 'vpc-0a1b2', name_prefix: 'gaming-platform-prod-migrations-' });
    expect(own).not.toHaveProperty('ingress');
    const egress = (Object.values(json.resource.aws_vpc_security_group_egress_rule) as any[]).map((rule) => [rule.security_group_id, rule.referenced_security_group_id ?? rule.cidr_ipv4, rule.from_port]);
    expect(egress).toEqual([
      [`\${aws_security_group.${ownName}.id}`, `\${aws_security_group.${databaseName}.id}`, 5432],
      [`\${aws_security_group.${ownName}.id}`, '0.0.0.0/0', 443],
    ]);
    const ingress = Object.values(json.resource.aws_vpc_security_group_ingress_rule) as any[];
    expect(ingress.map((rule) => [rule.security_group_id, rule.referenced_security_group_id, rule.from_port])).toEqual([
      [`\${aws_security_group.${databaseName}.id}`, `\${aws_security_group.${ownName}.id}`, 5432],
    ]);
    expect(only(json, 'aws_lambda_function').vpc_config.security_group_ids).toEqual([`\${aws_security_group.${ownName}.id}`]);
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
      triggers: { migrations_checksum: construct.migrationsChecksum, database: `${WRITER}:5432/gaming` },
    });
  });

  test('GIVEN the database WHEN synthesized THEN the invocation waits for the function and for what the database needs before clients connect', () => {
    const invocation = only(synth().json, 'aws_lambda_invocation');
    expect(invocation.depends_on).toEqual([
      expect.stringMatching(/^aws_lambda_function\.Migrations_Function_\w+$/),
      expect.stringMatching(/^aws_sns_topic\.WriterInstance$/),
    ]);
  });

  test('GIVEN a migration file edited WHEN synthesized again THEN the trigger, the input and the code hash change; unrelated props change neither', () => {
    const files = Object.fromEntries(fs.readdirSync(GAMING_PLATFORM_MIGRATIONS).map((name) => [name, fs.readFileSync(path.join(GAMING_PLATFORM_MIGRATIONS, name), 'utf8')]));
    const root = migrationsRootWith('gaming-platform', files);
    const invocationAndCode = (overrides: Overrides) => {
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
    const { stack } = fixtureStack(app, {}).test;
    // Without a backend cdktf writes a local one with an absolute path; real stacks configure theirs.
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'test');
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
  test.each<[Overrides, string]>([
    [{ system: 'trivia' }, `migrations.system must be one of ${listSystems().map((system) => `"${system}"`).join(', ')}, got "trivia"`],
    [{ seedData: true }, 'migrations.seedData must be false for a system without seed data (no gaming-platform/seed/*.sql), got true'],
    [{ logKmsKeyArn: '' }, 'migrations.logKmsKeyArn must be set to a non-empty string, got ""'],
    [{ network: { privateSubnetIds: [] } }, 'migrations needs at least one private subnet in eu-west-2, got []'],
    [
      { naming: new ResourceNaming('a-system-whose-name-is-far-too-long-for-any-lambda-function', 'staging') },
      'migrations: the function name "a-system-whose-name-is-far-too-long-for-any-lambda-function-staging-migrations" must be 1-64 letters, digits, hyphens or underscores (shorten the system name)',
    ],
    [{ logRetentionDays: 10 }, 'migrations.logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, got 10'],
    [{ timeoutSeconds: 901 }, 'migrations.timeoutSeconds must be an integer 30-900, got 901'],
    [{ memorySizeMb: 64 }, 'migrations.memorySizeMb must be an integer 128-10240, got 64'],
    [{ runtime: 'nodejs18.x' as 'nodejs22.x' }, 'migrations.runtime must be one of "nodejs22.x", "nodejs24.x", got "nodejs18.x"'],
  ])('GIVEN %o WHEN built THEN it fails with: %s', (overrides, message) => {
    expect(() => synth(overrides)).toThrow(message);
  });

  test('GIVEN a system whose files are out of sequence WHEN built THEN synthesis fails naming the file', () => {
    const root = migrationsRootWith('gaming-platform', { '0001_a.sql': 'SELECT 1;', '0003_c.sql': 'SELECT 1;' });
    expect(() => synth({ migrationsRoot: root })).toThrow('migration file 0003_c.sql is out of sequence');
  });
});

describe('migration function: seed data', () => {
  const SHOP_PULSE: Overrides = { system: 'shop-pulse', naming: new ResourceNaming('shop-pulse', 'dev') };

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
    expect(invocation.triggers).toEqual({ migrations_checksum: construct.migrationsChecksum, seed_checksum: seedChecksum, database: `${WRITER}:5432/gaming` });
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

  describe('an archive from an earlier synth', () => {
    const recordOf = (archivePath: string) => `${archivePath}.json`;
    let zipping: jest.SpyInstance;
    beforeEach(() => {
      // The module object itself (an `import * as` copy cannot be spied on): the bundle calls through it.
      zipping = jest.spyOn(require('fflate') as typeof import('fflate'), 'zipSync');
    });
    afterEach(() => zipping.mockRestore());

    test('GIVEN an intact archive and its record WHEN a new process builds the same bundle THEN it reuses the archive without zipping', () => {
      const first = buildMigrationBundle('gaming-platform', root);
      const bytes = fs.readFileSync(first.archivePath);
      clearBundleCache();
      zipping.mockClear();

      const second = buildMigrationBundle('gaming-platform', root);

      expect(zipping).not.toHaveBeenCalled();
      expect(second.archivePath).toBe(first.archivePath);
      expect(fs.readFileSync(second.archivePath).equals(bytes)).toBe(true);
    });

    test.each([
      ['the archive damaged', (archivePath: string) => fs.writeFileSync(archivePath, 'truncated')],
      ['the archive removed', (archivePath: string) => fs.rmSync(archivePath)],
      ['the record removed', (archivePath: string) => fs.rmSync(recordOf(archivePath))],
      ['a record of another fflate version', (archivePath: string) => {
        const record = JSON.parse(fs.readFileSync(recordOf(archivePath), 'utf8'));
        fs.writeFileSync(recordOf(archivePath), JSON.stringify({ ...record, fflate: '0.0.1' }));
      }],
      ['a record of another archive format', (archivePath: string) => {
        const record = JSON.parse(fs.readFileSync(recordOf(archivePath), 'utf8'));
        fs.writeFileSync(recordOf(archivePath), JSON.stringify({ ...record, format: record.format + 1 }));
      }],
    ])('GIVEN %s WHEN built again THEN it is zipped again, to the same bytes as before', (_damage, damage) => {
      const first = buildMigrationBundle('gaming-platform', root);
      const bytes = fs.readFileSync(first.archivePath);
      damage(first.archivePath);
      clearBundleCache();
      zipping.mockClear();

      const second = buildMigrationBundle('gaming-platform', root);

      expect(zipping).toHaveBeenCalledTimes(1);
      expect(fs.readFileSync(second.archivePath).equals(bytes)).toBe(true);
      expect(buildMigrationBundle('gaming-platform', root).archivePath).toBe(second.archivePath);
    });
  });

  test('GIVEN machines in different time zones WHEN each builds the archive THEN the bytes are the same', () => {
    // A process reads TZ once, so each zone gets a process of its own.
    const script = `
      const fs = require('fs');
      const { buildMigrationBundle } = require('./modules/migrations/migration-bundle');
      const { archivePath } = buildMigrationBundle('gaming-platform', ${JSON.stringify(root)});
      process.stdout.write(require('crypto').createHash('sha256').update(fs.readFileSync(archivePath)).digest('hex'));`;
    const archiveHashIn = (zone: string) => {
      const run = spawnSync(process.execPath, ['-r', './tools/run/typescript-require-hook.js', '-e', script], {
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
