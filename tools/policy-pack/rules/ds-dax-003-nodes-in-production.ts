import { eachResource, PolicyRule } from '../rule';
import { asNumber } from '../terraform/values';

/** AWS recommends at least three nodes, one per Availability Zone, for a production DAX cluster. */
export const PRODUCTION_DAX_NODES = 3;

export const rule: PolicyRule = {
  id: 'DS-DAX-003',
  title: 'DAX has three nodes in production',
  severity: 'error',
  resourceTypes: ['aws_dax_cluster'],
  rationale: 'A DAX cluster below three nodes, one per Availability Zone, loses its cache or its endpoint when a node or a zone fails.',
  controls: [],
  check: (stack) =>
    stack.isProduction
      ? eachResource(stack, rule.resourceTypes, (block) => {
          const nodes = asNumber(block.body.replication_factor) ?? 0;
          return nodes >= PRODUCTION_DAX_NODES ? undefined : `replication_factor must be at least ${PRODUCTION_DAX_NODES} in production, got ${nodes}`;
        })
      : [],
};
