import { auroraCluster } from '../components/aurora-cluster';
import { migrationsOnDeploy } from '../components/migrations-on-deploy';
import { rdsProxy } from '../components/rds-proxy';
import { serverlessCache } from '../components/serverless-cache';
import { defineSystem } from '../composition/define-system';
import { ContentHubEnvironment } from './content-hub-environment';
import { CONTENT_HUB_ENVIRONMENTS } from './environments';

/**
 * The content hub's database layer (docs/systems/content-hub.md): in a VPC the stack creates, an Aurora
 * PostgreSQL Serverless v2 cluster with the RDS Data API and pgvector (through its migrations, applied on
 * deploy), RDS Proxy in front of it, and a Valkey serverless cache, all in the isolated data subnets.
 */
export function contentHubSystem(environments: Readonly<Record<string, ContentHubEnvironment>>) {
  return defineSystem<ContentHubEnvironment>({
    name: 'content-hub',
    environments,
    components: contentHubComponents,
  });
}

/** The content hub with its shipped environments. */
export const CONTENT_HUB = contentHubSystem(CONTENT_HUB_ENVIRONMENTS);

/** The components of one content-hub environment, in build order. */
function contentHubComponents(environment: ContentHubEnvironment) {
  const aurora = auroraCluster(environment.aurora);
  return [
    aurora,
    migrationsOnDeploy({ database: aurora, config: environment.migrations }),
    rdsProxy({ database: aurora, config: environment.proxy }),
    serverlessCache(environment.cache),
  ];
}
