import { App } from 'cdktf';
import { ValidationRule } from '../modules/validation';

/** A system DataStack builds (a row of DESIGN.md's seed table): its configuration checks and its stacks. */
export interface SystemDefinition {
  /** The system's name, the prefix of its stack names. */
  readonly name: string;
  /** Every check of the system's configuration, run before any stack is built. */
  validationRules(): ValidationRule[];
  /** Adds the system's stacks to the app. */
  addStacks(app: App): void;
}
