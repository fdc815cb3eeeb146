// Every system's accepted policy-pack findings, by system name (the prefix of its stack names). A new
// system adds its `stacks/<system>/policy-suppressions.ts` here; a test requires one entry per system.
import { CONTENT_HUB_POLICY_SUPPRESSIONS } from './content-hub/policy-suppressions';
import { GAMING_PLATFORM_POLICY_SUPPRESSIONS } from './gaming-platform/policy-suppressions';
import { PolicySuppression } from './policy-suppression';
import { SHOP_PULSE_POLICY_SUPPRESSIONS } from './shop-pulse/policy-suppressions';
import { SKILLANCER_POLICY_SUPPRESSIONS } from './skillancer/policy-suppressions';
import { STATE_BACKEND_POLICY_SUPPRESSIONS } from './state-backend/policy-suppressions';
import { TRIVIA_NFT_POLICY_SUPPRESSIONS } from './trivia-nft/policy-suppressions';

export const SYSTEMS_POLICY_SUPPRESSIONS: Readonly<Record<string, readonly PolicySuppression[]>> = {
  'content-hub': CONTENT_HUB_POLICY_SUPPRESSIONS,
  'gaming-platform': GAMING_PLATFORM_POLICY_SUPPRESSIONS,
  'shop-pulse': SHOP_PULSE_POLICY_SUPPRESSIONS,
  skillancer: SKILLANCER_POLICY_SUPPRESSIONS,
  'state-backend': STATE_BACKEND_POLICY_SUPPRESSIONS,
  'trivia-nft': TRIVIA_NFT_POLICY_SUPPRESSIONS,
};
