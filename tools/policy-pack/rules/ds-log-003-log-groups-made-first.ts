import { eachResource, PolicyRule } from '../rule';
import { dependsOn, resolve } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';
import { asLiteralString, asStringList } from '../terraform/values';

/** Where a service writes its logs: a log group name (literal or expression) per destination. */
function destinations(block: TerraformBlock): { what: string; name: unknown }[] {
  const named = (argument: string, prefix: string, suffix = '') => {
    const name = asLiteralString(block.body[argument]);
    return name === undefined ? { unresolved: block.body[argument] } : { value: `${prefix}${name}${suffix}` };
  };
  switch (block.type) {
    case 'aws_rds_cluster':
    case 'aws_db_instance': {
      const [argument, kind] = block.type === 'aws_rds_cluster' ? ['cluster_identifier', 'cluster'] : ['identifier', 'instance'];
      return asStringList(block.body.enabled_cloudwatch_logs_exports).map((type) => {
        const name = named(argument, `/aws/rds/${kind}/`, `/${type}`);
        return { what: `the ${type} log`, name: 'value' in name ? name.value : name.unresolved };
      });
    }
    case 'aws_db_proxy': {
      const name = named('name', '/aws/rds/proxy/');
      return [{ what: 'the proxy log', name: 'value' in name ? name.value : name.unresolved }];
    }
    case 'aws_lambda_function': {
      const configured = asBlocks(block.body.logging_config)[0]?.log_group;
      if (configured !== undefined) return [{ what: 'the function log', name: configured }];
      const name = named('function_name', '/aws/lambda/');
      return [{ what: 'the function log', name: 'value' in name ? name.value : name.unresolved }];
    }
    case 'aws_elasticache_replication_group':
      return asBlocks(block.body.log_delivery_configuration)
        .filter((delivery) => delivery.destination_type === 'cloudwatch-logs')
        .map((delivery) => ({ what: `the ${String(delivery.log_type)}`, name: delivery.destination }));
    default:
      return [];
  }
}

function logGroupNamed(stack: StackDocument, name: unknown): TerraformBlock | undefined {
  const resolution = resolve(stack, name);
  if (resolution.kind === 'block') return resolution.block.type === 'aws_cloudwatch_log_group' ? resolution.block : undefined;
  if (resolution.kind !== 'literal') return undefined;
  return stack.resources('aws_cloudwatch_log_group').find((group) => group.body.name === resolution.value);
}

export const rule: PolicyRule = {
  id: 'DS-LOG-003',
  title: 'Services log into log groups made before them',
  severity: 'error',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance', 'aws_db_proxy', 'aws_lambda_function', 'aws_elasticache_replication_group'],
  rationale:
    'A service that writes before its log group exists creates the group itself, unencrypted and kept forever, and Terraform then fails to create it; the stack must declare the group and order the service after it.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) =>
      destinations(block).flatMap(({ what, name }) => {
        const group = logGroupNamed(stack, name);
        if (group === undefined) return [`${what} goes to ${JSON.stringify(name)}, which is no aws_cloudwatch_log_group of this stack`];
        return dependsOn(block, group) ? [] : [`${what} goes to ${group.address}, but the resource neither depends on it nor references it, so it may write first`];
      }),
    ),
};
