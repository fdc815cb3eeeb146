// Every system's policy suppressions as the pack applies them, from the registry in stacks/ (a system
// declares its own in `stacks/<system>/policy-suppressions.ts`).
import { SYSTEMS_POLICY_SUPPRESSIONS } from '../../stacks/systems-policy-suppressions';
import { SystemSuppressions } from './policy-suppression';

export const SYSTEM_SUPPRESSIONS: readonly SystemSuppressions[] = Object.entries(SYSTEMS_POLICY_SUPPRESSIONS).map(([system, suppressions]) => ({
  system,
  suppressions,
}));
