// What a system declares to accept a policy-pack finding (`npm run check`), the way cdk-nag has it:
// per rule and resource, with the reason a reviewer reads. A type only: the pack in tools/ applies it,
// and nothing in stacks/ depends on the tooling.
export interface PolicySuppression {
  /** The rule whose finding is accepted (`DS-RDS-010`). */
  readonly ruleId: string;
  /** The resource's Terraform address, or a pattern where `*` stands for any text (`aws_rds_cluster.Aurora_*`). */
  readonly resource: string;
  /**
   * The stacks it applies to.
   * @default - every stack of the system
   */
  readonly stacks?: readonly string[];
  /** Why the finding is acceptable, in a sentence a reviewer would accept; printed by `npm run check`. */
  readonly reason: string;
}
