export * from './maintenance-windows';
export * from './window-rules';
