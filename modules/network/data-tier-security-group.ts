import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';

export interface DataTierSecurityGroupProps {
  readonly provider: AwsProvider;
  /** The security group's name prefix, from the naming helper (AWS appends a unique suffix). */
  readonly namePrefix: string;
  /** What the group protects, e.g. `Aurora PostgreSQL gaming-platform-prod`. */
  readonly description: string;
  readonly vpcId: string;
  /** The TCP ports the data store listens on (5432; 6379; 8111 and 9111 for DAX). */
  readonly ports: readonly number[];
  /** The only security groups allowed to connect: the applications'. */
  readonly sourceSecurityGroupIds: readonly string[];
}

/**
 * A data store's security group: ingress only from the given security groups on the store's ports,
 * and no egress (a database never opens connections out; the AWS default allow-all egress is removed).
 */
export class DataTierSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;
  /** The group's ID, for `vpc_security_group_ids` and as a source in other groups. */
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: DataTierSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider: props.provider,
      // A prefix, not a fixed name, so create_before_destroy can hold two generations at once.
      namePrefix: `${props.namePrefix}-`,
      description: props.description,
      vpcId: props.vpcId,
      ingress: props.ports.map((port) => ({
        description: `${props.description} from application security groups`,
        protocol: 'tcp',
        fromPort: port,
        toPort: port,
        securityGroups: [...props.sourceSecurityGroupIds],
        cidrBlocks: [],
        ipv6CidrBlocks: [],
        prefixListIds: [],
        selfAttribute: false,
      })),
      egress: [],
      // Replacing a group in use fails while members still reference it: create the new one first.
      lifecycle: { createBeforeDestroy: true },
    });
    this.securityGroupId = this.securityGroup.id;
  }
}
