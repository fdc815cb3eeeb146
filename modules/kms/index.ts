export * from './customer-managed-key';
