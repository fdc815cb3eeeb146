import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DaxCluster as DaxClusterResource } from '@cdktf/provider-aws/lib/dax-cluster';
import { DaxParameterGroup } from '@cdktf/provider-aws/lib/dax-parameter-group';
import { DaxSubnetGroup } from '@cdktf/provider-aws/lib/dax-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { createMetricAlarm } from '../alarms';
import { RegionContext } from '../context';
import { DataTierSecurityGroup, SubnetTier, subnetIdsOf } from '../network';
import { assertValid, derivedNameRule, describeValue, integerInRange, matches, nameRule, oneOf, ValidationRule } from '../validation';
import { DAX_NAME_LIMITS } from './dax-name-limits';
import { DaxTableAccess, DAX_DYNAMODB_ACTIONS, daxResourceArns } from './dax-access-policy';
import { daxAlarmSpecs } from './dax-alarms';
import { daxClusterName } from './dax-cluster-name';
import { DAX_NODE_TYPES, DaxNodeType, isBurstableDaxNodeType } from './dax-node-types';

/**
 * The port a TLS cluster serves. DAX listens on 8111 only on clusters created without encryption in transit;
 * every cluster DataStack creates is TLS-only, so its security group opens 9111 alone.
 */
export const DAX_TLS_PORT = 9111;

/** A DAX cluster's defaults, in one place (docs/dynamodb.md quotes them; a test compares). */
export const DAX_DEFAULTS = {
  /** The gaming platform's node type. */
  nodeType: 'dax.r4.large' as DaxNodeType,
  /** The smallest fault-tolerant cluster: one node per Availability Zone of a three-zone Region. */
  replicationFactor: 3,
  /** DAX's own default for both cache TTLs: five minutes. */
  itemTtlMillis: 300000,
  queryTtlMillis: 300000,
  cpuAlarmThresholdPercent: 80,
  errorRequestsAlarmThreshold: 10,
} as const;

/** The settings an environment chooses for its cluster: sizing, caching, maintenance, alarm thresholds. */
export interface DaxSettings {
  /**
   * The node type of every node.
   * @default 'dax.r4.large' (the gaming platform's default)
   */
  readonly nodeType?: DaxNodeType;
  /**
   * Nodes in the cluster: one primary plus read replicas, 1-10 (below 3 is not fault-tolerant).
   * @default 3 (one node per Availability Zone of a three-zone Region)
   */
  readonly replicationFactor?: number;
  /**
   * How long an item stays in the item cache (GetItem/BatchGetItem results), in milliseconds; 0 keeps
   * items until evicted or overwritten through DAX.
   * @default 300000 (DAX's default, 5 minutes)
   */
  readonly itemTtlMillis?: number;
  /**
   * How long a result stays in the query cache (Query/Scan results), in milliseconds; 0 keeps results
   * until evicted (writes never refresh the query cache).
   * @default 300000 (DAX's default, 5 minutes)
   */
  readonly queryTtlMillis?: number;
  /**
   * Average CPU (%) above which the CPU alarm fires.
   * @default 80 (the gaming platform's threshold)
   */
  readonly cpuAlarmThresholdPercent?: number;
  /**
   * ErrorRequestCount per 5 minutes above which the error alarm fires.
   * @default 10
   */
  readonly errorRequestsAlarmThreshold?: number;
  /**
   * Weekly maintenance window, `ddd:hh24:mi-ddd:hh24:mi` (UTC).
   * @default - chosen by AWS
   */
  readonly maintenanceWindow?: string;
  /**
   * An SNS topic in the cluster's Region that DAX sends its events to (`notification_topic_arn`: node
   * replacements, failovers, maintenance).
   * @default - no event notifications
   */
  readonly notificationTopicArn?: string;
}

const SNS_TOPIC_ARN = /^arn:aws(-cn|-us-gov)?:sns:([a-z0-9-]+):\d{12}:[A-Za-z0-9_-]{1,256}$/;

/** The notification topic is an SNS topic ARN in `region`. */
export function daxNotificationTopicRule(setting: string, topicArn: string | undefined, region: string): ValidationRule[] {
  if (topicArn === undefined) return [];
  return [
    {
      condition: typeof topicArn === 'string' && SNS_TOPIC_ARN.exec(topicArn)?.[2] === region,
      message: `${setting}.notificationTopicArn must be the ARN of an SNS topic in the cluster's Region (arn:aws:sns:${region}:<account>:<name>), got ${describeValue(topicArn)}`,
    },
  ];
}

export interface DaxClusterProps extends DaxSettings {
  /** The Region the cluster is built in: provider, network, alarm topics, names. */
  readonly context: RegionContext;
  /**
   * The subnet tier of the cluster's subnet group.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
  /**
   * The cluster name (1-20 characters).
   * @default daxClusterName(context.naming): `<system>-<environment>-dax`, shortened to fit
   */
  readonly clusterName?: string;
  /** The tables (and their indexes) the cluster may read and write; the role gets exactly these ARNs. */
  readonly tables: readonly DaxTableAccess[];
}

/** The checks of a cluster's settings; `setting` is its path (`dax`). */
export function daxSettingsRules(setting: string, settings: DaxSettings): ValidationRule[] {
  const rules: ValidationRule[] = [];
  if (settings.nodeType !== undefined) rules.push(oneOf(`${setting}.nodeType`, settings.nodeType, DAX_NODE_TYPES));
  if (settings.replicationFactor !== undefined) rules.push(integerInRange(`${setting}.replicationFactor`, settings.replicationFactor, 1, 10));
  for (const [prop, value] of [['itemTtlMillis', settings.itemTtlMillis], ['queryTtlMillis', settings.queryTtlMillis]] as const) {
    if (value === undefined) continue;
    rules.push({
      condition: Number.isSafeInteger(value) && value >= 0,
      message: `${setting}.${prop} must be a whole number of milliseconds, 0 or more, got ${describeValue(value)}`,
    });
  }
  if (settings.cpuAlarmThresholdPercent !== undefined) {
    rules.push(integerInRange(`${setting}.cpuAlarmThresholdPercent`, settings.cpuAlarmThresholdPercent, 1, 100));
  }
  if (settings.errorRequestsAlarmThreshold !== undefined) {
    rules.push(integerInRange(`${setting}.errorRequestsAlarmThreshold`, settings.errorRequestsAlarmThreshold, 1, 1_000_000));
  }
  if (settings.maintenanceWindow !== undefined) {
    rules.push(
      matches(`${setting}.maintenanceWindow`, settings.maintenanceWindow, /^(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}-(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}$/, 'ddd:hh24:mi-ddd:hh24:mi, e.g. "sun:05:00-sun:06:00"'),
    );
  }
  return rules;
}

/** The cluster name (given or derived) and the names derived for its role, subnet and parameter groups. */
function daxNameRules(setting: string, props: DaxClusterProps): ValidationRule[] {
  const groupsName = props.context.naming.name('dax', props.context.region);
  return [
    props.clusterName === undefined
      ? derivedNameRule(daxClusterName(props.context.naming), DAX_NAME_LIMITS.clusterName, 'the system or environment name')
      : nameRule(`${setting}.clusterName`, props.clusterName, DAX_NAME_LIMITS.clusterName),
    derivedNameRule(groupsName, DAX_NAME_LIMITS.parameterGroupName, 'the system name'),
    derivedNameRule(groupsName, DAX_NAME_LIMITS.subnetGroupName, 'the system name'),
    derivedNameRule(groupsName, DAX_NAME_LIMITS.roleName, 'the system name'),
  ];
}

/** Every check of a cluster, before any resource exists. */
export function daxClusterRules(setting: string, props: DaxClusterProps): ValidationRule[] {
  return [
    ...daxSettingsRules(setting, props),
    ...daxNotificationTopicRule(setting, props.notificationTopicArn, props.context.region),
    ...daxNameRules(setting, props),
    {
      condition: props.tables.length > 0,
      message: `${setting}.tables must list at least one table the cluster serves, got none`,
    },
    {
      condition: props.context.network.applicationSecurityGroupIds.length > 0,
      message: `${setting}.applicationSecurityGroupIds must list at least one security group, got ${describeValue(props.context.network.applicationSecurityGroupIds)}`,
    },
  ];
}

/**
 * A DAX cluster in front of DynamoDB tables: a role trusted by DAX with the DynamoDB actions it needs
 * on exactly the given table and index ARNs, a subnet group, a parameter group with the item and
 * query TTLs, a security group admitting only the application security groups on 9111 (the TLS port),
 * encryption at rest and TLS on the cluster endpoint, and alarms.
 */
export class DaxCluster extends Construct {
  public readonly cluster: DaxClusterResource;
  /** The cluster's ARN, for the applications' `dax:*` IAM permissions. */
  public readonly arn: string;
  /** The cluster's DNS name, without port. */
  public readonly clusterAddress: string;
  /** The cluster's port (9111 with TLS). */
  public readonly port: number;
  /** `dax://` or `daxs://` host:port that clients are configured with. */
  public readonly configurationEndpoint: string;
  /** The cluster's security group ID. */
  public readonly securityGroupId: string;
  /** The service role's ARN. */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: DaxClusterProps) {
    super(scope, id);
    const { context } = props;
    const nodeType = props.nodeType ?? DAX_DEFAULTS.nodeType;
    const replicationFactor = props.replicationFactor ?? DAX_DEFAULTS.replicationFactor;
    const itemTtlMillis = props.itemTtlMillis ?? DAX_DEFAULTS.itemTtlMillis;
    const queryTtlMillis = props.queryTtlMillis ?? DAX_DEFAULTS.queryTtlMillis;
    const cpuAlarmThresholdPercent = props.cpuAlarmThresholdPercent ?? DAX_DEFAULTS.cpuAlarmThresholdPercent;
    const errorRequestsAlarmThreshold = props.errorRequestsAlarmThreshold ?? DAX_DEFAULTS.errorRequestsAlarmThreshold;
    const clusterName = props.clusterName ?? daxClusterName(context.naming);
    // Every other physical name carries the Region: gaming-platform-prod-dax-eu-west-2.
    const namePrefix = context.naming.name('dax', context.region);
    assertValid(daxClusterRules('dax', props));

    if (replicationFactor < 3) {
      Annotations.of(this).addWarning(
        `dax.replicationFactor is ${replicationFactor}: a DAX cluster below 3 nodes is not fault-tolerant (a node or Availability Zone failure loses the cache or the cluster)`,
      );
    }
    for (const [prop, value] of [['itemTtlMillis', itemTtlMillis], ['queryTtlMillis', queryTtlMillis]] as const) {
      if (value === 0) {
        Annotations.of(this).addWarning(
          `dax.${prop} is 0: cached entries never expire by time, so changes DAX does not see (TTL deletions, writes from the other Region or straight to DynamoDB) stay invisible until evicted`,
        );
      }
    }
    if (isBurstableDaxNodeType(nodeType)) {
      Annotations.of(this).addWarning(`dax.nodeType ${nodeType} is burstable: DAX throttles requests when its CPU credits run out`);
    }

    const { provider } = context;
    const assumeRole = new DataAwsIamPolicyDocument(this, 'AssumeRolePolicy', {
      provider,
      statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['dax.amazonaws.com'] }] }],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: namePrefix,
      description: `DAX ${clusterName} reads and writes its DynamoDB tables`,
      assumeRolePolicy: assumeRole.json,
    });
    const access = new DataAwsIamPolicyDocument(this, 'AccessPolicy', {
      provider,
      statement: [{ sid: 'DaxReadsAndWritesItsTables', actions: [...DAX_DYNAMODB_ACTIONS], resources: daxResourceArns(props.tables) }],
    });
    const rolePolicy = new IamRolePolicy(this, 'RolePolicy', { provider, name: 'dynamodb-tables', role: role.id, policy: access.json });

    const subnetGroup = new DaxSubnetGroup(this, 'SubnetGroup', {
      provider,
      name: namePrefix,
      description: `Private subnets of DAX ${clusterName}`,
      subnetIds: subnetIdsOf(context.network, props.subnetTier ?? 'data'),
    });
    const parameterGroup = new DaxParameterGroup(this, 'ParameterGroup', {
      provider,
      name: namePrefix,
      description: `Cache TTLs of DAX ${clusterName}`,
      parameters: [
        { name: 'record-ttl-millis', value: String(itemTtlMillis) },
        { name: 'query-ttl-millis', value: String(queryTtlMillis) },
      ],
    });
    const securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: namePrefix,
      description: `DAX ${clusterName}`,
      vpcId: context.network.vpcId,
      ports: [DAX_TLS_PORT],
      sourceSecurityGroupIds: context.network.applicationSecurityGroupIds,
    });

    this.cluster = new DaxClusterResource(this, 'Cluster', {
      provider,
      clusterName: clusterName,
      description: `DynamoDB Accelerator ${clusterName}`,
      iamRoleArn: role.arn,
      nodeType,
      replicationFactor,
      subnetGroupName: subnetGroup.name,
      parameterGroupName: parameterGroup.name,
      securityGroupIds: [securityGroup.securityGroupId],
      serverSideEncryption: { enabled: true },
      clusterEndpointEncryptionType: 'TLS',
      maintenanceWindow: props.maintenanceWindow,
      notificationTopicArn: props.notificationTopicArn,
      // DAX checks the role's permissions on creation: wait for the policy, not just the role.
      dependsOn: [rolePolicy],
    });
    this.arn = this.cluster.arn;
    this.clusterAddress = this.cluster.clusterAddress;
    this.port = this.cluster.port;
    this.configurationEndpoint = this.cluster.configurationEndpoint;
    this.securityGroupId = securityGroup.securityGroupId;
    this.roleArn = role.arn;

    const specs = daxAlarmSpecs(clusterName, { cpuUtilizationPercent: cpuAlarmThresholdPercent, errorRequests: errorRequestsAlarmThreshold });
    for (const spec of specs) {
      createMetricAlarm(this, `Alarm-${spec.name}`, { provider, alarmNamePrefix: namePrefix, topics: context.alarmTopics, spec });
    }
  }
}
