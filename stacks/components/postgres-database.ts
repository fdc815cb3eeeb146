import type { PostgresEndpoint } from '../../modules/rds';
import { Component } from '../composition/component';

/** A component that builds a PostgreSQL database: migrations on deploy and RDS Proxy take one. */
export interface PostgresDatabaseComponent extends Component {
  /** The database, once built (the component is listed before those that use it). */
  endpoint(): PostgresEndpoint;
}
