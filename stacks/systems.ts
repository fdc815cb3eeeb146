import { GAMING_PLATFORM } from './gaming-platform/gaming-platform-system';
import { SKILLANCER } from './skillancer/skillancer-system';
import { stateBackendSystem } from './state-backend/state-backend-system';
import { STATE_BUCKET } from './state-backend/state-bucket-config';
import { SystemDefinition } from './system';

/** Every system DataStack synthesizes, with its shipped configuration. */
export const SYSTEMS: readonly SystemDefinition[] = [GAMING_PLATFORM, SKILLANCER, stateBackendSystem(STATE_BUCKET)];
