export * from './cached-bundle';
