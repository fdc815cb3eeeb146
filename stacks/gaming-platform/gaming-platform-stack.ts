import { Construct } from 'constructs';
import { DataStack } from '../common/data-stack';
import { GamingPlatformEnvironment } from './gaming-platform-environment';

export const GAMING_PLATFORM = 'gaming-platform';

/**
 * The gaming platform's database layer in one environment (seed 002): Aurora PostgreSQL Global
 * Database, DynamoDB global tables with DAX, and ElastiCache Redis.
 */
export class GamingPlatformStack extends DataStack {
  public readonly config: GamingPlatformEnvironment;

  constructor(scope: Construct, environment: GamingPlatformEnvironment) {
    super(scope, { system: GAMING_PLATFORM, environment });
    this.config = environment;
  }
}
