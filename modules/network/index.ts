export * from './connectable';
export * from './data-tier-security-group';
export * from './network-placement';
export * from './region-network';
