// Every system's policy suppressions, read from `stacks/<system>/policy-suppressions.ts`. A new
// system adds its file here.
import { GAMING_PLATFORM_POLICY_SUPPRESSIONS } from '../../stacks/gaming-platform/policy-suppressions';
import { STATE_BACKEND_POLICY_SUPPRESSIONS } from '../../stacks/state-backend/policy-suppressions';
import { SystemSuppressions } from './policy-suppression';

export const SYSTEM_SUPPRESSIONS: readonly SystemSuppressions[] = [
  { system: 'gaming-platform', suppressions: GAMING_PLATFORM_POLICY_SUPPRESSIONS },
  { system: 'state-backend', suppressions: STATE_BACKEND_POLICY_SUPPRESSIONS },
];
