/**
 * The node types DAX offers. A closed list so that a typo fails at synthesis, not at apply; add a
 * type here when AWS adds one.
 * @see https://aws.amazon.com/dynamodb/pricing/ (DAX section) and the DAX CreateCluster API's NodeType
 */
export const DAX_NODE_TYPES = [
  'dax.t2.small', 'dax.t2.medium',
  'dax.t3.small', 'dax.t3.medium',
  'dax.r4.large', 'dax.r4.xlarge', 'dax.r4.2xlarge', 'dax.r4.4xlarge', 'dax.r4.8xlarge', 'dax.r4.16xlarge',
  'dax.r5.large', 'dax.r5.xlarge', 'dax.r5.2xlarge', 'dax.r5.4xlarge', 'dax.r5.8xlarge', 'dax.r5.12xlarge', 'dax.r5.16xlarge', 'dax.r5.24xlarge',
] as const;

export type DaxNodeType = (typeof DAX_NODE_TYPES)[number];

/** Burstable types run on CPU credits; DAX throttles when they run out. */
export function isBurstableDaxNodeType(nodeType: string): boolean {
  return /^dax\.t[0-9]\./.test(nodeType);
}
