import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DaxCluster as DaxClusterResource } from '@cdktf/provider-aws/lib/dax-cluster';
import { DaxParameterGroup } from '@cdktf/provider-aws/lib/dax-parameter-group';
import { DaxSubnetGroup } from '@cdktf/provider-aws/lib/dax-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmTopics } from '../alarms/alarm-topics';
import { createMetricAlarm } from '../alarms/metric-alarm';
import { DataTierSecurityGroup } from '../network/data-tier-security-group';
import { assertValid, describeValue, integerInRange, matches, oneOf, ValidationRule } from '../validation';
import { DaxTableAccess, DAX_DYNAMODB_ACTIONS, daxResourceArns } from './dax-access-policy';
import { daxAlarmSpecs } from './dax-alarms';
import { DAX_CLUSTER_NAME } from './dax-cluster-name';
import { DAX_NODE_TYPES, DaxNodeType, isBurstableDaxNodeType } from './dax-node-types';

/** DAX's unencrypted (8111) and TLS (9111) ports. */
export const DAX_PORTS = [8111, 9111] as const;

/** Seed 002's node type. */
export const DEFAULT_DAX_NODE_TYPE: DaxNodeType = 'dax.r4.large';

/** The smallest fault-tolerant cluster. */
export const DEFAULT_DAX_REPLICATION_FACTOR = 3;

/** DAX's own default for both cache TTLs: five minutes. */
export const DEFAULT_DAX_TTL_MILLIS = 300000;

/** The sizing and caching settings an environment chooses for its cluster. */
export interface DaxSizing {
  /**
   * The node type of every node.
   * @default 'dax.r4.large' (seed 002's default)
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
}

export interface DaxClusterProps extends DaxSizing {
  /** The aws provider of the cluster's Region. */
  readonly provider: AwsProvider;
  /** The cluster name (1-20 characters; see `daxClusterName`). */
  readonly clusterName: string;
  /** Prefix of the other physical names (`gaming-platform-prod-dax-eu-west-2`). */
  readonly namePrefix: string;
  /** The VPC the cluster's security group belongs to. */
  readonly vpcId: string;
  /** Private subnets, in different Availability Zones, for the nodes. */
  readonly subnetIds: readonly string[];
  /** The only security groups allowed to connect, on 8111 and 9111. */
  readonly applicationSecurityGroupIds: readonly string[];
  /** The tables (and their indexes) the cluster may read and write; the role gets exactly these ARNs. */
  readonly tables: readonly DaxTableAccess[];
  /**
   * Alarm topics of the cluster's Region.
   * @default - no alarms
   */
  readonly alarmTopics?: AlarmTopics;
  /**
   * Average CPU (%) above which the CPU alarm fires.
   * @default 80 (seed 002)
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
}

/** The checks of a cluster's sizing; `setting` is its path (`dax`). */
export function daxSizingRules(setting: string, sizing: DaxSizing): ValidationRule[] {
  const rules = [
    oneOf(`${setting}.nodeType`, sizing.nodeType ?? DEFAULT_DAX_NODE_TYPE, DAX_NODE_TYPES),
    integerInRange(`${setting}.replicationFactor`, sizing.replicationFactor ?? DEFAULT_DAX_REPLICATION_FACTOR, 1, 10),
  ];
  for (const [prop, value] of [['itemTtlMillis', sizing.itemTtlMillis], ['queryTtlMillis', sizing.queryTtlMillis]] as const) {
    if (value === undefined) continue;
    rules.push({
      condition: Number.isSafeInteger(value) && value >= 0,
      message: `${setting}.${prop} must be a whole number of milliseconds, 0 or more, got ${describeValue(value)}`,
    });
  }
  return rules;
}

/** Every check of a cluster, before any resource exists. */
export function daxClusterRules(setting: string, props: DaxClusterProps): ValidationRule[] {
  const rules: ValidationRule[] = [
    ...daxSizingRules(setting, props),
    matches(`${setting}.clusterName`, props.clusterName, DAX_CLUSTER_NAME, '1-20 letters, digits and single hyphens, starting with a letter'),
    {
      condition: props.tables.length > 0,
      message: `${setting}.tables must list at least one table the cluster serves, got none`,
    },
    {
      condition: props.applicationSecurityGroupIds.length > 0,
      message: `${setting}.applicationSecurityGroupIds must list at least one security group, got ${describeValue(props.applicationSecurityGroupIds)}`,
    },
  ];
  if (props.cpuAlarmThresholdPercent !== undefined) {
    rules.push(integerInRange(`${setting}.cpuAlarmThresholdPercent`, props.cpuAlarmThresholdPercent, 1, 100));
  }
  if (props.maintenanceWindow !== undefined) {
    rules.push(
      matches(`${setting}.maintenanceWindow`, props.maintenanceWindow, /^(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}-(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}$/, 'ddd:hh24:mi-ddd:hh24:mi, e.g. "sun:05:00-sun:06:00"'),
    );
  }
  return rules;
}

/**
 * A DAX cluster in front of DynamoDB tables: a role trusted by DAX with the DynamoDB actions it needs
 * on exactly the given table and index ARNs, a subnet group, a parameter group with the item and
 * query TTLs, a security group admitting only the application security groups on 8111 and 9111,
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
    const nodeType = props.nodeType ?? DEFAULT_DAX_NODE_TYPE;
    const replicationFactor = props.replicationFactor ?? DEFAULT_DAX_REPLICATION_FACTOR;
    const itemTtlMillis = props.itemTtlMillis ?? DEFAULT_DAX_TTL_MILLIS;
    const queryTtlMillis = props.queryTtlMillis ?? DEFAULT_DAX_TTL_MILLIS;
    const cpuAlarmThresholdPercent = props.cpuAlarmThresholdPercent ?? 80;
    const errorRequestsAlarmThreshold = props.errorRequestsAlarmThreshold ?? 10;
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

    const { provider } = props;
    const assumeRole = new DataAwsIamPolicyDocument(this, 'AssumeRolePolicy', {
      provider,
      statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['dax.amazonaws.com'] }] }],
    });
    const role = new IamRole(this, 'Role', {
      provider,
      name: props.namePrefix,
      description: `DAX ${props.clusterName} reads and writes its DynamoDB tables`,
      assumeRolePolicy: assumeRole.json,
    });
    const access = new DataAwsIamPolicyDocument(this, 'AccessPolicy', {
      provider,
      statement: [{ sid: 'DaxReadsAndWritesItsTables', actions: [...DAX_DYNAMODB_ACTIONS], resources: daxResourceArns(props.tables) }],
    });
    const rolePolicy = new IamRolePolicy(this, 'RolePolicy', { provider, name: 'dynamodb-tables', role: role.id, policy: access.json });

    const subnetGroup = new DaxSubnetGroup(this, 'SubnetGroup', {
      provider,
      name: props.namePrefix,
      description: `Private subnets of DAX ${props.clusterName}`,
      subnetIds: [...props.subnetIds],
    });
    const parameterGroup = new DaxParameterGroup(this, 'ParameterGroup', {
      provider,
      name: props.namePrefix,
      description: `Cache TTLs of DAX ${props.clusterName}`,
      parameters: [
        { name: 'record-ttl-millis', value: String(itemTtlMillis) },
        { name: 'query-ttl-millis', value: String(queryTtlMillis) },
      ],
    });
    const securityGroup = new DataTierSecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: props.namePrefix,
      description: `DAX ${props.clusterName}`,
      vpcId: props.vpcId,
      ports: DAX_PORTS,
      sourceSecurityGroupIds: props.applicationSecurityGroupIds,
    });

    this.cluster = new DaxClusterResource(this, 'Cluster', {
      provider,
      clusterName: props.clusterName,
      description: `DynamoDB Accelerator ${props.clusterName}`,
      iamRoleArn: role.arn,
      nodeType,
      replicationFactor,
      subnetGroupName: subnetGroup.name,
      parameterGroupName: parameterGroup.name,
      securityGroupIds: [securityGroup.securityGroupId],
      serverSideEncryption: { enabled: true },
      clusterEndpointEncryptionType: 'TLS',
      maintenanceWindow: props.maintenanceWindow,
      // DAX checks the role's permissions on creation: wait for the policy, not just the role.
      dependsOn: [rolePolicy],
    });
    this.arn = this.cluster.arn;
    this.clusterAddress = this.cluster.clusterAddress;
    this.port = this.cluster.port;
    this.configurationEndpoint = this.cluster.configurationEndpoint;
    this.securityGroupId = securityGroup.securityGroupId;
    this.roleArn = role.arn;

    if (props.alarmTopics) {
      const specs = daxAlarmSpecs(props.clusterName, { cpuUtilizationPercent: cpuAlarmThresholdPercent, errorRequests: errorRequestsAlarmThreshold });
      for (const spec of specs) {
        // The name prefix already carries the Region: gaming-platform-prod-dax-eu-west-2-cpu-utilization.
        createMetricAlarm(this, `Alarm-${spec.name}`, { provider, alarmNamePrefix: props.namePrefix, topics: props.alarmTopics, spec });
      }
    }
  }
}
