import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { ApplicationEgress } from './vpc-network-settings';

export interface ApplicationSecurityGroupProps {
  readonly provider: AwsProvider;
  readonly vpcId: string;
  /** The VPC's block (`within-vpc` egress is limited to it). */
  readonly vpcCidr: string;
  /** The group's name prefix (`content-hub-prod-application-us-east-1`; AWS appends a unique suffix). */
  readonly namePrefix: string;
  readonly egress: ApplicationEgress;
  /** The prefix lists of the VPC's gateway endpoints (`within-vpc` egress allows HTTPS to them). */
  readonly gatewayEndpointPrefixLists: readonly { readonly service: string; readonly prefixListId: string }[];
}

/**
 * The security group applications carry (Lambda functions, containers): the source data-tier groups and the
 * interface endpoints admit. No ingress; egress as configured, as standalone rules, so rules other stacks
 * add to the group never fight its definition.
 */
export class ApplicationSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: ApplicationSecurityGroupProps) {
    super(scope, id);
    const { provider } = props;
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider,
      namePrefix: `${props.namePrefix}-`,
      description: `Applications of ${props.namePrefix}: admitted by the data tier and the VPC endpoints`,
      vpcId: props.vpcId,
      tags: { Name: props.namePrefix, Tier: 'application' },
      lifecycle: { createBeforeDestroy: true },
    });
    this.securityGroupId = this.securityGroup.id;

    if (props.egress === 'all') {
      new VpcSecurityGroupEgressRule(this, 'EgressAll', {
        provider,
        securityGroupId: this.securityGroupId,
        ipProtocol: '-1',
        cidrIpv4: '0.0.0.0/0',
        description: 'Anywhere the route tables lead (NAT, VPC endpoints, the VPC)',
      });
      return;
    }
    new VpcSecurityGroupEgressRule(this, 'EgressWithinVpc', {
      provider,
      securityGroupId: this.securityGroupId,
      ipProtocol: '-1',
      cidrIpv4: props.vpcCidr,
      description: 'The VPC only: databases, caches, interface endpoints',
    });
    for (const { service, prefixListId } of props.gatewayEndpointPrefixLists) {
      new VpcSecurityGroupEgressRule(this, `EgressHttpsTo${service.charAt(0).toUpperCase()}${service.slice(1)}`, {
        provider,
        securityGroupId: this.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        prefixListId,
        description: `HTTPS to ${service} through its gateway endpoint`,
      });
    }
  }
}
