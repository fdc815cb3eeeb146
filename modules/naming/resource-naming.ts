/**
 * The one place physical AWS names come from: `${system}-${environment}-${component}`.
 *
 * Physical names are part of what AWS and operators see (`gaming-platform-prod-aurora`); keeping
 * them in one helper makes them predictable and stops two modules from choosing clashing names.
 */
export class ResourceNaming {
  constructor(
    /** The system, as in the stack name prefix (`gaming-platform`). */
    public readonly system: string,
    /** The environment (`dev`, `staging`, `prod`). */
    public readonly environment: string,
  ) {}

  /** `${system}-${environment}`, the prefix every physical name starts with. */
  get prefix(): string {
    return `${this.system}-${this.environment}`;
  }

  /** The physical name of a component: `gaming-platform-prod-aurora-eu-west-2`. */
  name(...components: string[]): string {
    return [this.prefix, ...components].join('-');
  }
}
