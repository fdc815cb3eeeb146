import { BackupVault as BackupVaultResource } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { CustomerManagedKey } from '../kms';
import { BackupVaultLockSettings } from './backup-settings';
import { BACKUP_DEFAULTS } from './defaults';

export interface BackupVaultProps {
  /** The aws provider of the vault's Region. */
  readonly provider: AwsProvider;
  /** The vault's name (`gaming-platform-prod-backup-eu-west-2`), also its key's alias. */
  readonly name: string;
  /**
   * Vault Lock.
   * @default - none
   */
  readonly lock?: BackupVaultLockSettings;
  /** `lifecycle { prevent_destroy }` on the vault and its key. */
  readonly preventDestroy: boolean;
}

/**
 * An AWS Backup vault encrypted with a customer-managed key of its own, optionally locked.
 *
 * Recovery points of resources AWS Backup fully manages (DynamoDB with advanced features) are encrypted with
 * the vault's key; others (Aurora, RDS) keep their source's key in the source Region, and a copy into this
 * vault is encrypted with this vault's key. The backup role uses the key through its IAM policy (the key
 * policy delegates to IAM).
 */
export class BackupVault extends Construct {
  public readonly vault: BackupVaultResource;
  public readonly name: string;
  public readonly arn: string;
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: BackupVaultProps) {
    super(scope, id);
    const { provider } = props;
    const key = new CustomerManagedKey(this, 'Key', {
      provider,
      description: `Encrypts the recovery points in the AWS Backup vault ${props.name}`,
      aliasName: props.name,
      preventDestroy: props.preventDestroy,
    });
    this.vault = new BackupVaultResource(this, 'Vault', {
      provider,
      name: props.name,
      kmsKeyArn: key.arn,
      // A vault holding recovery points is never deleted with them.
      forceDestroy: false,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    const lock = props.lock;
    if (lock !== undefined) {
      new BackupVaultLockConfiguration(this, 'Lock', {
        provider,
        backupVaultName: this.vault.name,
        minRetentionDays: lock.minRetentionDays,
        maxRetentionDays: lock.maxRetentionDays,
        // Set only in compliance mode: its presence is what makes the lock a compliance lock.
        changeableForDays: lock.mode === 'compliance' ? lock.changeableForDays ?? BACKUP_DEFAULTS.vaultLockChangeableForDays : undefined,
      });
      if (lock.mode === 'compliance') {
        Annotations.of(this).addWarning(
          `backup.vaultLock is in compliance mode on ${props.name}: ${lock.changeableForDays ?? BACKUP_DEFAULTS.vaultLockChangeableForDays} days after it is applied it can never be removed, and the vault cannot be deleted until every recovery point has expired`,
        );
      }
    }
    this.name = this.vault.name;
    this.arn = this.vault.arn;
    this.kmsKeyArn = key.arn;
  }
}
