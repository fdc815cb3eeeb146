import { ResourceNaming } from '../naming';
import { DAX_NAME_LIMITS } from './dax-name-limits';

/**
 * The cluster's name from the naming helper: `<system>-<environment>-dax` when it fits DAX's 20
 * characters, else the system shortened to its initials (`gaming-platform` -> `gp-prod-dax`).
 */
export function daxClusterName(naming: ResourceNaming): string {
  const full = naming.name('dax');
  if (DAX_NAME_LIMITS.clusterName.pattern.test(full)) return full;
  const initials = naming.system
    .split('-')
    .map((word) => word.charAt(0))
    .join('');
  return `${initials}-${naming.environment}-dax`;
}
