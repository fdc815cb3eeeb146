import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { AssetType, ITerraformDependable, TerraformAsset } from 'cdktf';
import * as path from 'path';
import { Construct } from 'constructs';
import { hasSeedData, SEED_FOLDER } from '../../migrations/runner/system-migrations';
import { listSystems, MIGRATIONS_ROOT } from '../../migrations/runner/systems';
import { EncryptedLogGroup, logRetentionRule } from '../logs';
import { assertValid, describeValue, integerInRange, matches, nonEmpty, oneOf, ValidationRule } from '../validation';
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

export interface MigrationFunctionProps {
  /** The aws provider of the cluster's (primary) Region. */
  readonly provider: AwsProvider;
  /** The provider's Region, for the kms:ViaService condition (`secretsmanager.<region>.amazonaws.com`). */
  readonly region: string;
  /** Whose migrations: a folder of migrations/ (`gaming-platform`). */
  readonly system: string;
  /**
   * The folder holding `<system>/*.sql`.
   * @default - this repository's migrations/
   */
  readonly migrationsRoot?: string;
  /** The cluster's writer endpoint (migrations write; never a reader or a Global Database secondary). */
  readonly writerEndpoint: string;
  /**
   * The port PostgreSQL listens on.
   * @default 5432
   */
  readonly port?: number;
  /** The database the migrations apply to. */
  readonly databaseName: string;
  /** The master user's secret (JSON with `username` and `password`); the function may read only this secret. */
  readonly masterSecretArn: string;
  /** The KMS key that encrypts the secret; the function may decrypt with it only through Secrets Manager. */
  readonly secretKmsKeyArn: string;
  /**
   * The KMS key for the function's log group (its policy must grant `logs.<region>.amazonaws.com`).
   * @default - a customer-managed key of its own, usable by CloudWatch Logs for this log group only
   */
  readonly logKmsKeyArn?: string;
  /** Private subnets the function runs in; they need a route to Secrets Manager (VPC endpoint or NAT). */
  readonly subnetIds: readonly string[];
  /**
   * Security groups for the function; the database's group must accept them on `port`.
   * @default - a group of its own in `vpcId` (egress to the VPC's CIDR on `port` and to HTTPS for Secrets Manager)
   */
  readonly securityGroupIds?: readonly string[];
  /**
   * The VPC for the function's own security group; required when `securityGroupIds` is not given.
   * @default - none
   */
  readonly vpcId?: string;
  /** Prefix of physical names, from the naming helper (`gaming-platform-prod`); the function is `<prefix>-migrations`. */
  readonly namePrefix: string;
  /**
   * Days CloudWatch keeps the function's logs.
   * @default 365
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
   * What must exist before the migrations run, typically the cluster's writer instance.
   * @default - nothing beyond the function itself
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Development only: bundle the system's seed data (`migrations/<system>/seed/*.sql`) and apply it after
   * the migrations, each file once. Without it the bundle does not carry the seed files at all.
   * @default false
   */
  readonly seedData?: boolean;
  /**
   * Tags on every resource (the provider's default tags apply as well).
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The validation table of MigrationFunctionProps; `setting` prefixes each message (`migrations`). */
export function migrationFunctionRules(setting: string, props: Omit<MigrationFunctionProps, 'provider'>): ValidationRule[] {
  const systems = listSystems(props.migrationsRoot ?? MIGRATIONS_ROOT);
  const ownGroup = props.securityGroupIds === undefined || props.securityGroupIds.length === 0;
  const functionName = `${props.namePrefix}-migrations`;
  return [
    oneOf(`${setting}.system`, props.system, systems),
    {
      condition: !props.seedData || !systems.includes(props.system) || hasSeedData(path.join(props.migrationsRoot ?? MIGRATIONS_ROOT, props.system)),
      message: `${setting}.seedData must be false for a system without seed data (no ${props.system}/${SEED_FOLDER}/*.sql), got true`,
    },
    integerInRange(`${setting}.port`, props.port ?? 5432, 1, 65535),
    nonEmpty(`${setting}.databaseName`, props.databaseName),
    nonEmpty(`${setting}.masterSecretArn`, props.masterSecretArn),
    nonEmpty(`${setting}.secretKmsKeyArn`, props.secretKmsKeyArn),
    ...(props.logKmsKeyArn === undefined ? [] : [nonEmpty(`${setting}.logKmsKeyArn`, props.logKmsKeyArn)]),
    {
      condition: props.subnetIds.length > 0,
      message: `${setting}.subnetIds must list at least one private subnet, got ${describeValue(props.subnetIds)}`,
    },
    {
      condition: !ownGroup || (props.vpcId !== undefined && props.vpcId !== ''),
      message: `${setting}.vpcId must be set when ${setting}.securityGroupIds is not (the function then gets its own security group), got ${describeValue(props.vpcId)}`,
    },
    matches(`${setting}.namePrefix`, props.namePrefix, /^[a-zA-Z0-9-_]{1,53}$/, '1-53 letters, digits, hyphens or underscores (the function name <prefix>-migrations has at most 64)'),
    logRetentionRule(`${setting}.logRetentionDays`, props.logRetentionDays ?? 365),
    integerInRange(`${setting}.timeoutSeconds`, props.timeoutSeconds ?? 600, 30, 900),
    integerInRange(`${setting}.memorySizeMb`, props.memorySizeMb ?? 512, 128, 10240),
    oneOf(`${setting}.runtime`, props.runtime ?? 'nodejs22.x', MIGRATION_FUNCTION_RUNTIMES),
    { condition: functionName.length <= 64, message: `${setting}.namePrefix makes the function name ${functionName} longer than 64 characters` },
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
    const resolved = {
      migrationsRoot: props.migrationsRoot ?? MIGRATIONS_ROOT,
      port: props.port ?? 5432,
      logRetentionDays: props.logRetentionDays ?? 365,
      timeoutSeconds: props.timeoutSeconds ?? 600,
      memorySizeMb: props.memorySizeMb ?? 512,
      runtime: props.runtime ?? 'nodejs22.x',
      seedData: props.seedData ?? false,
      tags: { ...props.tags },
    };
    assertValid(migrationFunctionRules('migrations', props));

    const { provider } = props;
    const functionName = `${props.namePrefix}-migrations`;
    const bundle = buildMigrationBundle(props.system, resolved.migrationsRoot, { seedData: resolved.seedData });
    this.migrationsChecksum = bundle.migrationsChecksum;
    const asset = new TerraformAsset(this, 'Bundle', { path: bundle.archivePath, type: AssetType.FILE, assetHash: bundle.assetHash });

    const logGroup = new EncryptedLogGroup(this, 'Logs', {
      provider,
      region: props.region,
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
      name: `${functionName}-${props.region}`.slice(0, 64),
      description: `Runs the ${props.system} migrations on deploy`,
      assumeRolePolicy: assumeRole.json,
      tags: resolved.tags,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider,
      statement: [
        { sid: 'ReadMasterSecret', actions: ['secretsmanager:GetSecretValue'], resources: [props.masterSecretArn] },
        {
          sid: 'DecryptMasterSecretThroughSecretsManager',
          actions: ['kms:Decrypt'],
          resources: [props.secretKmsKeyArn],
          condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`secretsmanager.${props.region}.amazonaws.com`] }],
        },
        { sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.arn}:*`] },
        // Lambda creates the function's network interfaces with these; EC2 offers no ARN to name in advance.
        { sid: 'AttachToVpc', actions: [...VPC_ACCESS_ACTIONS], resources: ['*'] },
      ],
    });
    const rolePolicy = new IamRolePolicy(this, 'RolePolicy', { provider, name: 'migrations', role: role.id, policy: policy.json });
    this.roleArn = role.arn;

    if (props.securityGroupIds !== undefined && props.securityGroupIds.length > 0) {
      this.securityGroupIds = [...props.securityGroupIds];
    } else {
      const vpc = new DataAwsVpc(this, 'Vpc', { provider, id: props.vpcId });
      const group = new SecurityGroup(this, 'SecurityGroup', {
        provider,
        namePrefix: `${functionName}-`,
        description: `${props.system} migrations function: out to PostgreSQL and Secrets Manager only`,
        vpcId: props.vpcId,
        ingress: [],
        egress: [
          { description: 'PostgreSQL in the VPC', protocol: 'tcp', fromPort: resolved.port, toPort: resolved.port, cidrBlocks: [vpc.cidrBlock] },
          // Secrets Manager's API: an interface endpoint in the VPC or the NAT path, whichever the subnets route to.
          { description: 'HTTPS to Secrets Manager', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
        ],
        tags: resolved.tags,
        lifecycle: { createBeforeDestroy: true },
      });
      this.securityGroupIds = [group.id];
    }

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
      vpcConfig: { subnetIds: [...props.subnetIds], securityGroupIds: this.securityGroupIds },
      environment: {
        variables: {
          MIGRATION_SYSTEM: props.system,
          DB_HOST: props.writerEndpoint,
          DB_PORT: String(resolved.port),
          DB_NAME: props.databaseName,
          DB_SECRET_ARN: props.masterSecretArn,
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
        database: `${props.writerEndpoint}:${resolved.port}/${props.databaseName}`,
      },
      dependsOn: [this.function, ...(props.dependsOn ?? [])],
    });
  }
}
