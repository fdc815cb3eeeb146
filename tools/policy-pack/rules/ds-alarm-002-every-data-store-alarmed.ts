import { PolicyRule, RuleFinding } from '../rule';
import { DATA_STORE_KINDS, DataStoreKind } from '../terraform/data-stores';
import { refersTo } from '../terraform/references';
import { asBlocks, StackDocument, TerraformBlock } from '../terraform/stack-document';
import { asLiteralString } from '../terraform/values';

/** The dimension maps of an alarm: its own `dimensions` and those of each metric_query's metric. */
function alarmDimensions(alarm: TerraformBlock): Readonly<Record<string, unknown>>[] {
  const own = alarm.body.dimensions ? [alarm.body.dimensions as Record<string, unknown>] : [];
  const queries = asBlocks(alarm.body.metric_query).flatMap((query) => asBlocks(query.metric).map((metric) => (metric.dimensions ?? {}) as Record<string, unknown>));
  return [...own, ...queries];
}

function names(store: TerraformBlock, kind: DataStoreKind, value: unknown): boolean {
  if (refersTo(value, store.address)) return true;
  const name = asLiteralString(store.body[kind.nameArgument]);
  const literal = asLiteralString(value);
  if (name === undefined || literal === undefined) return false;
  // ElastiCache metrics name a node of the group: <replication_group_id>-001, <id>-0001-001.
  return literal === name || (kind.type === 'aws_elasticache_replication_group' && literal.startsWith(`${name}-`));
}

/** The values alarms give each dimension name, across the stack. */
function dimensionValues(stack: StackDocument): Map<string, unknown[]> {
  const values = new Map<string, unknown[]>();
  for (const alarm of stack.resources('aws_cloudwatch_metric_alarm')) {
    for (const dimensions of alarmDimensions(alarm)) {
      for (const [dimension, value] of Object.entries(dimensions)) values.set(dimension, [...(values.get(dimension) ?? []), value]);
    }
  }
  return values;
}

export const rule: PolicyRule = {
  id: 'DS-ALARM-002',
  title: 'Every data store has an alarm',
  severity: 'error',
  resourceTypes: DATA_STORE_KINDS.map((kind) => kind.type),
  rationale: 'A cluster, instance, cache, table or proxy no alarm watches fails unnoticed until its users report it.',
  controls: [],
  check: (stack) => {
    const values = dimensionValues(stack);
    const isWatched = (store: TerraformBlock, kind: DataStoreKind) =>
      kind.dimensions.some((dimension) => (values.get(dimension) ?? []).some((value) => names(store, kind, value)));
    return DATA_STORE_KINDS.flatMap((kind) =>
      stack
        .resources(kind.type)
        .filter((store) => !isWatched(store, kind))
        .map((store): RuleFinding => ({ address: store.address, message: `no aws_cloudwatch_metric_alarm has a ${kind.dimensions.join(' or ')} dimension naming it` })),
    );
  },
};
