export * from './environment-state-backend';
