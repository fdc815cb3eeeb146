import { ITerraformDependable } from 'cdktf';
import { Connectable } from '../network';

/** How RDS Proxy registers a database: an Aurora cluster or an RDS instance. */
export type ProxyTarget = { readonly dbClusterIdentifier: string } | { readonly dbInstanceIdentifier: string };

/** A Secrets Manager secret whose JSON holds at least `username` and `password`, and the key encrypting it. */
export interface CredentialsSecret {
  readonly secretArn: string;
  readonly kmsKeyArn: string;
  /** The secret's Region: its key may be used only through Secrets Manager there. */
  readonly region: string;
}

/**
 * What a PostgreSQL database offers its clients, whichever kind it is (an Aurora cluster, a Global
 * Database's primary, an RDS instance). Migrations on deploy and RDS Proxy are built against this, so
 * they work with every kind unchanged.
 */
export interface PostgresEndpoint extends Connectable {
  /** The engine, as RDS names it: `aurora-postgresql` or `postgres`. */
  readonly engine: 'aurora-postgresql' | 'postgres';
  /** The database's Region. */
  readonly region: string;
  /** The writer's DNS name: writes and migrations go here. */
  readonly writerEndpoint: string;
  /** Where reads spread: a cluster's reader endpoint, or the writer where there is no reader endpoint. */
  readonly readerEndpoint: string;
  /** The database created with it. */
  readonly databaseName: string;
  /** The master credentials. */
  readonly masterCredentials: CredentialsSecret;
  /** What must exist before a client connects: the writer instance, and the credentials' value. */
  readonly readyForClients: readonly ITerraformDependable[];
  /** How RDS Proxy targets it. */
  readonly proxyTarget: ProxyTarget;
}
