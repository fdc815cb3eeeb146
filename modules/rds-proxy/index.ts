export * from './defaults';
export * from './rds-proxy';
export * from './rds-proxy-alarms';
export * from './rds-proxy-role';
export * from './rds-proxy-settings';
export * from './validate-rds-proxy';
