import { auroraCluster } from '../components/aurora-cluster';
import { cacheReplicationGroup } from '../components/cache-replication-group';
import { migrationsOnDeploy } from '../components/migrations-on-deploy';
import { rdsProxy } from '../components/rds-proxy';
import { defineSystem } from '../composition/define-system';
import { TRIVIA_NFT_ENVIRONMENTS } from './environments';
import { TriviaNftEnvironment } from './trivia-nft-environment';

/**
 * The trivia game's database layer (docs/systems/trivia-nft.md): a Serverless v2 Aurora PostgreSQL cluster
 * with its schema migrated on deploy, RDS Proxy in front of it, and Redis in cluster mode for the sessions in
 * progress, all in the data subnets of a VPC the stack creates.
 */
export function triviaNftSystem(environments: Readonly<Record<string, TriviaNftEnvironment>>) {
  return defineSystem<TriviaNftEnvironment>({
    name: 'trivia-nft',
    environments,
    components: triviaNftComponents,
  });
}

/** The trivia game with its shipped environments. */
export const TRIVIA_NFT = triviaNftSystem(TRIVIA_NFT_ENVIRONMENTS);

/** The components of one trivia-nft environment, in build order. */
function triviaNftComponents(environment: TriviaNftEnvironment) {
  const aurora = auroraCluster(environment.aurora);
  return [
    aurora,
    // Migrations connect to the writer directly, not through the proxy: a schema change is one session
    // holding an advisory lock, which the proxy would pin anyway.
    migrationsOnDeploy({ database: aurora, config: environment.migrations }),
    rdsProxy({ database: aurora, config: environment.proxy }),
    cacheReplicationGroup(environment.cache),
  ];
}
