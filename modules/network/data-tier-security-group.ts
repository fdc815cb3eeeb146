import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';

export interface DataTierSecurityGroupProps {
  readonly provider: AwsProvider;
  /** The security group's name prefix, from the naming helper (AWS appends a unique suffix). */
  readonly namePrefix: string;
  /** What the group protects, e.g. `Aurora PostgreSQL gaming-platform-prod`. */
  readonly description: string;
  readonly vpcId: string;
  /** The TCP ports the data store listens on (5432; 6379; 9111 for DAX). */
  readonly ports: readonly number[];
  /** The security groups admitted on every port from the start: the applications'. */
  readonly sourceSecurityGroupIds: readonly string[];
}

/**
 * A data store's security group: ingress only from security groups, on the store's ports, as standalone
 * `aws_vpc_security_group_ingress_rule` resources; no egress (Terraform removes the allow-all rule AWS
 * adds to a new group, and a data store never opens connections out).
 *
 * The group carries no inline rules, so rules added later by other constructs (`allowFrom`, `allowTo`)
 * never fight the group's own definition.
 */
export class DataTierSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;
  /** The group's ID, for `vpc_security_group_ids` and as a source in other groups. */
  public readonly securityGroupId: string;
  private readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: DataTierSecurityGroupProps) {
    super(scope, id);
    this.provider = props.provider;
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider: props.provider,
      // A prefix, not a fixed name, so create_before_destroy can hold two generations at once.
      namePrefix: `${props.namePrefix}-`,
      description: props.description,
      vpcId: props.vpcId,
      // Replacing a group in use fails while members still reference it: create the new one first.
      lifecycle: { createBeforeDestroy: true },
    });
    this.securityGroupId = this.securityGroup.id;
    for (const port of props.ports) {
      this.admitApplications(port, props.sourceSecurityGroupIds, `${props.description} from application security groups`);
    }
  }

  /** Admits one security group on one port (`id` names the rule; keep it stable). */
  allowFrom(id: string, sourceSecurityGroupId: string, port: number, description: string): void {
    new VpcSecurityGroupIngressRule(this, id, {
      provider: this.provider,
      securityGroupId: this.securityGroupId,
      referencedSecurityGroupId: sourceSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      description,
    });
  }

  /** Lets the group's members open connections to one security group on one port (a proxy to its database). */
  allowTo(id: string, destinationSecurityGroupId: string, port: number, description: string): void {
    new VpcSecurityGroupEgressRule(this, id, {
      provider: this.provider,
      securityGroupId: this.securityGroupId,
      referencedSecurityGroupId: destinationSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      description,
    });
  }

  /**
   * One rule per application security group on `port`. IDs given in configuration or created in the stack
   * arrive as a list of known length: a rule each, by position. Groups looked up by tags arrive as one list
   * whose length Terraform learns at plan time: `for_each` over it, keyed by group ID.
   */
  private admitApplications(port: number, sourceSecurityGroupIds: readonly string[], description: string): void {
    // Token.isUnresolved is true for an encoded list token, false for a list of (possibly unresolved) strings.
    if (Token.isUnresolved(sourceSecurityGroupIds)) {
      const sources = TerraformIterator.fromList(sourceSecurityGroupIds as string[]);
      new VpcSecurityGroupIngressRule(this, `Port${port}FromApplications`, {
        provider: this.provider,
        forEach: sources,
        securityGroupId: this.securityGroupId,
        referencedSecurityGroupId: sources.value,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        description,
      });
      return;
    }
    sourceSecurityGroupIds.forEach((source, index) => this.allowFrom(`Port${port}FromApplication${index + 1}`, source, port, description));
  }
}

