import { Construct } from 'constructs';
import type { EnvironmentPolicy, RegionContext } from '../../modules/context';
import type { ResourceNaming } from '../../modules/naming';
import type { ValidationRule } from '../../modules/validation';
import type { EnvironmentConfig } from '../common/environment';

/** What a component's configuration checks see: its setting path and the environment it is part of. */
export interface ComponentCheck {
  /** The system (`gaming-platform`). */
  readonly system: string;
  /** The component's setting path, e.g. `gaming-platform.environments.prod.aurora`. */
  readonly setting: string;
  /** The environment, for checks that depend on its Regions. */
  readonly environment: EnvironmentConfig;
  /** The environment's resolved policy. */
  readonly policy: EnvironmentPolicy;
}

/** What a stack offers the components built in it. */
export interface StackContext {
  /** The stack: construct ids directly under it are part of Terraform addresses, so components keep theirs stable. */
  readonly scope: Construct;
  /** The system (the stack name's prefix). */
  readonly system: string;
  /** The environment's configuration. */
  readonly environment: EnvironmentConfig;
  /** The environment's policy, resolved once. */
  readonly policy: EnvironmentPolicy;
  /** Physical names: `<system>-<environment>-<component>`. */
  readonly naming: ResourceNaming;
  /** The Regions the environment uses, primary first. */
  readonly regions: readonly string[];
  /** The Region of the primary (writer) resources. */
  readonly primaryRegion: string;
  /** The Region of replicas, when the environment has one. */
  readonly secondaryRegion?: string;
  /** One Region's context: provider, network, alarm topics, names, policy. */
  region(region: string): RegionContext;
}

/**
 * One part of a system's database layer (an Aurora cluster, a cache, DynamoDB tables, migrations on
 * deploy...). A system is a list of components: each checks its own configuration with setting paths
 * before any stack exists, then builds its constructs and declares its outputs in every environment's stack.
 */
export interface Component {
  /** The component's key in the environment's configuration; names it in setting paths. */
  readonly setting: string;
  /** Every check of the component's configuration. */
  rules(check: ComponentCheck): ValidationRule[];
  /** Builds the component's constructs and outputs in a stack. */
  build(stack: StackContext): void;
}

/**
 * What a component built, for the components listed after it (a proxy needs its database, DAX its tables).
 * Reading it before the component is built is a declaration error: list producers before their users.
 */
export class Built<T> {
  private value?: T;

  constructor(private readonly what: string) {}

  set(value: T): T {
    this.value = value;
    return value;
  }

  get(): T {
    if (this.value === undefined) {
      throw new Error(`${this.what} is used before it is built: list it before the components that use it`);
    }
    return this.value;
  }
}
