export * from './resource-naming';
