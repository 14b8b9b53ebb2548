export * from './sync-protocol';
