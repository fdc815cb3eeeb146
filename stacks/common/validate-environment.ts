import { CloudStateBackendConfig, S3StateBackendConfig } from '../../modules/backend';
import { environmentPolicyRules } from '../../modules/context';
import { ResourceSelector, vpcNetworkRules } from '../../modules/network';
import { awsRegionRule, isAwsRegion } from '../../modules/regions';
import { bucketNameRule } from '../../modules/state-bucket';
import { describeValue, matches, nonEmpty, oneOf, ValidationRule } from '../../modules/validation';
import { networkOutputNamesRules } from '../composition/network-outputs';
import { ENVIRONMENT_NAMES, EnvironmentConfig, environmentRegions, NetworkConfig, NetworkPlacementConfig } from './environment';
import { resolveEnvironmentPolicy } from './environment-policy';
import { alarmsRules } from './validate-alarms';

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@\/-]+$/;

function s3BackendRules(setting: string, backend: S3StateBackendConfig): ValidationRule[] {
  const rules = [
    bucketNameRule(`${setting}.bucket`, backend.bucket),
    awsRegionRule(`${setting}.region`, backend.region),
  ];
  if (backend.kmsKeyId !== undefined) rules.push(nonEmpty(`${setting}.kmsKeyId`, backend.kmsKeyId));
  if (backend.roleArn !== undefined) {
    rules.push(matches(`${setting}.roleArn`, backend.roleArn, ROLE_ARN, 'an IAM role ARN (arn:aws:iam::<account>:role/<name>)'));
  }
  return rules;
}

function cloudBackendRules(setting: string, backend: CloudStateBackendConfig): ValidationRule[] {
  const workspace = backend.workspace as { name?: string; tags?: readonly string[] } | undefined;
  const byName = typeof workspace?.name === 'string' && workspace.name.trim().length > 0;
  const byTags = Array.isArray(workspace?.tags) && workspace!.tags.length > 0 && workspace!.tags.every((tag) => tag.trim() !== '');
  const rules = [
    nonEmpty(`${setting}.organization`, backend.organization),
    {
      condition: byName !== byTags,
      message: `${setting}.workspace must name one existing workspace ({ name }) or select workspaces by non-empty tags ({ tags }), got ${describeValue(workspace)}`,
    },
  ];
  if (backend.hostname !== undefined) rules.push(nonEmpty(`${setting}.hostname`, backend.hostname));
  return rules;
}

function stateBackendRules(setting: string, environment: EnvironmentConfig): ValidationRule[] {
  const backend = environment.stateBackend;
  if (backend === undefined) {
    return [{ condition: false, message: `${setting} must be set to an s3 or cloud backend, got nothing` }];
  }
  const typeRule = oneOf(`${setting}.type`, backend.type, ['s3', 'cloud'] as const);
  if (!typeRule.condition) return [typeRule];
  return backend.type === 's3' ? s3BackendRules(setting, backend) : cloudBackendRules(setting, backend);
}

function selectorRules(setting: string, selector: ResourceSelector | undefined, idPrefix: string, minimumIds: number): ValidationRule[] {
  const ids = (selector as { ids?: readonly string[] } | undefined)?.ids;
  const tags = (selector as { tags?: Record<string, string> } | undefined)?.tags;
  if (ids !== undefined) {
    return [
      {
        condition: Array.isArray(ids) && ids.length >= minimumIds && ids.every((id) => id.startsWith(idPrefix)),
        message: `${setting}.ids must list at least ${minimumIds} IDs starting with "${idPrefix}", got ${describeValue(ids)}`,
      },
    ];
  }
  return [
    {
      condition: tags !== undefined && Object.keys(tags).length > 0,
      message: `${setting} must give { ids: [...] } or { tags: {...} } with at least one tag, got ${describeValue(selector)}`,
    },
  ];
}

function networkPlacementRules(setting: string, placement: NetworkPlacementConfig): ValidationRule[] {
  const vpc = placement.vpc as { id?: string; tags?: Record<string, string> } | undefined;
  return [
    {
      condition: vpc?.id !== undefined ? /^vpc-[0-9a-f]+$/.test(vpc.id) : vpc?.tags !== undefined && Object.keys(vpc.tags).length > 0,
      message: `${setting}.vpc must give { id: "vpc-..." } or { tags: {...} } with at least one tag, got ${describeValue(vpc)}`,
    },
    // Aurora, ElastiCache and DAX subnet groups all need two Availability Zones.
    ...selectorRules(`${setting}.privateSubnets`, placement.privateSubnets, 'subnet-', 2),
    ...(placement.dataSubnets === undefined ? [] : selectorRules(`${setting}.dataSubnets`, placement.dataSubnets, 'subnet-', 2)),
    ...selectorRules(`${setting}.applicationSecurityGroups`, placement.applicationSecurityGroups, 'sg-', 1),
  ];
}

/** A Region's network: a created VPC's settings, or a look-up's selectors. */
function regionNetworkRules(setting: string, region: string, network: NetworkConfig): ValidationRule[] {
  if ('create' in network) {
    return [...vpcNetworkRules(`${setting}.create`, network.create ?? {}, region), ...networkOutputNamesRules(setting, network.outputs)];
  }
  return networkPlacementRules(setting, network);
}

function networkRules(setting: string, environment: EnvironmentConfig): ValidationRule[] {
  const network = environment.network ?? {};
  const regions = environmentRegions(environment);
  // An unknown Region has its own message; matching networks against it would only repeat that one.
  if (regions.some((region) => !isAwsRegion(region))) return Object.entries(network).flatMap(([configured, placement]) => regionNetworkRules(`${setting}.${configured}`, configured, placement));
  const rules: ValidationRule[] = regions.map((used) => ({
    condition: network[used] !== undefined,
    message: `${setting} must have an entry for every Region the environment uses (${regions.join(', ')}), missing ${describeValue(used)}`,
  }));
  for (const [configured, placement] of Object.entries(network)) {
    rules.push({
      condition: regions.includes(configured),
      message: `${setting} has an entry for ${describeValue(configured)}, which is neither primaryRegion nor secondaryRegion (accepted: ${regions.join(', ')})`,
    });
    rules.push(...regionNetworkRules(`${setting}.${configured}`, configured, placement));
  }
  return rules;
}

const POLICY_FLAGS = ['deletionProtection', 'preventDestroy', 'finalSnapshot', 'applyImmediately', 'production'] as const;

function policyRules(setting: string, environment: EnvironmentConfig): ValidationRule[] {
  const overrides = environment.policy ?? {};
  const known: readonly string[] = [...POLICY_FLAGS, 'logRetentionDays'];
  return [
    ...Object.keys(overrides).map((name) => oneOf(`${setting} key`, name, known)),
    ...POLICY_FLAGS.filter((flag) => overrides[flag] !== undefined).map((flag) => ({
      condition: typeof overrides[flag] === 'boolean',
      message: `${setting}.${flag} must be true or false, got ${describeValue(overrides[flag])}`,
    })),
    ...(overrides.logRetentionDays === undefined ? [] : environmentPolicyRules(setting, resolveEnvironmentPolicy(environment))),
  ];
}

/**
 * The validation table for the settings every environment shares.
 * @param setting the environment's setting path, e.g. `gaming-platform.environments.prod`
 * @param key the key the environment is filed under in its system's configuration
 */
export function environmentRules(setting: string, key: string, environment: EnvironmentConfig): ValidationRule[] {
  const rules: ValidationRule[] = [
    oneOf(`${setting}.name`, environment.name, ENVIRONMENT_NAMES),
    {
      // An unknown name has its own message above.
      condition: environment.name === key || !(ENVIRONMENT_NAMES as readonly string[]).includes(environment.name),
      message: `${setting}.name must equal the key it is filed under (${describeValue(key)}), got ${describeValue(environment.name)}`,
    },
    awsRegionRule(`${setting}.primaryRegion`, environment.primaryRegion),
  ];
  if (environment.secondaryRegion !== undefined) {
    rules.push(awsRegionRule(`${setting}.secondaryRegion`, environment.secondaryRegion));
    rules.push({
      condition: environment.secondaryRegion !== environment.primaryRegion,
      message: `${setting}.secondaryRegion must differ from primaryRegion (${environment.primaryRegion}), got ${describeValue(environment.secondaryRegion)}`,
    });
  }
  for (const [index, accountId] of (environment.allowedAccountIds ?? []).entries()) {
    rules.push(matches(`${setting}.allowedAccountIds[${index}]`, accountId, ACCOUNT_ID, 'a 12-digit AWS account ID'));
  }
  if (environment.assumeRoleArn !== undefined) {
    rules.push(matches(`${setting}.assumeRoleArn`, environment.assumeRoleArn, ROLE_ARN, 'an IAM role ARN (arn:aws:iam::<account>:role/<name>)'));
  }
  rules.push(...stateBackendRules(`${setting}.stateBackend`, environment));
  rules.push(...networkRules(`${setting}.network`, environment));
  rules.push(...policyRules(`${setting}.policy`, environment));
  rules.push(...alarmsRules(`${setting}.alarms`, environment));
  return rules;
}

/** Rules over a system's set of environments: only known names, at least one. */
export function environmentSetRules(setting: string, environments: Readonly<Record<string, unknown>>): ValidationRule[] {
  const keys = Object.keys(environments);
  return [
    { condition: keys.length > 0, message: `${setting} must define at least one of ${ENVIRONMENT_NAMES.join(', ')}, got none` },
    ...keys.map((key) => oneOf(`${setting} key`, key, ENVIRONMENT_NAMES as readonly string[])),
  ];
}
