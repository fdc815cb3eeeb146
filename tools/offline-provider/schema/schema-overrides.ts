// What the cdktf bindings lose and DataStack relies on: sensitive and write-only flags. Without them an
// output that leaks a password would pass here and fail against the real provider.
// Source: the hashicorp/aws 6.25.0 and hashicorp/random 3.7.2 provider documentation.

/** `<resource type>`: attribute names the real provider marks sensitive. */
export const SENSITIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  random_password: ['result', 'bcrypt_hash'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_rds_cluster: ['master_password'],
  aws_db_instance: ['password'],
  aws_secretsmanager_secret_version: ['secret_string'],
};

/** `<resource type>`: write-only attributes (Terraform >= 1.11): never in plan or state. */
export const WRITE_ONLY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_rds_cluster: ['master_password_wo'],
  aws_db_instance: ['password_wo'],
  aws_secretsmanager_secret_version: ['secret_string_wo'],
};
