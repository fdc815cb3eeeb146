import { SqlSession } from '../../../migrations/runner/sql-session';

/** What a query plan reads: each index scan as `<node type>: <index>`, and the tables it reads sequentially. */
export interface PlanSummary {
  readonly indexScans: string[];
  readonly sequentialScans: string[];
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** Runs EXPLAIN (FORMAT JSON) on a query and summarises the plan the server chose. */
export async function explain(db: SqlSession, sql: string, params: readonly unknown[] = []): Promise<PlanSummary> {
  const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const indexScans: string[] = [];
  const sequentialScans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Index Name'] !== undefined) indexScans.push(`${node['Node Type']}: ${node['Index Name']}`);
    if (node['Node Type'] === 'Seq Scan') sequentialScans.push(node['Relation Name'] ?? '?');
    (node.Plans ?? []).forEach(walk);
  };
  walk(plan[0].Plan);
  return { indexScans, sequentialScans };
}

/** The scans of one index in a summary, whatever their kind (index, index-only or bitmap index scan). */
export function scansOf(summary: PlanSummary, index: string): string[] {
  return summary.indexScans.filter((scan) => /^(Index Scan|Index Only Scan|Bitmap Index Scan): /.test(scan) && scan.endsWith(`: ${index}`));
}
