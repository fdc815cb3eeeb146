import { ResourceNaming } from '../../modules/naming';
import { SubnetTier } from '../../modules/network';
import { RdsProxy, RdsProxySettings, rdsProxySettingsRules } from '../../modules/rds-proxy';
import { ValidationRule } from '../../modules/validation';
import { Built, Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputDeclaration, OutputNames } from '../composition/outputs';
import { outputNamesRules } from './output-names';
import { PostgresDatabaseComponent } from './postgres-database';

/** An environment's RDS Proxy settings. */
export interface RdsProxyConfig extends RdsProxySettings {
  /**
   * The subnet tier of the proxy's network interfaces.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

export interface RdsProxyOptions {
  /** The database behind the proxy (listed before this component). */
  readonly database: PostgresDatabaseComponent;
  /** @default - every setting at its default (RDS_PROXY_DEFAULTS) */
  readonly config?: RdsProxyConfig;
  /** @default 'proxy' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'Proxy' */
  readonly id?: string;
  /** @default - the default output names */
  readonly outputs?: OutputNames;
}

const OUTPUTS = ['rds_proxy_endpoint', 'rds_proxy_read_only_endpoint', 'rds_proxy_arn'];

function outputs(proxy: RdsProxy, region: string): OutputDeclaration[] {
  return [
    {
      name: 'rds_proxy_endpoint',
      description: `RDS Proxy read/write endpoint in ${region} (port ${proxy.port}; TLS with an Amazon Trust Services certificate, see docs/rds-proxy.md)`,
      value: proxy.endpoint,
    },
    ...(proxy.readOnlyEndpoint === undefined
      ? []
      : [{ name: 'rds_proxy_read_only_endpoint', description: `RDS Proxy read-only endpoint in ${region}, spreading over the Aurora readers`, value: proxy.readOnlyEndpoint }]),
    { name: 'rds_proxy_arn', description: 'RDS Proxy ARN', value: proxy.arn },
  ];
}

/**
 * RDS Proxy in front of a system's PostgreSQL database, in the database's Region, and its outputs. The
 * proxy sits at `<id>` directly under the stack: its address names no Region.
 */
export function rdsProxy(options: RdsProxyOptions): Component & { readonly proxy: Built<RdsProxy> } {
  const built = new Built<RdsProxy>('the RDS Proxy');
  const { subnetTier, ...settings } = options.config ?? {};
  return {
    setting: options.setting ?? 'proxy',
    proxy: built,
    rules({ system, setting, environment }: ComponentCheck): ValidationRule[] {
      // The databases this component fronts are built in the environment's primaryRegion.
      const naming = new ResourceNaming(system, environment.name);
      return [...rdsProxySettingsRules(setting, settings, { naming, region: environment.primaryRegion }), ...outputNamesRules(setting, options.outputs, OUTPUTS)];
    },
    build(stack: StackContext) {
      const database = options.database.endpoint();
      const proxy = built.set(
        new RdsProxy(stack.scope, options.id ?? 'Proxy', { ...settings, subnetTier, context: stack.region(database.region), database }),
      );
      declareOutputs(stack.scope, outputs(proxy, database.region), options.outputs);
    },
  };
}
