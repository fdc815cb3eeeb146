export * from './event-categories';
export * from './rds-event-subscriptions';
