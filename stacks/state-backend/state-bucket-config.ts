/**
 * The bucket that keeps every environment's Terraform state, created by the `state-backend` stack and
 * named by each environment's S3 backend. S3 bucket names are global: an organization adopting DataStack
 * changes `name` here once, before bootstrapping (docs/state.md).
 */
export const STATE_BUCKET = {
  name: 'datastack-terraform-state-eu-west-2',
  region: 'eu-west-2',
} as const;
