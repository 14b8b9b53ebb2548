export * from './replica-epoch';
export * from './sync-protocol';
