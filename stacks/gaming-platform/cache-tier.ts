import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { authTokenProps, CacheAuthToken } from '../../modules/cache/auth-token';
import { CacheGlobalDatastore, CacheGlobalDatastoreRegion } from '../../modules/cache/global-datastore';
import { CacheReplicationGroup } from '../../modules/cache/replication-group';
import { cacheReplicationGroupRules } from '../../modules/cache/validate-cache';
import { regionConstructId } from '../../modules/regions/aws-regions';
import { describeValue, ValidationRule } from '../../modules/validation';
import { GamingPlatformEnvironment } from './gaming-platform-environment';
import type { GamingPlatformStack } from './gaming-platform-stack';

/**
 * The environment-level checks of the cache tier: the module's own rules on the environment's settings,
 * and a Global Datastore only where there is a secondary Region to put its member in.
 */
export function cacheTierRules(setting: string, environment: GamingPlatformEnvironment): ValidationRule[] {
  const { globalDatastore, ...settings } = environment.cache;
  return [
    ...cacheReplicationGroupRules(setting, settings),
    {
      condition: globalDatastore === undefined || environment.secondaryRegion !== undefined,
      message: `${setting}.globalDatastore must be left out without a secondaryRegion (its member lives there), got ${describeValue(globalDatastore)}`,
    },
  ];
}

/**
 * The gaming platform's ElastiCache Redis (seed 002): a replication group in the primary Region, cluster
 * mode disabled, TLS and AUTH, with a Global Datastore member in the secondary Region when configured;
 * its alarms notify the stack's topics; the outputs seed 002 lists under "ElastiCache Redis".
 *
 * Every group sits under `Redis/Group<Region>`: keyed by Region, never by role, and the same address
 * whether or not a Global Datastore is added later.
 */
export function addCacheTier(stack: GamingPlatformStack): CacheReplicationGroup {
  const { config, naming } = stack;
  const { globalDatastore, ...settings } = config.cache;
  const placement = (region: string): CacheGlobalDatastoreRegion => {
    const network = stack.networkFor(region);
    return {
      region,
      provider: stack.providers.forRegion(region),
      network: { vpcId: network.vpcId, subnetIds: network.privateSubnetIds, applicationSecurityGroupIds: network.applicationSecurityGroupIds },
      alarmTopics: stack.alarmTopicsFor(region),
    };
  };

  let primary: CacheReplicationGroup;
  if (globalDatastore !== undefined && config.secondaryRegion !== undefined) {
    const datastore = new CacheGlobalDatastore(stack, 'Redis', {
      ...settings,
      naming,
      environment: config.name,
      primary: placement(config.primaryRegion),
      members: [{ ...placement(config.secondaryRegion), nodeCount: globalDatastore.nodeCount }],
    });
    primary = datastore.primary;
    new TerraformOutput(stack, 'redis_global_datastore_id', {
      description: 'ID of the ElastiCache Global Datastore (for failover-global-replication-group)',
      value: datastore.globalReplicationGroupId,
    });
    const member = datastore.members[0];
    new TerraformOutput(stack, 'redis_secondary_reader_endpoint', {
      description: `Redis reader endpoint of the Global Datastore member in ${member.region} (read-only until promoted)`,
      value: member.readerEndpoint,
    });
  } else {
    // The same addresses as CacheGlobalDatastore's (Redis/AuthToken, Redis/Group<Region>), so adding one later moves nothing.
    const scope = new Construct(stack, 'Redis');
    const tokenProps = authTokenProps(settings.authentication);
    primary = new CacheReplicationGroup(scope, `Group${regionConstructId(config.primaryRegion)}`, {
      ...settings,
      authToken: tokenProps ? new CacheAuthToken(scope, 'AuthToken', tokenProps) : undefined,
      naming,
      environment: config.name,
      ...placement(config.primaryRegion),
    });
  }

  new TerraformOutput(stack, 'redis_primary_endpoint', {
    description: `Redis primary endpoint in ${config.primaryRegion} (TLS; AUTH token in the redis_auth_secret_arn secret)`,
    value: primary.primaryEndpoint,
  });
  new TerraformOutput(stack, 'redis_reader_endpoint', {
    description: `Redis reader endpoint in ${config.primaryRegion}, balancing over the replicas`,
    value: primary.readerEndpoint,
  });
  new TerraformOutput(stack, 'redis_port', { description: 'Redis port number', value: primary.port });
  if (primary.authSecretArn !== undefined) {
    new TerraformOutput(stack, 'redis_auth_secret_arn', {
      description: `ARN of the Secrets Manager secret with the Redis AUTH token and endpoints (JSON: auth_token, primary_endpoint, reader_endpoint, port) in ${config.primaryRegion}`,
      value: primary.authSecretArn,
      // The ARN is no secret, but it names where the token is: keep it out of plan logs, as the Aurora secret's.
      sensitive: true,
    });
  }
  return primary;
}
