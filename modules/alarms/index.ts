export * from './alarm-topics';
export * from './metric-alarm';
