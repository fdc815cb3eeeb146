import { Construct } from 'constructs';
import { AlarmTopics } from '../../modules/alarms/alarm-topics';
import { regionConstructId } from '../../modules/regions/aws-regions';
import { DataStack } from '../common/data-stack';
import { addAuroraTier } from './aurora-tier';
import { addCacheTier } from './cache-tier';
import { addDynamoDbTier } from './dynamodb-tier';
import { addMigrationsOnDeploy } from './migrations-tier';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

export const GAMING_PLATFORM = 'gaming-platform';

/**
 * The gaming platform's database layer in one environment (seed 002): Aurora PostgreSQL Global
 * Database, DynamoDB global tables with DAX, and ElastiCache Redis.
 */
export class GamingPlatformStack extends DataStack {
  public readonly config: GamingPlatformEnvironment;
  private readonly alarmTopics = new Map<string, AlarmTopics>();

  constructor(scope: Construct, environment: GamingPlatformEnvironment) {
    super(scope, { system: GAMING_PLATFORM, environment });
    this.config = environment;
    for (const region of this.regions) {
      this.alarmTopics.set(
        region,
        new AlarmTopics(this, `AlarmTopics${regionConstructId(region)}`, {
          provider: this.providers.forRegion(region),
          region,
          naming: this.naming,
        }),
      );
    }
    const aurora = addAuroraTier(this);
    const primary = aurora.primary;
    addMigrationsOnDeploy(this, {
      writerEndpoint: primary.clusterEndpoint,
      port: primary.port,
      databaseName: primary.databaseName,
      masterSecretArn: aurora.secretArn,
      secretKmsKeyArn: primary.kmsKeyArn,
      // The writer must be up and the secret written before the function connects.
      dependsOn: [primary.instances[0], aurora.credentials.secretValueIn(primary.region)],
    });
    addDynamoDbTier(this);
    addCacheTier(this);
  }

  /** The alarm topics of one of the stack's Regions (alarms notify topics in their own Region only). */
  alarmTopicsFor(region: string): AlarmTopics {
    const topics = this.alarmTopics.get(region);
    if (topics === undefined) throw new Error(`No alarm topics for Region ${region}; this stack uses ${this.regions.join(', ')}`);
    return topics;
  }
}
