/**
 * Something clients reach through a security group of its own: a database, a proxy, a cache.
 *
 * Admission is a standalone ingress rule added to that group, so whatever is built later (a proxy in front
 * of the database, a function that migrates it) is let in without editing the module that owns the group,
 * and without a dependency cycle between the two groups.
 */
export interface Connectable {
  /** The security group the resource's network interfaces carry. */
  readonly securityGroupId: string;
  /** The port clients connect to. */
  readonly port: number;
  /**
   * Admits one security group on the resource's port.
   * @param id names the rule among the group's rules (a construct id: keep it stable, it is part of the address)
   */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void;
}
