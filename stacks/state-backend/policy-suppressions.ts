// The state bucket's accepted policy-pack findings (`npm run check`): each says why.
import type { PolicySuppression } from '../policy-suppression';

export const STATE_BACKEND_POLICY_SUPPRESSIONS: readonly PolicySuppression[] = [];
