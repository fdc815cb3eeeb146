import { NameLimit } from '../validation';

/** Letters, digits and single hyphens, a letter first, no hyphen last, within `max` characters. */
function daxName(what: string, max: number): NameLimit {
  return {
    what,
    pattern: new RegExp(`^(?=.{1,${max}}$)[a-zA-Z](?:-?[a-zA-Z0-9])*$`),
    accepted: `1-${max} letters, digits and single hyphens, starting with a letter and not ending with a hyphen`,
  };
}

/**
 * The names of DAX resources DataStack creates, with the limits AWS documents.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateCluster.html (ClusterName)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateParameterGroup.html (ParameterGroupName)
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateSubnetGroup.html (SubnetGroupName)
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName: the cluster's service role)
 */
export const DAX_NAME_LIMITS = {
  clusterName: daxName('a DAX cluster name', 20),
  parameterGroupName: daxName('a DAX parameter group name', 255),
  subnetGroupName: daxName('a DAX subnet group name', 255),
  roleName: { what: 'an IAM role name', pattern: /^[\w+=,.@-]{1,64}$/, accepted: "1-64 letters, digits and '_+=,.@-'" },
} as const satisfies Record<string, NameLimit>;
