import { ITerraformDependable, TerraformOutput } from 'cdktf';
import { MigrationFunction } from '../../modules/migrations/migration-function';
import type { GamingPlatformStack } from './gaming-platform-stack';

/** What the Aurora tier hands the migrations: the primary cluster's writer and its master secret. */
export interface MigrationTarget {
  /** The primary cluster's writer endpoint. */
  readonly writerEndpoint: string;
  /** The cluster's port. */
  readonly port: number;
  /** The application database. */
  readonly databaseName: string;
  /** The master user's secret (JSON with username and password). */
  readonly masterSecretArn: string;
  /** The KMS key that encrypts that secret. */
  readonly secretKmsKeyArn: string;
  /**
   * What must exist before the migrations run: the primary cluster's writer instance.
   * @default - nothing beyond the function
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Migrations on deploy (seed 000's migration custom resource, for the gaming platform): a Lambda in the
 * primary Region's private subnets that applies migrations/gaming-platform to the writer whenever the
 * files change. It uses the application security groups, which the Aurora security group already admits.
 * Returns undefined when the environment sets `migrations.onDeploy: false`.
 */
export function addMigrationsOnDeploy(stack: GamingPlatformStack, target: MigrationTarget): MigrationFunction | undefined {
  if (!(stack.config.migrations?.onDeploy ?? true)) return undefined;
  const region = stack.config.primaryRegion;
  const network = stack.networkFor(region);
  // Follows primaryRegion (the writer's Region); its id names no Region so a switchover changes no address.
  const migrations = new MigrationFunction(stack, 'Migrations', {
    provider: stack.providers.forRegion(region),
    region,
    system: stack.naming.system,
    writerEndpoint: target.writerEndpoint,
    port: target.port,
    databaseName: target.databaseName,
    masterSecretArn: target.masterSecretArn,
    secretKmsKeyArn: target.secretKmsKeyArn,
    subnetIds: network.privateSubnetIds,
    securityGroupIds: network.applicationSecurityGroupIds,
    namePrefix: stack.naming.prefix,
    dependsOn: target.dependsOn,
  });
  new TerraformOutput(stack, 'migrations_function_name', {
    value: migrations.function.functionName,
    description: 'The Lambda function that applies the PostgreSQL migrations on deploy (its logs: /aws/lambda/<name>)',
  });
  new TerraformOutput(stack, 'migrations_checksum', {
    value: migrations.migrationsChecksum,
    description: 'SHA-256 over migrations/gaming-platform as deployed; compare with `npm run migrate -- status`',
  });
  return migrations;
}
