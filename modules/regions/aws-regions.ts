import { describeValue, ValidationRule } from '../validation';

/**
 * The AWS Regions DataStack accepts for a stack's primary or secondary region.
 *
 * A closed list so that a typo (`eu-west-22`, `euwest-1`) fails at synthesis instead of at
 * `terraform plan` in front of AWS. Add a Region here when AWS opens one.
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1', 'ap-east-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1',
  'cn-north-1', 'cn-northwest-1',
  'eu-central-1', 'eu-central-2',
  'eu-north-1',
  'eu-south-1', 'eu-south-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3',
  'il-central-1',
  'me-central-1', 'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1', 'us-east-2',
  'us-gov-east-1', 'us-gov-west-1',
  'us-west-1', 'us-west-2',
] as const;

export type AwsRegion = (typeof AWS_REGIONS)[number];

export function isAwsRegion(value: string): value is AwsRegion {
  return (AWS_REGIONS as readonly string[]).includes(value);
}

/**
 * The region as it appears in construct ids (`EuWest2`): Terraform addresses built from it are
 * keyed by region, never by role, so a primary/secondary switch changes no address.
 */
export function regionConstructId(region: string): string {
  return region
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The region as a Terraform provider alias (`eu_west_2`). */
export function regionProviderAlias(region: string): string {
  return region.replace(/-/g, '_');
}

/** Validation rule: the setting names an AWS Region DataStack knows. */
export function awsRegionRule(setting: string, value: string | undefined): ValidationRule {
  return {
    condition: typeof value === 'string' && isAwsRegion(value),
    message: `${setting} must be an AWS Region (${AWS_REGIONS.join(', ')}), got ${describeValue(value)}`,
  };
}
