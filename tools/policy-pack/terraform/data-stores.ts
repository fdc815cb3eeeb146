// The data stores DataStack builds, described once for the rules that treat them alike: their name
// argument, the CloudWatch dimensions their metrics carry, the ports they listen on and the argument
// that attaches their security groups.
import { StackDocument, TerraformBlock } from './stack-document';
import { asLiteralString, asNumber } from './values';

export interface DataStoreKind {
  readonly type: string;
  /** The argument holding the store's physical name, matched against alarm dimensions. */
  readonly nameArgument: string;
  /** The CloudWatch metric dimensions that name this store. */
  readonly dimensions: readonly string[];
  /** The argument listing its security groups; undefined for stores outside a VPC (DynamoDB). */
  readonly securityGroupsArgument?: string;
  /** The TCP ports clients reach the store on. */
  listeningPorts?(block: TerraformBlock): number[];
}

const POSTGRES_PORT = 5432;
const ENGINE_PORTS: Readonly<Record<string, number>> = { postgres: 5432, 'aurora-postgresql': 5432, mysql: 3306, 'aurora-mysql': 3306, mariadb: 3306 };
const PROXY_PORTS: Readonly<Record<string, number>> = { POSTGRESQL: 5432, MYSQL: 3306, SQLSERVER: 1433 };

function enginePort(block: TerraformBlock): number[] {
  const engine = asLiteralString(block.body.engine) ?? 'aurora-postgresql';
  return [asNumber(block.body.port) ?? ENGINE_PORTS[engine] ?? POSTGRES_PORT];
}

/** DAX listens on 9111 with TLS and on 8111 without; never both for one cluster. */
export const DAX_TLS_PORT = 9111;
export const DAX_PLAINTEXT_PORT = 8111;

export const DATA_STORE_KINDS: readonly DataStoreKind[] = [
  { type: 'aws_rds_cluster', nameArgument: 'cluster_identifier', dimensions: ['DBClusterIdentifier'], securityGroupsArgument: 'vpc_security_group_ids', listeningPorts: enginePort },
  { type: 'aws_rds_cluster_instance', nameArgument: 'identifier', dimensions: ['DBInstanceIdentifier'] },
  { type: 'aws_db_instance', nameArgument: 'identifier', dimensions: ['DBInstanceIdentifier'], securityGroupsArgument: 'vpc_security_group_ids', listeningPorts: enginePort },
  {
    type: 'aws_db_proxy',
    nameArgument: 'name',
    dimensions: ['ProxyName'],
    securityGroupsArgument: 'vpc_security_group_ids',
    listeningPorts: (block) => [PROXY_PORTS[String(block.body.engine_family)] ?? POSTGRES_PORT],
  },
  {
    type: 'aws_elasticache_replication_group',
    nameArgument: 'replication_group_id',
    dimensions: ['ReplicationGroupId', 'CacheClusterId'],
    securityGroupsArgument: 'security_group_ids',
    listeningPorts: (block) => [asNumber(block.body.port) ?? 6379],
  },
  // A serverless cache serves writes on 6379 and reads from replicas on 6380.
  { type: 'aws_elasticache_serverless_cache', nameArgument: 'name', dimensions: ['clusterId'], securityGroupsArgument: 'security_group_ids', listeningPorts: () => [6379, 6380] },
  { type: 'aws_dynamodb_table', nameArgument: 'name', dimensions: ['TableName'] },
  {
    type: 'aws_dax_cluster',
    nameArgument: 'cluster_name',
    dimensions: ['ClusterId'],
    securityGroupsArgument: 'security_group_ids',
    listeningPorts: (block) => [block.body.cluster_endpoint_encryption_type === 'TLS' ? DAX_TLS_PORT : DAX_PLAINTEXT_PORT],
  },
];

export function dataStoreKind(type: string): DataStoreKind | undefined {
  return DATA_STORE_KINDS.find((kind) => kind.type === type);
}

/** Every data store of the stack with its kind. */
export function dataStores(stack: StackDocument): { block: TerraformBlock; kind: DataStoreKind }[] {
  return DATA_STORE_KINDS.flatMap((kind) => stack.resources(kind.type).map((block) => ({ block, kind })));
}
