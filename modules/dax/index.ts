export * from './dax-access-policy';
export * from './dax-alarms';
export * from './dax-cluster';
export * from './dax-cluster-name';
export * from './dax-node-types';
export * from './dax-name-limits';
