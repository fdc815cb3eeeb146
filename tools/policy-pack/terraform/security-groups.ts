// The inbound rules of a security group, wherever the stack declares them: inline `ingress` blocks,
// aws_security_group_rule (type ingress) and aws_vpc_security_group_ingress_rule, the last two tied
// to the group by a reference in `security_group_id`.
import { refersTo, resolve } from './references';
import { asBlocks, StackDocument, TerraformBlock } from './stack-document';
import { asNumber, asStringList, isTrue, isUnset } from './values';

export type Direction = 'ingress' | 'egress';

/** One inbound or outbound rule of a security group. */
export interface SecurityGroupRule {
  /** The address of the block that declares the rule (the group itself for inline rules). */
  readonly declaredBy: string;
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** The peer's address ranges: sources of an inbound rule, destinations of an outbound one. */
  readonly ipv4Cidrs: readonly string[];
  readonly ipv6Cidrs: readonly string[];
  readonly prefixLists: readonly string[];
  /** True when the peers include security groups (or the group itself). */
  readonly fromSecurityGroups: boolean;
}

function normalizedProtocol(value: unknown): string {
  const protocol = String(value ?? '-1').toLowerCase();
  return protocol === 'all' || protocol === '-1' ? '-1' : protocol === '6' ? 'tcp' : protocol;
}

function inlineRule(declaredBy: string, rule: Readonly<Record<string, unknown>>): SecurityGroupRule {
  return {
    declaredBy,
    protocol: normalizedProtocol(rule.protocol),
    fromPort: asNumber(rule.from_port),
    toPort: asNumber(rule.to_port),
    ipv4Cidrs: asStringList(rule.cidr_blocks),
    ipv6Cidrs: asStringList(rule.ipv6_cidr_blocks),
    prefixLists: asStringList(rule.prefix_list_ids),
    fromSecurityGroups: !isUnset(rule.security_groups) || isTrue(rule.self),
  };
}

/**
 * Every rule of `group` in one direction declared in the stack: inline blocks, aws_security_group_rule
 * of that type, and aws_vpc_security_group_ingress_rule / aws_vpc_security_group_egress_rule.
 */
export function securityGroupRules(stack: StackDocument, group: TerraformBlock, direction: Direction): SecurityGroupRule[] {
  const inline = asBlocks(group.body[direction]).map((rule) => inlineRule(group.address, rule));
  const legacy = stack
    .resources('aws_security_group_rule')
    .filter((rule) => rule.body.type === direction && refersTo(rule.body.security_group_id, group.address))
    .map((rule) => ({
      ...inlineRule(rule.address, rule.body),
      fromSecurityGroups: !isUnset(rule.body.source_security_group_id) || isTrue(rule.body.self),
    }));
  const standalone = stack
    .resources(`aws_vpc_security_group_${direction}_rule`)
    .filter((rule) => refersTo(rule.body.security_group_id, group.address))
    .map((rule) => ({
      declaredBy: rule.address,
      protocol: normalizedProtocol(rule.body.ip_protocol),
      fromPort: asNumber(rule.body.from_port),
      toPort: asNumber(rule.body.to_port),
      ipv4Cidrs: asStringList(rule.body.cidr_ipv4),
      ipv6Cidrs: asStringList(rule.body.cidr_ipv6),
      prefixLists: asStringList(rule.body.prefix_list_id),
      fromSecurityGroups: !isUnset(rule.body.referenced_security_group_id),
    }));
  return [...inline, ...legacy, ...standalone];
}

/** Every inbound rule of `group` declared in the stack. */
export function ingressRules(stack: StackDocument, group: TerraformBlock): SecurityGroupRule[] {
  return securityGroupRules(stack, group, 'ingress');
}

export type GroupResolution = { readonly kind: 'group'; readonly group: TerraformBlock } | { readonly kind: 'unknown'; readonly expression: string };

/** The security groups a data store attaches (`vpc_security_group_ids`, `security_group_ids`), each resolved. */
export function attachedGroups(stack: StackDocument, value: unknown): GroupResolution[] {
  return asStringList(value).map((entry) => {
    const resolution = resolve(stack, entry);
    return resolution.kind === 'block' && resolution.block.type === 'aws_security_group'
      ? { kind: 'group', group: resolution.block }
      : { kind: 'unknown', expression: entry };
  });
}

/** True when the rule's peer is anywhere (0.0.0.0/0 or ::/0). */
export function isOpenToTheWorld(rule: SecurityGroupRule): boolean {
  return rule.ipv4Cidrs.includes('0.0.0.0/0') || rule.ipv6Cidrs.includes('::/0');
}

/** The ports a rule opens, as text (`5432`, `8000-9000`, `all ports`). */
export function describePorts(rule: SecurityGroupRule): string {
  if (rule.protocol === '-1' || rule.fromPort === undefined || rule.toPort === undefined) return 'all ports';
  return rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
}
