import { ServerlessCache, serverlessCacheSettingsRules, ServerlessCacheSettings } from '../../modules/cache';
import { SubnetTier } from '../../modules/network';
import { ValidationRule } from '../../modules/validation';
import { Built, Component, ComponentCheck, StackContext } from '../composition/component';
import { declareOutputs, OutputNames } from '../composition/outputs';
import { cacheUserOutputs } from './cache-user-outputs';
import { outputNamesRules } from './output-names';

/** An environment's ElastiCache serverless cache in its primaryRegion. */
export interface ServerlessCacheConfig extends ServerlessCacheSettings {
  /**
   * The subnet tier of the cache's endpoints.
   * @default 'data'
   */
  readonly subnetTier?: SubnetTier;
}

export interface ServerlessCacheOptions {
  /** @default 'cache' */
  readonly setting?: string;
  /** The construct id under the stack (part of every address: never change it once deployed). @default 'ServerlessCache' */
  readonly id?: string;
  /** @default - the default output names (prefixed with the engine: `valkey_`, `redis_`) */
  readonly outputs?: OutputNames;
}

/**
 * An ElastiCache serverless cache (Valkey by default) in the primary Region: usage limits, TLS, its own
 * key and security group (both ports the serverless endpoints use), and its outputs, including a `rediss://`
 * URL (serverless caches serve TLS only).
 */
export function serverlessCache(config: ServerlessCacheConfig, options: ServerlessCacheOptions = {}): Component & { readonly cache: Built<ServerlessCache> } {
  const built = new Built<ServerlessCache>('the serverless cache');
  const { subnetTier, ...settings } = config;
  const prefix = settings.engine ?? 'valkey';
  const names = ['endpoint', 'reader_endpoint', 'port', 'url', 'user_names', 'user_secret_arns'].map((name) => `${prefix}_${name}`);
  return {
    setting: options.setting ?? 'cache',
    cache: built,
    rules({ setting }: ComponentCheck): ValidationRule[] {
      return [...serverlessCacheSettingsRules(setting, settings), ...outputNamesRules(setting, options.outputs, names)];
    },
    build(stack: StackContext) {
      const cache = built.set(new ServerlessCache(stack.scope, options.id ?? 'ServerlessCache', { ...settings, subnetTier, context: stack.region(stack.primaryRegion) }));
      declareOutputs(
        stack.scope,
        [
          { name: `${prefix}_endpoint`, description: `Serverless ${prefix} endpoint in ${cache.region} (TLS only; reads and writes)`, value: cache.endpointAddress },
          { name: `${prefix}_reader_endpoint`, description: `Serverless ${prefix} reader endpoint in ${cache.region} (TLS only; port 6380)`, value: cache.readerEndpointAddress },
          { name: `${prefix}_port`, description: 'Port of the serverless endpoint (6379; the reader endpoint listens on 6380)', value: cache.port },
          { name: `${prefix}_url`, description: 'Connection URL (TLS: rediss://)', value: `rediss://${cache.endpointAddress}:${cache.port}` },
          ...cacheUserOutputs(prefix, cache.users),
        ],
        options.outputs,
      );
    },
  };
}

