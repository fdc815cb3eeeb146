import { ResourceNaming } from '../naming';

/** DAX cluster names: 1-20 characters, a letter first, letters, digits and single hyphens. */
export const DAX_CLUSTER_NAME = /^(?=.{1,20}$)[a-zA-Z](?:-?[a-zA-Z0-9])*$/;

/**
 * The cluster's name from the naming helper: `<system>-<environment>-dax` when it fits DAX's 20
 * characters, else the system shortened to its initials (`gaming-platform` -> `gp-prod-dax`).
 */
export function daxClusterName(naming: ResourceNaming): string {
  const full = naming.name('dax');
  if (DAX_CLUSTER_NAME.test(full)) return full;
  const initials = naming.system
    .split('-')
    .map((word) => word.charAt(0))
    .join('');
  return `${initials}-${naming.environment}-dax`;
}
