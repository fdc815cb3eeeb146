// The state bucket's accepted policy-pack findings (`npm run check`): each says why.
import type { PolicySuppression } from '../../tools/policy-pack/policy-suppression';

export const STATE_BACKEND_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [];
