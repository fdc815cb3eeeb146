export * from './validation-rule';
export * from './rules';
export * from './name-limit';
