export * from './identifiers';
export * from './managed-password-rotation';
export * from './max-connections';
export * from './monitoring-role';
export * from './observability';
export * from './postgres-endpoint';
export * from './postgres-parameters';
export * from './write-only-credentials';
