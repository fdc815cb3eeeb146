export * from './migration-bundle';
export * from './migration-function';
