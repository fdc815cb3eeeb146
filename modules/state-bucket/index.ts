export * from './state-bucket';
