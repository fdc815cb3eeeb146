import { eachResource, PolicyRule } from '../rule';
import { resolve } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';

/** Why a backup plan's rule does not copy to a vault in another Region; undefined when it does. */
export function crossRegionCopyProblem(stack: StackDocument, plan: TerraformBlock, planRule: Readonly<Record<string, unknown>>): string | undefined {
  const label = `rule ${String(planRule.rule_name ?? '(unnamed)')}`;
  const copies = asBlocks(planRule.copy_action);
  if (copies.length === 0) return `${label} has no copy_action: its recovery points stay in the Region they protect`;
  const home = stack.regionOf(plan);
  const crossRegion = copies.some((copy) => {
    const vault = resolve(stack, copy.destination_vault_arn);
    if (vault.kind === 'block' && vault.block.type === 'aws_backup_vault') {
      const region = stack.regionOf(vault.block);
      return region !== undefined && home !== undefined && region !== home;
    }
    const literalRegion = vault.kind === 'literal' ? /^arn:[^:]+:backup:([^:]+):/.exec(vault.value)?.[1] : undefined;
    return literalRegion !== undefined && home !== undefined && literalRegion !== home;
  });
  return crossRegion ? undefined : `${label} copies only to vaults whose Region cannot be shown to differ from the plan's (${home ?? 'unknown'})`;
}

export const rule: PolicyRule = {
  id: 'DS-BACKUP-002',
  title: 'Production backup plans copy to another Region',
  severity: 'error',
  resourceTypes: ['aws_backup_plan'],
  rationale: 'A Regional outage or a compromised account Region takes same-Region recovery points with it; production copies every recovery point to a vault in another Region.',
  controls: [],
  check: (stack) =>
    stack.isProduction
      ? eachResource(stack, rule.resourceTypes, (plan) =>
          asBlocks(plan.body.rule)
            .map((planRule) => crossRegionCopyProblem(stack, plan, planRule))
            .filter((problem): problem is string => problem !== undefined),
        )
      : [],
};
