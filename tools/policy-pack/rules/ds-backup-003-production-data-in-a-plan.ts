import { PolicyRule, RuleFinding } from '../rule';
import { refersTo, resolve } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';
import { asStringList } from '../terraform/values';
import { crossRegionCopyProblem } from './ds-backup-002-copies-to-another-region';

/** True when an aws_backup_selection of a plan that copies every rule to another Region selects `store`. */
function isCopiedAcrossRegions(stack: StackDocument, store: TerraformBlock): boolean {
  return stack
    .resources('aws_backup_selection')
    .filter((selection) => asStringList(selection.body.resources).some((resource) => refersTo(resource, store.address)))
    .some((selection) => {
      const plan = resolve(stack, selection.body.plan_id);
      if (plan.kind !== 'block' || plan.block.type !== 'aws_backup_plan') return false;
      const rules = asBlocks(plan.block.body.rule);
      return rules.length > 0 && rules.every((planRule) => crossRegionCopyProblem(stack, plan.block, planRule) === undefined);
    });
}

export const rule: PolicyRule = {
  id: 'DS-BACKUP-003',
  title: 'Production data stores backed up to another Region',
  severity: 'warning',
  resourceTypes: ['aws_rds_cluster', 'aws_db_instance', 'aws_dynamodb_table'],
  rationale:
    'Global tables and global databases replicate a DROP or a bad write as faithfully as good data; only backups copied to another Region survive both a Regional outage and a destructive change.',
  controls: ['DynamoDB.4', 'RDS.26', 'CKV2_AWS_8'],
  check: (stack) => {
    if (!stack.isProduction) return [];
    const members = (store: TerraformBlock) => {
      // Clusters of one global database share their data: covering one member covers them all.
      const global = resolve(stack, store.body.global_cluster_identifier);
      return global.kind === 'block' ? stack.resources('aws_rds_cluster').filter((cluster) => refersTo(cluster.body.global_cluster_identifier, global.block.address)) : [store];
    };
    return stack
      .resources(...rule.resourceTypes)
      .filter((store) => asStringList(store.body.replicate_source_db).length === 0)
      .filter((store) => !members(store).some((member) => isCopiedAcrossRegions(stack, member)))
      .map((store): RuleFinding => ({ address: store.address, message: 'no aws_backup_selection puts it in a backup plan whose every rule copies to a vault in another Region' }));
  },
};
