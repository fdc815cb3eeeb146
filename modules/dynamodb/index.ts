export * from './global-table';
export * from './table-alarms';
export * from './table-autoscaling';
export * from './table-billing';
export * from './table-definition';
export * from './table-name-limit';
export * from './table-features';
