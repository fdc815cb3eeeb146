export * from './read-secret-statements';
export * from './secret-name-limit';
