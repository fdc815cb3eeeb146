export * from './regional-providers';
