import type { AuroraCluster, AuroraGlobalDatabase } from '../../modules/aurora';
import { AwsBackup, BackupResource, BackupSettings, backupCopyRegionRules, backupSettingsRules } from '../../modules/backup';
import type { PostgresInstance } from '../../modules/postgres-instance';
import { describeValue, ValidationRule } from '../../modules/validation';
import { environmentRegions } from '../common/environment';
import { Built, Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputNames } from '../composition/outputs';
import type { DynamoDbTablesComponent } from './dynamodb-tables';
import { outputNamesRules } from './output-names';

/** An environment's AWS Backup plan. */
export interface BackupConfig extends BackupSettings {
  /**
   * The Region every backup is copied to: another of the environment's Regions.
   * @default - the environment's secondaryRegion; no copy in a single-Region environment
   */
  readonly copyRegion?: string;
}

export interface AwsBackupOptions {
  /**
   * What the plan backs up, read when the stack is built: resources of components listed before this one
   * (see `backupResourcesOf`).
   */
  readonly resources: () => readonly BackupResource[];
  readonly config: BackupConfig;
  /** @default 'backup' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'Backup' */
  readonly id?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
}

const OUTPUTS = ['backup_plan_id', 'backup_vault_arns', 'backup_role_arn'];

/** The copy Region an environment gets: the configured one, else its secondaryRegion. */
function copyRegionOf(config: BackupConfig, secondaryRegion: string | undefined): string | undefined {
  return config.copyRegion ?? secondaryRegion;
}

/** The resources of components built before the backup, with the keys their data is encrypted with. */
export const backupResourcesOf = {
  /** Every table (its ARN in the primary Region; the keys of every Region it is replicated to). */
  dynamoDbTables(component: DynamoDbTablesComponent): BackupResource[] {
    return component.tables.get().map((table) => ({ arn: table.arn, kmsKeyArns: table.kmsKeyArns }));
  },
  /** The Global Database's primary cluster (a secondary is a replica of the same data), with every member's key. */
  auroraGlobalDatabase(component: { readonly database: Built<AuroraGlobalDatabase> }): BackupResource[] {
    const database = component.database.get();
    const members = [database.primary, ...(database.secondary ? [database.secondary] : [])];
    return [{ arn: database.primary.clusterArn, kmsKeyArns: members.map((member) => member.kmsKeyArn) }];
  },
  /** A single-Region Aurora cluster. */
  auroraCluster(component: { readonly cluster: Built<AuroraCluster> }): BackupResource[] {
    const cluster = component.cluster.get();
    return [{ arn: cluster.clusterArn, kmsKeyArns: [cluster.kmsKeyArn] }];
  },
  /** An RDS instance (its replicas hold the same data). */
  postgresInstance(component: { readonly instance: Built<PostgresInstance> }): BackupResource[] {
    const instance = component.instance.get();
    return [{ arn: instance.arn, kmsKeyArns: [instance.kmsKeyArn] }];
  },
};

/**
 * The environment's AWS Backup: vaults in the primary Region and in the copy Region, a daily rule (and a
 * monthly one when configured) copying every backup to the copy Region, over the resources given.
 */
export function awsBackup(options: AwsBackupOptions): Component & { readonly backup: Built<AwsBackup> } {
  const built = new Built<AwsBackup>('the AWS Backup plan');
  const { config } = options;
  const { copyRegion: _copyRegion, ...settings } = config;
  return {
    setting: options.setting ?? 'backup',
    backup: built,
    rules({ setting, environment }: ComponentCheck): ValidationRule[] {
      const regions = environmentRegions(environment);
      const rules = [
        ...backupSettingsRules(setting, settings),
        // Taken from secondaryRegion, the copy Region is that setting's to check: a message here would repeat its own.
        ...(config.copyRegion === undefined ? [] : backupCopyRegionRules(`${setting}.copyRegion`, { planRegion: environment.primaryRegion, copyRegion: config.copyRegion })),
        ...outputNamesRules(setting, options.outputs, OUTPUTS),
      ];
      if (config.copyRegion !== undefined && config.copyRegion !== environment.primaryRegion) {
        rules.push({
          condition: regions.includes(config.copyRegion),
          message: `${setting}.copyRegion must be one of the environment's Regions other than ${environment.primaryRegion} (${regions.filter((region) => region !== environment.primaryRegion).join(', ') || 'none: set secondaryRegion'}), got ${describeValue(config.copyRegion)}`,
        });
      }
      return rules;
    },
    build(stack: StackContext) {
      const copyRegion = copyRegionOf(config, stack.secondaryRegion);
      const backup = built.set(
        new AwsBackup(stack.scope, options.id ?? 'Backup', {
          ...settings,
          context: stack.region(stack.primaryRegion),
          copyTo: copyRegion === undefined ? undefined : stack.region(copyRegion),
          resources: options.resources(),
        }),
      );
      declareOutputs(
        stack.scope,
        [
          { name: 'backup_plan_id', description: `ID of the AWS Backup plan (${backup.planRegion})`, value: backup.plan.id },
          {
            name: 'backup_vault_arns',
            description: 'ARNs of the AWS Backup vaults by Region (the plan\'s own, and the one copies go to)',
            value: Object.fromEntries([...backup.vaults].map(([region, vault]) => [region, vault.arn])),
          },
          { name: 'backup_role_arn', description: 'The role AWS Backup uses; pass it to start-restore-job', value: backup.role.roleArn },
        ],
        options.outputs,
      );
    },
  };
}
