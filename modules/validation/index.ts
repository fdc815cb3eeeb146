export * from './validation-rule';
export * from './rules';
