export * from './cached-bundle';
export * from './write-atomically';
