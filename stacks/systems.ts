import { CONTENT_HUB } from './content-hub/content-hub-system';
import { GAMING_PLATFORM } from './gaming-platform/gaming-platform-system';
import { SHOP_PULSE } from './shop-pulse/shop-pulse-system';
import { SKILLANCER } from './skillancer/skillancer-system';
import { stateBackendSystem } from './state-backend/state-backend-system';
import { STATE_BUCKET } from './state-backend/state-bucket-config';
import { SystemDefinition } from './system';
import { TRIVIA_NFT } from './trivia-nft/trivia-nft-system';

/** Every system DataStack synthesizes, with its shipped configuration. */
export const SYSTEMS: readonly SystemDefinition[] = [GAMING_PLATFORM, TRIVIA_NFT, CONTENT_HUB, SHOP_PULSE, SKILLANCER, stateBackendSystem(STATE_BUCKET)];
