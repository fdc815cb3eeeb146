import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AlarmTopics } from '../alarms';
import { ResourceNaming } from '../naming';
import { RegionNetwork } from '../network';
import { EnvironmentPolicy } from './environment-policy';

/**
 * Everything a component needs from the one Region it builds in: the stack creates one per Region and
 * hands it to every module placed there, so no module finds its provider, network, alarm topics, names or
 * policy by itself.
 */
export interface RegionContext {
  /** The Region (`eu-west-2`). */
  readonly region: string;
  /** The aws provider of the Region (aliased by its name, so addresses follow the Region, not its role). */
  readonly provider: AwsProvider;
  /** Physical names: `<system>-<environment>-<component>`. */
  readonly naming: ResourceNaming;
  /** The Region's network: looked up or created, the same shape either way. */
  readonly network: RegionNetwork;
  /** The topics the Region's alarms notify (CloudWatch alarms notify topics in their own Region only). */
  readonly alarmTopics: AlarmTopics;
  /** The environment's policy: deletion protection, prevent_destroy, final snapshots, apply-immediately, log retention. */
  readonly policy: EnvironmentPolicy;
}
