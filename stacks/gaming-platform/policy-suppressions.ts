// The gaming platform's accepted policy-pack findings (`npm run check`): each says why.
import type { PolicySuppression } from '../../tools/policy-pack/policy-suppression';

export const GAMING_PLATFORM_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [];
