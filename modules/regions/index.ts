export * from './aws-regions';
