export * from './aws-backup';
export * from './backup-role';
export * from './backup-settings';
export * from './backup-vault';
export * from './defaults';
export * from './validate-backup';
