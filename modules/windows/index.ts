export * from './maintenance-windows';
