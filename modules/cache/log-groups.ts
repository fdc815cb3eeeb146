import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { KeyServiceGrant } from '../kms';
import { cloudWatchLogsKeyGrant, logGroupArn } from '../logs';

/** The logs ElastiCache delivers: commands slower than slowlog-log-slower-than, and engine events. */
export const CACHE_LOG_TYPES = ['slow-log', 'engine-log'] as const;
export type CacheLogType = (typeof CACHE_LOG_TYPES)[number];

/** `/aws/elasticache/<replication group id>`: the prefix of the group's log group names. */
export function cacheLogGroupPrefix(replicationGroupId: string): string {
  return `/aws/elasticache/${replicationGroupId}`;
}

/**
 * What the cache's key policy must allow so CloudWatch Logs in `region` can encrypt these log groups,
 * narrowed to log groups under the prefix.
 */
export function cacheLogsKeyGrant(props: { readonly region: string; readonly partition: string; readonly accountId: string; readonly replicationGroupId: string }): KeyServiceGrant {
  return cloudWatchLogsKeyGrant(props.region, logGroupArn({ ...props, name: `${cacheLogGroupPrefix(props.replicationGroupId)}/*` }));
}

export interface CacheLogGroupsProps {
  readonly provider: AwsProvider;
  readonly replicationGroupId: string;
  /** The key (whose policy has `cacheLogsKeyGrant`) encrypting the log events. */
  readonly kmsKeyArn: string;
  readonly retentionDays: number;
}

/** The slow-log and engine-log log groups of a replication group, KMS-encrypted, with a retention. */
export class CacheLogGroups extends Construct {
  private readonly groups = new Map<CacheLogType, CloudwatchLogGroup>();

  constructor(scope: Construct, id: string, props: CacheLogGroupsProps) {
    super(scope, id);
    for (const logType of CACHE_LOG_TYPES) {
      const constructId = logType === 'slow-log' ? 'SlowLog' : 'EngineLog';
      this.groups.set(
        logType,
        new CloudwatchLogGroup(this, constructId, {
          provider: props.provider,
          name: `${cacheLogGroupPrefix(props.replicationGroupId)}/${logType}`,
          kmsKeyId: props.kmsKeyArn,
          retentionInDays: props.retentionDays,
        }),
      );
    }
  }

  /** The `log_delivery_configuration` blocks of the replication group. */
  deliveryConfigurations(): { destination: string; destinationType: string; logFormat: string; logType: string }[] {
    return CACHE_LOG_TYPES.map((logType) => ({
      destination: this.groups.get(logType)!.name,
      destinationType: 'cloudwatch-logs',
      logFormat: 'json',
      logType,
    }));
  }
}
