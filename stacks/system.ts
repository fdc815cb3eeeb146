import { App } from 'cdktf';
import { ValidationRule } from '../modules/validation';

/** A system DataStack builds: its configuration checks and its stacks (a declared system, or the state-backend bootstrap). */
export interface SystemDefinition {
  /** The system's name, the prefix of its stack names. */
  readonly name: string;
  /** Every check of the system's configuration, run before any stack is built. */
  validationRules(): ValidationRule[];
  /** Adds the system's stacks to the app. */
  addStacks(app: App): void;
}
