import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Construct } from 'constructs';
import { regionConstructId, regionProviderAlias } from '../regions';

export interface RegionalProvidersProps {
  /** The Region of the default (unaliased) aws provider. */
  readonly primaryRegion: string;
  /** Every Region the stack uses; each gets an aws provider aliased by its name (`eu_west_2`). */
  readonly regions: readonly string[];
  /** Tags every taggable aws resource receives (`default_tags`). */
  readonly defaultTags: Readonly<Record<string, string>>;
  /**
   * Account IDs the providers refuse to work outside of.
   * @default - any account
   */
  readonly allowedAccountIds?: readonly string[];
  /**
   * A role the providers assume.
   * @default - the caller's own credentials
   */
  readonly assumeRoleArn?: string;
  /**
   * The session name used when assuming `assumeRoleArn` (shows in CloudTrail).
   * @default 'datastack'
   */
  readonly assumeRoleSessionName?: string;
}

/**
 * The stack's providers: an aws provider per Region, aliased by the Region's name, plus an unaliased
 * one in the primary Region and the random provider.
 *
 * Regional resources take their provider from `forRegion(region)`, so their provider address
 * (`aws.eu_west_2`) follows the Region, not its role: after a Global Database switchover, changing
 * the environment's primary Region re-points nothing but the unaliased default.
 */
export class RegionalProviders extends Construct {
  /** The unaliased aws provider, in the primary Region. */
  public readonly primary: AwsProvider;
  public readonly random: RandomProvider;
  private readonly byRegion = new Map<string, AwsProvider>();

  constructor(scope: Construct, id: string, props: RegionalProvidersProps) {
    super(scope, id);
    const shared = {
      defaultTags: [{ tags: { ...props.defaultTags } }],
      allowedAccountIds: props.allowedAccountIds ? [...props.allowedAccountIds] : undefined,
      assumeRole: props.assumeRoleArn
        ? [{ roleArn: props.assumeRoleArn, sessionName: props.assumeRoleSessionName ?? 'datastack' }]
        : undefined,
    };
    this.primary = new AwsProvider(this, 'Aws', { ...shared, region: props.primaryRegion });
    for (const region of props.regions) {
      this.byRegion.set(
        region,
        new AwsProvider(this, `Aws${regionConstructId(region)}`, { ...shared, region, alias: regionProviderAlias(region) }),
      );
    }
    this.random = new RandomProvider(this, 'Random');
  }

  /** The aws provider of a Region the stack uses. */
  forRegion(region: string): AwsProvider {
    const provider = this.byRegion.get(region);
    if (provider === undefined) {
      throw new Error(`No aws provider for Region ${region}; this stack uses ${[...this.byRegion.keys()].join(', ')}`);
    }
    return provider;
  }
}
