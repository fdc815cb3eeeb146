import { CloudBackend, NamedCloudWorkspace, S3Backend, TaggedCloudWorkspaces, TerraformStack } from 'cdktf';

/**
 * Terraform state in an S3 bucket, one object per environment at `<system>/<environment>/terraform.tfstate`,
 * encrypted, with S3-native locking (`use_lockfile`).
 */
export interface S3StateBackendConfig {
  readonly type: 's3';
  /** The state bucket (created by the `state-backend` stack). */
  readonly bucket: string;
  /** The bucket's Region. */
  readonly region: string;
  /**
   * A KMS key (ARN, alias ARN or key id) to encrypt the state object with.
   * @default - the bucket's default encryption (the state-backend stack's key)
   */
  readonly kmsKeyId?: string;
  /**
   * A role Terraform assumes to read and write the state.
   * @default - the caller's own credentials
   */
  readonly roleArn?: string;
}

/** An existing Terraform Cloud (or Terraform Enterprise) workspace: by name, or by tags. */
export type CloudWorkspaceSelector = { readonly name: string } | { readonly tags: readonly string[] };

/** State in an existing Terraform Cloud workspace, through a `cloud` block. */
export interface CloudStateBackendConfig {
  readonly type: 'cloud';
  /** The Terraform Cloud organization. */
  readonly organization: string;
  /**
   * The Terraform Cloud or Enterprise host.
   * @default 'app.terraform.io'
   */
  readonly hostname?: string;
  /** The existing workspace this environment's stack uses. */
  readonly workspace: CloudWorkspaceSelector;
}

export type StateBackendConfig = S3StateBackendConfig | CloudStateBackendConfig;

export const DEFAULT_CLOUD_HOSTNAME = 'app.terraform.io';

/** The S3 object key of a stack's state; stable for the life of the environment. */
export function stateKey(system: string, environment: string): string {
  return `${system}/${environment}/terraform.tfstate`;
}

/**
 * Gives a stack exactly one backend: S3 (encrypted, S3-native locking) or a Terraform Cloud `cloud` block.
 */
export function configureStateBackend(stack: TerraformStack, system: string, environment: string, config: StateBackendConfig): void {
  if (config.type === 's3') {
    const backend = new S3Backend(stack, {
      bucket: config.bucket,
      key: stateKey(system, environment),
      region: config.region,
      encrypt: true,
      kmsKeyId: config.kmsKeyId,
      assumeRole: config.roleArn ? { roleArn: config.roleArn } : undefined,
    });
    // cdktf 0.21's S3Backend has no useLockfile; Terraform >= 1.10 locks with a .tflock object next to
    // the state, replacing the deprecated DynamoDB lock table.
    backend.addOverride('use_lockfile', true);
    return;
  }
  new CloudBackend(stack, {
    organization: config.organization,
    hostname: config.hostname ?? DEFAULT_CLOUD_HOSTNAME,
    workspaces:
      'name' in config.workspace
        ? new NamedCloudWorkspace(config.workspace.name)
        : new TaggedCloudWorkspaces([...config.workspace.tags]),
  });
}
