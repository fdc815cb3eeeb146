import { eachResource, PolicyRule } from '../rule';
import { refersTo, resolve } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';
import { isTrue } from '../terraform/values';

/** A route to the internet through an internet gateway of the stack. */
function routesToInternetGateway(stack: StackDocument, table: TerraformBlock): boolean {
  const routes = [
    ...asBlocks(table.body.route),
    ...stack.resources('aws_route').filter((route) => refersTo(route.body.route_table_id, table.address)).map((route) => route.body),
  ];
  return routes.some((route) => {
    const target = resolve(stack, route.gateway_id);
    const toAnywhere = route.cidr_block === '0.0.0.0/0' || route.destination_cidr_block === '0.0.0.0/0';
    return toAnywhere && target.kind === 'block' && target.block.type === 'aws_internet_gateway';
  });
}

function isPublicSubnet(stack: StackDocument, subnet: TerraformBlock): boolean {
  return stack
    .resources('aws_route_table_association')
    .filter((association) => refersTo(association.body.subnet_id, subnet.address))
    .some((association) => {
      const table = resolve(stack, association.body.route_table_id);
      return table.kind === 'block' && table.block.type === 'aws_route_table' && routesToInternetGateway(stack, table.block);
    });
}

export const rule: PolicyRule = {
  id: 'DS-NET-006',
  title: 'Public IP addresses only on public subnets',
  severity: 'error',
  resourceTypes: ['aws_subnet'],
  rationale: 'A subnet that maps public addresses on launch gives one to every ENI in it (Lambda, proxies, endpoints); only subnets routed to an internet gateway need that.',
  controls: ['EC2.15', 'CKV_AWS_130'],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (subnet) =>
      isTrue(subnet.body.map_public_ip_on_launch) && !isPublicSubnet(stack, subnet)
        ? 'map_public_ip_on_launch is true, but no route table of this stack routes the subnet to an internet gateway: it is not a public subnet'
        : undefined,
    ),
};
