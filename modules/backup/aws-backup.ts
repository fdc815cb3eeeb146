import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { Construct } from 'constructs';
import { RegionContext } from '../context';
import { regionConstructId } from '../regions';
import { assertValid, describeValue, matches, ValidationRule } from '../validation';
import { BackupSettings } from './backup-settings';
import { BackupRole } from './backup-role';
import { BackupVault } from './backup-vault';
import { BACKUP_DEFAULTS } from './defaults';
import { backupCopyRegionRules, backupSettingsRules } from './validate-backup';

/** A resource the plan backs up, and the customer-managed keys its data is encrypted with. */
export interface BackupResource {
  /** Its ARN (a DynamoDB table, an Aurora cluster, an RDS instance). */
  readonly arn: string;
  /**
   * The keys of the resource and of its replicas (restoring into another Region uses that Region's key).
   * @default - none (AWS-owned encryption)
   */
  readonly kmsKeyArns?: readonly string[];
}

export interface AwsBackupProps extends BackupSettings {
  /** The Region the plan runs in, where the protected resources are. */
  readonly context: RegionContext;
  /**
   * The Region every backup is copied to, with a vault of its own there.
   * @default - no copy
   */
  readonly copyTo?: RegionContext;
  /** What the plan backs up (at least one resource). */
  readonly resources: readonly BackupResource[];
}

/** Vault, plan and selection names: letters, digits, hyphens and underscores, at most 50. */
const BACKUP_NAME = /^[A-Za-z0-9_-]{2,50}$/;

/** The module's own checks of its props, under the setting name `backup`. */
export function awsBackupRules(setting: string, props: AwsBackupProps): ValidationRule[] {
  const { naming, region } = props.context;
  const names = [naming.name('backup'), naming.name('backup', region), ...(props.copyTo ? [naming.name('backup', props.copyTo.region)] : [])];
  return [
    ...backupSettingsRules(setting, props),
    ...backupCopyRegionRules(`${setting}.copyRegion`, { planRegion: region, copyRegion: props.copyTo?.region }),
    {
      condition: props.resources.length > 0,
      message: `${setting}.resources must list at least one resource ARN to back up, got ${describeValue(props.resources.length)} resources`,
    },
    ...names.map((name) => matches(`${setting}.name`, name, BACKUP_NAME, '2-50 letters, digits, hyphens or underscores (shorten the system name)')),
  ];
}

/**
 * A system's AWS Backup: a KMS-encrypted vault in the plan's Region and one in the copy Region, a plan with a
 * daily rule (and optionally a monthly one kept longer) whose every backup is copied to the other Region's
 * vault, a selection of the resources by ARN, and the role AWS Backup uses.
 *
 * Vaults are keyed by Region (`Vault<Region>`) and stay where they are; the plan is keyed by its Region
 * (`Plan<Region>`), so moving the primary to the other Region (a Global Database switchover) creates the plan
 * there and copies back into the vault that already exists.
 */
export class AwsBackup extends Construct {
  /** The vaults by Region. */
  public readonly vaults = new Map<string, BackupVault>();
  public readonly plan: BackupPlan;
  public readonly role: BackupRole;
  public readonly planRegion: string;

  constructor(scope: Construct, id: string, props: AwsBackupProps) {
    super(scope, id);
    assertValid(awsBackupRules('backup', props));
    const { context, copyTo } = props;
    const { naming, policy, provider, region } = context;
    const dailyRetentionDays = props.dailyRetentionDays ?? BACKUP_DEFAULTS.dailyRetentionDays;

    for (const placement of [context, ...(copyTo ? [copyTo] : [])]) {
      this.vaults.set(
        placement.region,
        new BackupVault(this, `Vault${regionConstructId(placement.region)}`, {
          provider: placement.provider,
          name: naming.name('backup', placement.region),
          lock: props.vaultLock,
          preventDestroy: policy.preventDestroy,
        }),
      );
    }
    const vault = this.vaults.get(region)!;
    const copyVault = copyTo ? this.vaults.get(copyTo.region) : undefined;

    this.role = new BackupRole(this, 'Role', {
      provider,
      roleName: naming.name('backup'),
      kmsKeyArns: [...[...this.vaults.values()].map((each) => each.kmsKeyArn), ...props.resources.flatMap((resource) => resource.kmsKeyArns ?? [])],
    });

    const rule = (ruleName: string, schedule: string, retentionDays: number) => ({
      ruleName,
      targetVaultName: vault.name,
      schedule,
      lifecycle: { deleteAfter: retentionDays },
      // Copies are kept as long as the backups they copy.
      copyAction: copyVault ? [{ destinationVaultArn: copyVault.arn, lifecycle: { deleteAfter: retentionDays } }] : undefined,
      recoveryPointTags: { Rule: ruleName },
    });
    const planScope = new Construct(this, `Plan${regionConstructId(region)}`);
    this.plan = new BackupPlan(planScope, 'Plan', {
      provider,
      name: naming.name('backup'),
      rule: [
        rule('daily', props.dailySchedule ?? BACKUP_DEFAULTS.dailySchedule, dailyRetentionDays),
        ...(props.monthly ? [rule('monthly', props.monthly.schedule ?? BACKUP_DEFAULTS.monthlySchedule, props.monthly.retentionDays)] : []),
      ],
    });
    new BackupSelection(planScope, 'Selection', {
      provider,
      name: naming.name('backup'),
      planId: this.plan.id,
      iamRoleArn: this.role.roleArn,
      resources: props.resources.map((resource) => resource.arn),
    });
    this.planRegion = region;
  }
}
