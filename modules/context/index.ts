export * from './environment-policy';
export * from './region-context';
