export * from './read-secret-statements';
