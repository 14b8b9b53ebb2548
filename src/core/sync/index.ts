export * from './client-time';
export * from './field-conflict-decision';
export * from './mutation-result';
export * from './outbox-catch-up';
export * from './outbox-decision';
export * from './replica-epoch';
export * from './sync-protocol';
