import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { AssetType, TerraformAsset } from 'cdktf';
import * as path from 'path';
import { Construct } from 'constructs';
import { hasSeedData, SEED_FOLDER } from '../../migrations/runner/system-migrations';
import { listSystems, MIGRATIONS_ROOT } from '../../migrations/runner/systems';
import { RegionContext } from '../context';
import { EncryptedLogGroup, logRetentionRule } from '../logs';
import { PostgresEndpoint } from '../rds';
import { assertValid, describeValue, integerInRange, nonEmpty, oneOf, ValidationRule } from '../validation';
import { buildMigrationBundle } from './migration-bundle';

/** Lambda runtimes the bundle is built for (target node22 runs on both). */
export const MIGRATION_FUNCTION_RUNTIMES = ['nodejs22.x', 'nodejs24.x'] as const;
export type MigrationFunctionRuntime = (typeof MIGRATION_FUNCTION_RUNTIMES)[number];

/** The network-interface actions Lambda needs to attach a function to a VPC (those of AWSLambdaVPCAccessExecutionRole, without its logs:* on "*"). */
export const VPC_ACCESS_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
] as const;

/** A migrations function's defaults, in one place (docs/migrations.md quotes them; a test compares). */
export const MIGRATION_FUNCTION_DEFAULTS = {
  timeoutSeconds: 600,
  memorySizeMb: 512,
  runtime: 'nodejs22.x' as MigrationFunctionRuntime,
  ownSecurityGroup: false,
  seedData: false,
} as const;

/** A migrations function's plain-data settings: what an environment configures. */
export interface MigrationFunctionSettings {
  /**
   * Days CloudWatch keeps the function's logs.
   * @default - the environment policy's logRetentionDays (365 unless the environment sets it)
   */
  readonly logRetentionDays?: number;
  /**
   * The function's timeout in seconds; a deploy waits at most this long for the migrations.
   * @default 600
   */
  readonly timeoutSeconds?: number;
  /**
   * The function's memory in MB.
   * @default 512
   */
  readonly memorySizeMb?: number;
  /**
   * The Lambda runtime.
   * @default 'nodejs22.x'
   */
  readonly runtime?: MigrationFunctionRuntime;
  /**
   * A security group of the function's own (egress to the database and to HTTPS only), which the database
   * admits; otherwise the function carries the application security groups, which the database admits already.
   * @default false
   */
  readonly ownSecurityGroup?: boolean;
  /**
   * Development only: bundle the system's seed data (`migrations/<system>/seed/*.sql`) and apply it after
   * the migrations, each file once. Without it the bundle does not carry the seed files at all.
   * @default false
   */
  readonly seedData?: boolean;
}

export interface MigrationFunctionProps extends MigrationFunctionSettings {
  /** The database's Region: provider, private subnets, application security groups, names, policy. */
  readonly context: RegionContext;
  /** Whose migrations: a folder of migrations/ (`gaming-platform`). */
  readonly system: string;
  /** The database migrated: the function connects to its writer as the master user. */
  readonly database: PostgresEndpoint;
  /**
   * The folder holding `<system>/*.sql`.
   * @default - this repository's migrations/
   */
  readonly migrationsRoot?: string;
  /**
   * The KMS key for the function's log group (its policy must grant `logs.<region>.amazonaws.com`).
   * @default - a customer-managed key of its own, usable by CloudWatch Logs for this log group only
   */
  readonly logKmsKeyArn?: string;
  /**
   * Tags on every resource (the provider's default tags apply as well).
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The checks of a migrations function's settings; `setting` is their path (`migrations`). */
export function migrationFunctionSettingsRules(setting: string, settings: MigrationFunctionSettings): ValidationRule[] {
  const rules: ValidationRule[] = [];
  if (settings.logRetentionDays !== undefined) rules.push(logRetentionRule(`${setting}.logRetentionDays`, settings.logRetentionDays));
  if (settings.timeoutSeconds !== undefined) rules.push(integerInRange(`${setting}.timeoutSeconds`, settings.timeoutSeconds, 30, 900));
  if (settings.memorySizeMb !== undefined) rules.push(integerInRange(`${setting}.memorySizeMb`, settings.memorySizeMb, 128, 10240));
  if (settings.runtime !== undefined) rules.push(oneOf(`${setting}.runtime`, settings.runtime, MIGRATION_FUNCTION_RUNTIMES));
  return rules;
}

/** Seed data only for a system that has some (`migrations/<system>/seed/*.sql`). */
export function seedDataRule(setting: string, system: string, migrationsRoot: string | undefined, seedData: boolean | undefined): ValidationRule {
  const root = migrationsRoot ?? MIGRATIONS_ROOT;
  return {
    condition: !seedData || !listSystems(root).includes(system) || hasSeedData(path.join(root, system)),
    message: `${setting}.seedData must be false for a system without seed data (no ${system}/${SEED_FOLDER}/*.sql), got true`,
  };
}

/** The function's name: `<system>-<environment>-migrations`. */
export function migrationFunctionName(context: RegionContext): string {
  return context.naming.name('migrations');
}

/** The validation table of MigrationFunctionProps; `setting` prefixes each message (`migrations`). */
export function migrationFunctionRules(setting: string, props: MigrationFunctionProps): ValidationRule[] {
  const systems = listSystems(props.migrationsRoot ?? MIGRATIONS_ROOT);
  const functionName = migrationFunctionName(props.context);
  return [
    oneOf(`${setting}.system`, props.system, systems),
    ...migrationFunctionSettingsRules(setting, props),
    seedDataRule(setting, props.system, props.migrationsRoot, props.seedData),
    ...(props.logKmsKeyArn === undefined ? [] : [nonEmpty(`${setting}.logKmsKeyArn`, props.logKmsKeyArn)]),
    {
      condition: props.context.network.privateSubnetIds.length > 0,
      message: `${setting} needs at least one private subnet in ${props.context.region}, got ${describeValue(props.context.network.privateSubnetIds)}`,
    },
    {
      condition: /^[a-zA-Z0-9-_]{1,64}$/.test(functionName),
      message: `${setting}: the function name ${describeValue(functionName)} must be 1-64 letters, digits, hyphens or underscores (shorten the system name)`,
    },
  ];
}

/**
 * Migrations on deploy: a Lambda function in the VPC that runs the runner against the writer
 * endpoint as the master user, and an aws_lambda_invocation that calls it whenever the system's
 * SQL files (or the database it targets) change - the Terraform counterpart of a CloudFormation
 * custom resource. A failing migration fails the invocation and so the apply.
 */
export class MigrationFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly invocation: LambdaInvocation;
  /** The function's security groups (add them to the database's allowed sources). */
  public readonly securityGroupIds: string[];
  /** The role the function runs as. */
  public readonly roleArn: string;
  /** SHA-256 over the system's migration files: changes exactly when a file is added, renamed or edited. */
  public readonly migrationsChecksum: string;

  constructor(scope: Construct, id: string, props: MigrationFunctionProps) {
    super(scope, id);
    assertValid(migrationFunctionRules('migrations', props));
    const { context, database } = props;
    const { provider, region } = context;
    const resolved = {
      migrationsRoot: props.migrationsRoot ?? MIGRATIONS_ROOT,
      logRetentionDays: props.logRetentionDays ?? context.policy.logRetentionDays,
      timeoutSeconds: props.timeoutSeconds ?? MIGRATION_FUNCTION_DEFAULTS.timeoutSeconds,
      memorySizeMb: props.memorySizeMb ?? MIGRATION_FUNCTION_DEFAULTS.memorySizeMb,
      runtime: props.runtime ?? MIGRATION_FUNCTION_DEFAULTS.runtime,
      ownSecurityGroup: props.ownSecurityGroup ?? MIGRATION_FUNCTION_DEFAULTS.ownSecurityGroup,
      seedData: props.seedData ?? MIGRATION_FUNCTION_DEFAULTS.seedData,
      tags: { ...props.tags },
    };
    const secret = database.masterCredentials;
    const functionName = migrationFunctionName(context);
    const bundle = buildMigrationBundle(props.system, resolved.migrationsRoot, { seedData: resolved.seedData });
    this.migrationsChecksum = bundle.migrationsChecksum;
    const asset = new TerraformAsset(this, 'Bundle', { path: bundle.archivePath, type: AssetType.FILE, assetHash: bundle.assetHash });

    const logGroup = new EncryptedLogGroup(this, 'Logs', {
      provider,
      region,
      name: `/aws/lambda/${functionName}`,
      writer: functionName,
      keyAliasName: `${functionName}-logs`,
      retentionInDays: resolved.logRetentionDays,
      kmsKeyArn: props.logKmsKeyArn,
      tags: resolved.tags,
    });

    const assumeRole = new DataAwsIamPolicyDocument(this, 'AssumeRolePolicy', {
      provider,
      statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }] }],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: `${functionName}-${region}`.slice(0, 64),
      description: `Runs the ${props.system} migrations on deploy`,
      assumeRolePolicy: assumeRole.json,
      tags: resolved.tags,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider,
      statement: [
        { sid: 'ReadMasterSecret', actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] },
        {
          sid: 'DecryptMasterSecretThroughSecretsManager',
          actions: ['kms:Decrypt'],
          resources: [secret.kmsKeyArn],
          condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`secretsmanager.${secret.region}.amazonaws.com`] }],
        },
        { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.arn}:*`] },
        // Lambda creates the function's network interfaces with these; EC2 offers no ARN to name in advance.
        { sid: 'AttachToVpc', actions: [...VPC_ACCESS_ACTIONS], resources: ['*'] },
      ],
    });
    const rolePolicy = new IamRolePolicy(this, 'RolePolicy', { provider, name: 'migrations', role: role.id, policy: policy.json });
    this.roleArn = role.arn;

    this.securityGroupIds = resolved.ownSecurityGroup
      ? [this.ownSecurityGroup(props, functionName, resolved.tags)]
      : [...context.network.applicationSecurityGroupIds];

    this.function = new LambdaFunction(this, 'Function', {
      provider,
      functionName,
      description: `Applies the ${props.system} PostgreSQL migrations (invoked by Terraform on deploy)`,
      role: role.arn,
      runtime: resolved.runtime,
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: asset.path,
      sourceCodeHash: asset.assetHash,
      timeout: resolved.timeoutSeconds,
      memorySize: resolved.memorySizeMb,
      vpcConfig: { subnetIds: [...context.network.privateSubnetIds], securityGroupIds: this.securityGroupIds },
      environment: {
        variables: {
          MIGRATION_SYSTEM: props.system,
          DB_HOST: database.writerEndpoint,
          DB_PORT: String(database.port),
          DB_NAME: database.databaseName,
          DB_SECRET_ARN: secret.secretArn,
          DB_SSLMODE: 'verify-full',
          // Node 20+ runtimes leave out the Amazon CAs unless asked; the RDS CAs are among them.
          NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
          ...(resolved.seedData ? { MIGRATION_SEED_DATA: 'true' } : {}),
        },
      },
      loggingConfig: { logFormat: 'Text', logGroup: logGroup.name },
      tags: resolved.tags,
      dependsOn: [logGroup.logGroup, rolePolicy],
    });

    this.invocation = new LambdaInvocation(this, 'Invocation', {
      provider,
      functionName: this.function.functionName,
      input: JSON.stringify({ system: props.system, checksum: bundle.migrationsChecksum, ...(bundle.seedChecksum === undefined ? {} : { seedChecksum: bundle.seedChecksum }) }),
      // A new set of files (or of seed files), or a different database, re-runs the migrations; nothing else does.
      triggers: {
        migrations_checksum: bundle.migrationsChecksum,
        ...(bundle.seedChecksum === undefined ? {} : { seed_checksum: bundle.seedChecksum }),
        database: `${database.writerEndpoint}:${database.port}/${database.databaseName}`,
      },
      // The writer must be up and the credentials written before the function connects.
      dependsOn: [this.function, ...database.readyForClients],
    });
  }

  /**
   * The function's own group: out to the database's group on its port and to HTTPS (Secrets Manager, through
   * an interface endpoint or NAT), nothing in; the database admits it through its connectable contract.
   */
  private ownSecurityGroup(props: MigrationFunctionProps, functionName: string, tags: Record<string, string>): string {
    const { context, database } = props;
    const { provider } = context;
    const group = new SecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: `${functionName}-`,
      description: `${props.system} migrations function: out to PostgreSQL and Secrets Manager only`,
      vpcId: context.network.vpcId,
      tags,
      lifecycle: { createBeforeDestroy: true },
    });
    new VpcSecurityGroupEgressRule(this, 'ToDatabase', {
      provider,
      securityGroupId: group.id,
      referencedSecurityGroupId: database.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: database.port,
      toPort: database.port,
      description: 'PostgreSQL',
    });
    new VpcSecurityGroupEgressRule(this, 'ToHttps', {
      provider,
      securityGroupId: group.id,
      cidrIpv4: '0.0.0.0/0',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      description: 'HTTPS to Secrets Manager (interface endpoint or NAT)',
    });
    database.allowFrom('FromMigrations', group.id, `${props.system} migrations function`);
    return group.id;
  }
}
