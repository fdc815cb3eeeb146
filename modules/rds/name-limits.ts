import { NameLimit } from '../validation';

// The limits AWS documents for RDS and Aurora names (CreateDBCluster, CreateDBInstance, CreateGlobalCluster,
// CreateDBSubnetGroup, CreateDBParameterGroup, CreateDBClusterSnapshot). Where the aws provider is stricter
// (lowercase identifiers and group names), the provider's rule is the one stated: a name it refuses never plans.

/** Letters, digits and single hyphens, a letter first and no hyphen last, `max` characters at most (lowercase). */
function hyphenated(max: number): RegExp {
  return new RegExp(`^(?=.{1,${max}}$)[a-z](?:-?[a-z0-9])*$`);
}

const HYPHENATED = 'lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen';

/** The master user of a cluster or instance: 1-16 characters (not the 63 PostgreSQL itself allows). */
export const RDS_MASTER_USERNAME: NameLimit = {
  what: 'an RDS master user name',
  pattern: /^[A-Za-z][A-Za-z0-9_]{0,15}$/,
  accepted: '1-16 letters, digits or underscores, starting with a letter',
};

/** The database created with a cluster or instance (PostgreSQL engines): 1-63 characters. */
export const RDS_DATABASE_NAME: NameLimit = {
  what: 'an RDS PostgreSQL database name',
  pattern: /^[A-Za-z][A-Za-z0-9_]{0,62}$/,
  accepted: '1-63 letters, digits or underscores, starting with a letter',
};

/** A PostgreSQL role a database user signs in as (`rds-db:connect` names it): 1-63 characters. */
export const POSTGRES_ROLE_NAME: NameLimit = {
  what: 'a PostgreSQL role name',
  pattern: /^[A-Za-z][A-Za-z0-9_]{0,62}$/,
  accepted: '1-63 letters, digits or underscores, starting with a letter',
};

/** A DB cluster identifier. */
export const RDS_CLUSTER_IDENTIFIER: NameLimit = { what: 'an RDS DB cluster identifier', pattern: hyphenated(63), accepted: `1-63 ${HYPHENATED}` };

/** A DB instance identifier (Aurora instances, RDS instances and their read replicas). */
export const RDS_INSTANCE_IDENTIFIER: NameLimit = { what: 'an RDS DB instance identifier', pattern: hyphenated(63), accepted: `1-63 ${HYPHENATED}` };

/** A global cluster (Aurora Global Database) identifier. */
export const RDS_GLOBAL_CLUSTER_IDENTIFIER: NameLimit = { what: 'an Aurora global cluster identifier', pattern: hyphenated(63), accepted: `1-63 ${HYPHENATED}` };

/** A DB cluster snapshot identifier (a final snapshot, a snapshot to restore). */
export const RDS_CLUSTER_SNAPSHOT_IDENTIFIER: NameLimit = {
  what: 'an RDS DB cluster snapshot identifier',
  pattern: hyphenated(255),
  accepted: `1-255 ${HYPHENATED}`,
};

/** A DB snapshot identifier (an instance's final snapshot). */
export const RDS_SNAPSHOT_IDENTIFIER: NameLimit = { what: 'an RDS DB snapshot identifier', pattern: hyphenated(255), accepted: `1-255 ${HYPHENATED}` };

/** A DB subnet group name: up to 255 of lowercase letters, digits, periods, underscores, spaces, hyphens; not `default`. */
export const RDS_SUBNET_GROUP_NAME: NameLimit = {
  what: 'an RDS DB subnet group name',
  pattern: /^(?!default$)[a-z0-9 ._-]{1,255}$/,
  accepted: '1-255 lowercase letters, digits, periods, underscores, spaces or hyphens, other than "default"',
};

/**
 * The name prefix of a DB (cluster) parameter group: the provider appends a 26-character unique suffix to
 * make a name of at most 255, so the prefix may end with the hyphen that separates them.
 */
export const RDS_PARAMETER_GROUP_NAME_PREFIX: NameLimit = {
  what: 'an RDS parameter group name prefix',
  pattern: /^(?=.{1,229}$)[a-z](?:-?[a-z0-9])*-?$/,
  accepted: '1-229 lowercase letters, digits and single hyphens, starting with a letter (a 26-character suffix makes the 255-character name)',
};
